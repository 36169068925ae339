import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const RobustOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof RobustOctokit>;

/** How Binôme authenticates to GitHub: a GitHub App installation (preferred) or a fine-grained token. */
export type GitHubCredentials =
  | { kind: 'app'; appId: string; privateKey: string; installationId: number }
  | { kind: 'token'; token: string };

export interface OctokitOptions {
  credentials: GitHubCredentials;
  /** The HTTP layer: the global fetch in production, the stand-in's in tests. */
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Milliseconds per second of `retry-after` (1000 in production; tests shorten waits). */
  retryAfterBaseValue?: number;
  log?: (line: string) => void;
  /**
   * Bottleneck groups replacing plugin-throttling's own (which space writes one second apart, as
   * GitHub asks); tests give groups without spacing.
   */
  limiters?: Partial<Record<'write' | 'global' | 'notifications', unknown>>;
  /**
   * Whether a rate limit is waited out (a job: yes, the default) or fails at once (a person in
   * front of the coordinators' desk, who is told when to try again).
   */
  waitOnRateLimit?: boolean;
}

/**
 * An Octokit that retries server errors (plugin-retry) and waits out primary and secondary rate
 * limits as GitHub's `retry-after` says (plugin-throttling). Logs carry the method, route and
 * status, never a token or a body.
 */
export function createOctokit(options: OctokitOptions): GitHubClient {
  const log = options.log ?? ((line: string) => console.warn(line));
  const auth =
    options.credentials.kind === 'app'
      ? {
          authStrategy: createAppAuth,
          auth: {
            appId: options.credentials.appId,
            privateKey: options.credentials.privateKey,
            installationId: options.credentials.installationId,
          },
        }
      : { auth: options.credentials.token };
  const base = options.retryAfterBaseValue ?? 1000;
  return new RobustOctokit({
    ...auth,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: 'binome',
    request: { ...(options.fetch ? { fetch: options.fetch } : {}) },
    // A 404 is how the store learns that a file is absent (every new file of a submission is
    // checked so): an answer, not an error worth a log line.
    log: {
      debug: () => {},
      info: () => {},
      warn: log,
      error: (line: string) => {
        if (!/ - 404 with id /.test(line)) log(line);
      },
    },
    // 409 (stale sha) is for our code to handle, by reading the file again; 403/429 (rate limits)
    // are for plugin-throttling.
    retry: {
      retryAfterBaseValue: base,
      retries: 3,
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
      ...(options.limiters as object | undefined),
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        if (options.waitOnRateLimit === false) return false;
        log(`GitHub rate limit on ${request.method} ${request.url}: retrying in ${retryAfter} s.`);
        return retryCount < 3;
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        if (options.waitOnRateLimit === false) return false;
        log(
          `GitHub secondary rate limit on ${request.method} ${request.url}: retrying in ${retryAfter} s.`,
        );
        return retryCount < 3;
      },
    },
  });
}
