import { describe, expect, it } from 'vitest';
import {
  budgetTimeoutMs,
  ClientBudgetObject,
  durableBudgets,
  type DurableObjectNamespaceLike,
  type DurableObjectStateLike,
} from './worker-budgets.ts';

/** A Durable Object's storage in memory, with its alarm. */
function memoryState() {
  const data = new Map<string, unknown>();
  const state = {
    alarm: undefined as number | undefined,
    data,
    storage: {
      get: async <T>(key: string) => data.get(key) as T | undefined,
      put: async (key: string, value: unknown) => void data.set(key, value),
      deleteAll: async () => data.clear(),
      setAlarm: async (at: number) => {
        state.alarm = at;
      },
    },
  };
  return state satisfies DurableObjectStateLike;
}

/** A namespace whose objects live in this process, one per name. */
function namespaceOf(objects: Map<string, ClientBudgetObject>): DurableObjectNamespaceLike {
  return {
    idFromName: (name) => name,
    get: (id) => ({
      fetch: async (input, init) => {
        let object = objects.get(id as string);
        if (!object) objects.set(id as string, (object = new ClientBudgetObject(memoryState())));
        return object.fetch(new Request(input, init));
      },
    }),
  };
}

const hour = 3_600_000;

describe('rate limits kept in Durable Objects', () => {
  it('count per client, name each object by a keyed digest, never by the address', async () => {
    const objects = new Map<string, ClientBudgetObject>();
    const budget = durableBudgets(namespaceOf(objects), { secret: 's'.repeat(32), log: () => {} })(
      'challenges',
      2,
    );
    expect(await budget.attempt('203.0.113.9', 0)).toBe(0);
    expect(await budget.attempt('203.0.113.9', 1)).toBe(0);
    expect(await budget.attempt('203.0.113.9', 2)).toBe(3600);
    expect(await budget.attempt('198.51.100.1', 2)).toBe(0);
    await budget.cancel('203.0.113.9', 1);
    expect(await budget.wait('203.0.113.9', 3)).toBe(0);
    expect(objects.size).toBe(2);
    for (const name of objects.keys()) {
      expect(name).toMatch(/^[0-9a-f]{64}$/);
      expect(name).not.toContain('203.0.113.9');
    }
  });

  it('erase a client’s times an hour after the last one', async () => {
    const state = memoryState();
    const object = new ClientBudgetObject(state);
    const call = (operation: string, now: number) =>
      object.fetch(
        new Request(`https://budget/${operation}`, {
          method: 'POST',
          body: JSON.stringify({ now, limit: 5 }),
        }),
      );
    await call('record', 1_000);
    await call('record', 5_000);
    expect(state.data.get('times')).toEqual([1_000, 5_000]);
    expect(state.alarm).toBe(5_000 + hour);
    await object.alarm();
    expect(state.data.size).toBe(0);
    // Nothing left within the window: nothing kept.
    await call('wait', 10 * hour);
    expect(state.data.size).toBe(0);
  });

  it('set the alarm after the latest time, even when a slow request counts an earlier one last', async () => {
    const state = memoryState();
    const object = new ClientBudgetObject(state);
    for (const now of [61_000, 62_000, 1_000])
      await object.fetch(
        new Request('https://budget/record', {
          method: 'POST',
          body: JSON.stringify({ now, limit: 3 }),
        }),
      );
    expect(state.alarm).toBe(62_000 + hour);
  });

  it('write nothing for a refused attempt or a mere check', async () => {
    const state = memoryState();
    let writes = 0;
    const put = state.storage.put;
    state.storage.put = async (key, value) => {
      writes += 1;
      return put(key, value);
    };
    const object = new ClientBudgetObject(state);
    const call = async (operation: string, now: number) =>
      (await (
        await object.fetch(
          new Request(`https://budget/${operation}`, {
            method: 'POST',
            body: JSON.stringify({ now, limit: 1 }),
          }),
        )
      ).json()) as { wait: number };
    expect((await call('attempt', 1)).wait).toBe(0);
    expect(writes).toBe(1);
    for (let i = 2; i < 50; i += 1) {
      expect((await call('attempt', i)).wait).toBeGreaterThan(0);
      await call('wait', i);
    }
    expect(writes).toBe(1);
  });

  it('refuse a malformed request to the object', async () => {
    const object = new ClientBudgetObject(memoryState());
    for (const [operation, body] of [
      ['steal', { now: 1, limit: 1 }],
      ['attempt', { now: 'x', limit: 1 }],
      ['attempt', { now: 1, limit: 0 }],
    ] as const) {
      const response = await object.fetch(
        new Request(`https://budget/${operation}`, { method: 'POST', body: JSON.stringify(body) }),
      );
      expect(response.status).toBe(400);
    }
  });

  it('fall back to the instance’s memory when the object does not answer in time', async () => {
    const logs: Record<string, unknown>[] = [];
    const stuck: DurableObjectNamespaceLike = {
      idFromName: (name) => name,
      get: () => ({
        fetch: (_input, init) =>
          new Promise((_done, fail) =>
            init?.signal?.addEventListener('abort', () => fail(init.signal!.reason)),
          ),
      }),
    };
    const budget = durableBudgets(stuck, { secret: 's'.repeat(32), log: (e) => logs.push(e) })(
      'challenges',
      5,
    );
    const started = Date.now();
    expect(await budget.attempt('client', 0)).toBe(0);
    expect(Date.now() - started).toBeLessThan(budgetTimeoutMs + 1_000);
    expect(logs[0]).toMatchObject({ event: 'intake.budget-store-unavailable' });
  });

  it('fall back to the instance’s memory when the object cannot be reached, and say so', async () => {
    const logs: Record<string, unknown>[] = [];
    const broken: DurableObjectNamespaceLike = {
      idFromName: (name) => name,
      get: () => ({ fetch: async () => Promise.reject(new Error('Durable Object unreachable')) }),
    };
    const budget = durableBudgets(broken, { secret: 's'.repeat(32), log: (e) => logs.push(e) })(
      'applications',
      1,
    );
    expect(await budget.attempt('client', 0)).toBe(0);
    expect(await budget.attempt('client', 1)).toBe(3600);
    expect(logs[0]).toEqual({
      event: 'intake.budget-store-unavailable',
      budget: 'applications',
      error: 'Durable Object unreachable',
    });
    expect(JSON.stringify(logs)).not.toContain('client');
  });
});
