import { budgetInMemory, type ClientBudget, type ClientBudgets } from '../intake/client-budgets.ts';
import { RateLimiter } from '../intake/rate-limiter.ts';
import { hmacHex } from '../intake/sha256-hex.ts';

/** What the intake uses of a Durable Object namespace binding (Cloudflare's own type). */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

/** What a Durable Object gets of its state: its storage, transactional and its own. */
export interface DurableObjectStateLike {
  storage: {
    get<T>(key: string): Promise<T | undefined>;
    put(key: string, value: unknown): Promise<void>;
    deleteAll(): Promise<void>;
    setAlarm(at: number): Promise<void>;
  };
}

type Operation = 'attempt' | 'wait' | 'record' | 'cancel';

/** How long a request waits for its Durable Object before using the instance's memory. */
export const budgetTimeoutMs = 2_000;
const operations = new Set<string>(['attempt', 'wait', 'record', 'cancel']);

/**
 * Rate limits kept in Durable Objects, one per limit and client: every instance of the Worker,
 * everywhere, counts against the same budget, exactly. The object's name is a keyed digest of
 * the client's address, never the address. When the object cannot be reached (an outage, the
 * plan's daily quota), the budget falls back to this instance's memory: the limit then holds
 * per instance, looser but never refusing anyone it would have let through.
 */
export function durableBudgets(
  namespace: DurableObjectNamespaceLike,
  options: { secret: string; log: (entry: Record<string, unknown>) => void },
): ClientBudgets {
  return (name, limit) => {
    const fallback = budgetInMemory(limit);
    const call = async (operation: Operation, client: string, now: number): Promise<number> => {
      try {
        const id = namespace.idFromName(await hmacHex(options.secret, `budget:${name}:${client}`));
        const response = await namespace.get(id).fetch(`https://budget/${operation}`, {
          method: 'POST',
          body: JSON.stringify({ now, limit }),
          // A slow object must not hold the applicant: past this, the fallback decides.
          signal: AbortSignal.timeout(budgetTimeoutMs),
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const { wait } = (await response.json()) as { wait?: unknown };
        if (typeof wait !== 'number') throw new Error('no wait in the answer');
        return wait;
      } catch (error) {
        options.log({
          event: 'intake.budget-store-unavailable',
          budget: name,
          error: error instanceof Error ? error.message : 'unknown',
        });
        const wait = await fallback[operation](client, now);
        return typeof wait === 'number' ? wait : 0;
      }
    };
    const budget: ClientBudget = {
      attempt: (client, now) => call('attempt', client, now),
      wait: (client, now) => call('wait', client, now),
      record: async (client, now) => void (await call('record', client, now)),
      cancel: async (client, now) => void (await call('cancel', client, now)),
    };
    return budget;
  };
}

/**
 * The Durable Object holding one client's budget for one limit: the times of its events within
 * the hour, and an alarm that erases them all an hour after the last one (nothing about a
 * client outlives its window). A Durable Object handles one request at a time, so a check and
 * its count are one step.
 */
export class ClientBudgetObject {
  readonly #state: DurableObjectStateLike;

  constructor(state: DurableObjectStateLike) {
    this.#state = state;
  }

  async fetch(request: Request): Promise<Response> {
    const operation = new URL(request.url).pathname.slice(1);
    const body = (await request.json().catch(() => undefined)) as
      { now?: unknown; limit?: unknown } | undefined;
    const now = body?.now;
    const limit = body?.limit;
    if (
      !operations.has(operation) ||
      typeof now !== 'number' ||
      !Number.isFinite(now) ||
      typeof limit !== 'number' ||
      !Number.isInteger(limit) ||
      limit < 1
    )
      return Response.json({ error: 'malformed budget request' }, { status: 400 });
    const { storage } = this.#state;
    const limiter = new RateLimiter(limit);
    const stored = (await storage.get<number[]>('times')) ?? [];
    limiter.restore('client', stored);
    let wait = 0;
    if (operation === 'attempt') wait = limiter.attempt('client', now);
    else if (operation === 'wait') wait = limiter.wait('client', now);
    else if (operation === 'record') limiter.record('client', now);
    else limiter.cancel('client', now);
    const times = limiter.timesOf('client', now);
    // Written only when changed: a flood of refused attempts costs no storage writes.
    if (times.length !== stored.length || times.some((t, i) => t !== stored[i])) {
      if (times.length) {
        await storage.put('times', times);
        // After the latest time, wherever it sits: a slow request may count an earlier one last.
        await storage.setAlarm(Math.max(...times) + limiter.windowMs);
      } else await storage.deleteAll();
    }
    return Response.json({ wait });
  }

  async alarm(): Promise<void> {
    await this.#state.storage.deleteAll();
  }
}
