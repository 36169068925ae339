import { createRequire } from 'node:module';
import { createOctokit } from '../../scripts/store/create-octokit.ts';
import { GitHubStore } from '../../scripts/store/github-store.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';

type BottleneckClass = {
  Group: new (options: { maxConcurrent: number; minTime: number }) => unknown;
};
const Bottleneck = createRequire(import.meta.url)('bottleneck') as BottleneckClass;

/**
 * A GitHubStore talking to a fresh stand-in, in-process. Retry waits are shortened (5 ms per
 * second of `retry-after`) and writes and notifying requests are not spaced apart: the stand-in needs
 * neither; everything else is as in production.
 */
export function gitHubHarness(standIn = new GitHubStandIn()) {
  const warnings: string[] = [];
  const octokit = createOctokit({
    credentials: { kind: 'token', token: 'github_pat_test_0000' },
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
