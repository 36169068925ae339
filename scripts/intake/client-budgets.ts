import { RateLimiter } from './rate-limiter.ts';

/** The intake's rate limits, per client and hour (`intake.rateLimit` in the settings). */
export type BudgetName = 'applications' | 'submissions' | 'challenges' | 'codeAttempts';

/**
 * One rate limit, asynchronous so that a host may keep it in a store of its own (a Durable
 * Object on Cloudflare). `attempt` checks and counts in one step.
 */
export interface ClientBudget {
  /** Counts an event if allowed; the seconds to wait otherwise (0: allowed and counted). */
  attempt(client: string, now: number): Promise<number>;
  /** The seconds `client` must wait before its next event at `now` (0: allowed). */
  wait(client: string, now: number): Promise<number>;
  record(client: string, now: number): Promise<void>;
  /** Takes back one event `attempt` counted at `now`, once it turned out not to count. */
  cancel(client: string, now: number): Promise<void>;
}

/** Where a host keeps its rate limits: a budget for each name and limit. */
export type ClientBudgets = (name: BudgetName, limitPerHour: number) => ClientBudget;

/** A budget in this process's memory (RateLimiter): what a host without a store of its own has. */
export function budgetInMemory(limitPerHour: number): ClientBudget {
  const limiter = new RateLimiter(limitPerHour);
  return {
    attempt: async (client, now) => limiter.attempt(client, now),
    wait: async (client, now) => limiter.wait(client, now),
    record: async (client, now) => limiter.record(client, now),
    cancel: async (client, now) => limiter.cancel(client, now),
  };
}

/** Every budget in memory: one process (the Node host) limits exactly. */
export const budgetsInMemory: ClientBudgets = (_name, limit) => budgetInMemory(limit);
