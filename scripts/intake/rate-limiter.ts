/**
 * Counts attempts per client over a sliding hour and says when a client has had enough.
 * In memory: it protects one process; it forgets everything on restart, which is fine for a
 * limit meant to slow bots, not to account for people.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #attempts = new Map<string, number[]>();

  constructor(limit: number, windowMs = 3_600_000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Records an attempt by `client` at `now` (ms); returns the seconds to wait, or 0 if allowed. */
  attempt(client: string, now: number): number {
    const recent = (this.#attempts.get(client) ?? []).filter((t) => t > now - this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#attempts.set(client, recent);
      return Math.ceil((recent[0]! + this.#windowMs - now) / 1000);
    }
    recent.push(now);
    this.#attempts.set(client, recent);
    if (this.#attempts.size > 10_000) this.#forgetOld(now);
    return 0;
  }

  #forgetOld(now: number): void {
    for (const [client, times] of this.#attempts) {
      if (times.every((t) => t <= now - this.#windowMs)) this.#attempts.delete(client);
    }
  }
}
