import { createRequire } from 'node:module';
import { onTestFinished } from 'vitest';
import { createOctokit } from '../../scripts/store/create-octokit.ts';
import { GitHubStore } from '../../scripts/store/github-store.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';

type BottleneckClass = {
  Group: new (options: { maxConcurrent: number; minTime: number }) => unknown;
};
const Bottleneck = createRequire(import.meta.url)('bottleneck') as BottleneckClass;

export interface WatchOptions {
  /**
   * Only for tests that provoke violations on purpose (and assert them themselves): the test then
   * fails if none happened, instead of failing if any did.
   */
  violationsExpected?: boolean;
  /**
   * A stand-in shared by a file's tests (started in `beforeAll`): the caller checks
   * `violations` itself after each test, since no test is running yet here.
   */
  checkedByCaller?: boolean;
  /** The token the store sends (one the stand-in was given with `addToken`, say). */
  token?: string;
}

/**
 * Fails the current test, once it is over, if the stand-in saw a call it does not implement or a
 * request or response that breaks GitHub's description. Call it inside the test (or a
 * `beforeEach`): every stand-in a test uses goes through here, so no test can forget the check.
 */
export function watchStandIn<T extends GitHubStandIn>(standIn: T, options: WatchOptions = {}): T {
  onTestFinished(() => {
    if (options.violationsExpected) {
      if (!standIn.violations.length)
        throw new Error('This test expected the GitHub stand-in to report a violation: none came.');
      return;
    }
    if (standIn.violations.length)
      throw new Error(
        `The GitHub stand-in reported ${standIn.violations.length} violation(s) of GitHub's description:\n` +
          standIn.violations.map((v) => `- ${v}`).join('\n'),
      );
  });
  return standIn;
}

/**
 * A GitHubStore talking to a fresh stand-in, in-process, watched as `watchStandIn` says. Retry
 * waits are shortened (5 ms per second of `retry-after`) and writes and notifying requests are not
 * spaced apart: the stand-in needs neither; everything else is as in production.
 */
export function gitHubHarness(standIn = new GitHubStandIn(), options: WatchOptions = {}) {
  if (!options.checkedByCaller) watchStandIn(standIn, options);
  const warnings: string[] = [];
  const octokit = createOctokit({
    credentials: { kind: 'token', token: options.token ?? 'github_pat_test_0000' },
    fetch: standIn.fetch,
    retryAfterBaseValue: 5,
    log: (line) => warnings.push(line),
    limiters: {
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      global: new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 }),
      // Requests that notify people (issues, comments) are spaced three seconds in production.
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    },
  });
  const store = new GitHubStore(octokit, { owner: standIn.owner, repo: standIn.repo });
  return { standIn, store, warnings };
}
