/** GitHub's primary rate limit for a user's token (or an installation's, at least), an hour. */
export const authenticatedLimit = 5000;
/** Requests without valid credentials count against their IP address's 60 an hour. */
export const unauthenticatedLimit = 60;

const hour = 3600;

interface Window {
  limit: number;
  used: number;
  /** When the window ends, in seconds since the epoch, as `x-ratelimit-reset` says. */
  reset: number;
}

/**
 * GitHub's primary rate limits: one window of an hour per user (or installation), opened by its
 * first request, each request counted in it, refused with 403 past its limit until it ends.
 * `exhaust` plays a user who spent it all elsewhere (another tab, another tool).
 */
export class RateLimits {
  readonly #windows = new Map<string, Window>();
  readonly #now: () => number;
  /** Until then (epoch seconds) every window starts spent: `exhaust` covers callers to come too. */
  #exhaustedUntil = 0;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #seconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  /**
   * Counts one request of `who` and gives GitHub's headers for it, and whether GitHub refuses it.
   * `enforced: false` for the unauthenticated count, which answers 401 anyway.
   */
  spend(
    who: string,
    limit: number,
    enforced = true,
  ): { exceeded: boolean; headers: Record<string, string> } {
    const now = this.#seconds();
    let window = this.#windows.get(who);
    if (!window || now >= window.reset) {
      window =
        now < this.#exhaustedUntil
          ? { limit, used: limit, reset: this.#exhaustedUntil }
          : { limit, used: 0, reset: now + hour };
      this.#windows.set(who, window);
    }
    // GitHub goes on counting the requests it refuses: `used` can pass the limit.
    window.used += 1;
    return {
      exceeded: enforced && window.used > window.limit,
      headers: {
        'x-ratelimit-limit': String(window.limit),
        'x-ratelimit-remaining': String(Math.max(0, window.limit - window.used)),
        'x-ratelimit-reset': String(window.reset),
        'x-ratelimit-used': String(window.used),
        'x-ratelimit-resource': 'core',
      },
    };
  }

  /** Every caller's window is spent, now and for those who come, until `resetInSeconds`. */
  exhaust(resetInSeconds: number): void {
    this.#exhaustedUntil = this.#seconds() + resetInSeconds;
    for (const window of this.#windows.values()) {
      window.used = Math.max(window.used, window.limit);
      window.reset = this.#exhaustedUntil;
    }
  }

  /** As if the hour had passed for everyone: fresh windows. */
  clear(): void {
    this.#exhaustedUntil = 0;
    this.#windows.clear();
  }
}
