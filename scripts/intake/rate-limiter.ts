/**
 * Counts events per client over a sliding window and says when a client has had enough.
 * In memory: it protects one process and forgets everything on restart, which is fine for a
 * limit meant to slow bots, not to account for people. Nothing that correctness depends on
 * lives here: replays and duplicates are refused through the data repository.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #events = new Map<string, number[]>();

  constructor(limit: number, windowMs = 3_600_000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  #recent(client: string, now: number): number[] {
    const recent = (this.#events.get(client) ?? []).filter((t) => t > now - this.#windowMs);
    if (recent.length) this.#events.set(client, recent);
    else this.#events.delete(client);
    return recent;
  }

  /** Seconds `client` must wait before its next event is allowed at `now` (ms); 0 if allowed. */
  wait(client: string, now: number): number {
    const recent = this.#recent(client, now);
    if (recent.length < this.#limit) return 0;
    return Math.max(
      1,
      Math.ceil((recent[recent.length - this.#limit]! + this.#windowMs - now) / 1000),
    );
  }

  /** Counts an event of `client` at `now` (ms). */
  record(client: string, now: number): void {
    const recent = this.#recent(client, now);
    recent.push(now);
    this.#events.set(client, recent);
    if (this.#events.size > 10_000) this.#forgetOld(now);
  }

  /** Counts an event if allowed; returns the seconds to wait (0 when it was allowed and counted). */
  attempt(client: string, now: number): number {
    const wait = this.wait(client, now);
    if (wait === 0) this.record(client, now);
    return wait;
  }

  /**
   * Takes back one event `attempt` counted at `now` (ms), once it turned out not to count: an
   * attempt is counted before the slow check it guards, so that requests sent all at once
   * cannot all pass a check made before any of them was counted.
   */
  cancel(client: string, now: number): void {
    const events = this.#events.get(client);
    const index = events?.lastIndexOf(now) ?? -1;
    if (index === -1) return;
    events!.splice(index, 1);
    if (!events!.length) this.#events.delete(client);
  }

  /** The times counted for `client` still within the window at `now` (ms), oldest first. */
  timesOf(client: string, now: number): number[] {
    return [...this.#recent(client, now)];
  }

  /** Takes up the times a store kept for `client` (a Durable Object's, between requests). */
  restore(client: string, times: readonly number[]): void {
    const valid = times.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
    if (valid.length) this.#events.set(client, valid);
  }

  /** The window, in milliseconds. */
  get windowMs(): number {
    return this.#windowMs;
  }

  #forgetOld(now: number): void {
    for (const [client, times] of this.#events) {
      if (times.every((t) => t <= now - this.#windowMs)) this.#events.delete(client);
    }
  }
}
