import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';

const run = promisify(execFile);

/** A file as the back end itself holds it: its bytes and its blob's sha. */
export interface StoredFile {
  bytes: Buffer;
  sha: string;
}

/**
 * A data store, with a way to read a file's bytes past it (the store reads text only): through
 * Git for the local repository, through the contents API (base64) for GitHub's stand-in.
 */
export interface BackendUnderTest {
  store: DataStore;
  stored(path: string, branch?: string): Promise<StoredFile | undefined>;
}

const api = (owner: string, repo: string) => `https://api.github.com/repos/${owner}/${repo}`;

export const backendsUnderTest: Record<string, () => Promise<BackendUnderTest>> = {
  'local Git': async () => {
    const store = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-contract-')));
    const git = (args: string[]) =>
      run('git', ['-C', store.directory, ...args], { encoding: 'buffer' });
    return {
      store,
      stored: async (path, branch = 'main') => {
        try {
          const { stdout: bytes } = await git(['cat-file', 'blob', `${branch}:${path}`]);
          const { stdout: sha } = await git(['rev-parse', `${branch}:${path}`]);
          return { bytes, sha: sha.toString('utf8').trim() };
        } catch {
          return undefined;
        }
      },
    };
  },
  'GitHub (stand-in)': async () => {
    const { store, standIn } = gitHubHarness();
    return {
      store,
      stored: async (path, branch = 'main') => {
        // As any GitHub client would read it: the contents API, whose `content` is base64.
        const response = await standIn.fetch(
          `${api(standIn.owner, standIn.repo)}/contents/${path}?ref=${encodeURIComponent(branch)}`,
          { headers: { authorization: 'token test' } },
        );
        if (response.status === 404) return undefined;
        const file = (await response.json()) as { content: string; sha: string };
        return { bytes: Buffer.from(file.content, 'base64'), sha: file.sha };
      },
    };
  },
};

// One contract, two back ends: what a script can do to a data repository behaves the same on
// the embedded local Git repository and on GitHub (here, its stand-in, whose harness also fails
// any test in which a request or response broke GitHub's description).
export const backends: Record<string, () => Promise<DataStore>> = Object.fromEntries(
  Object.entries(backendsUnderTest).map(([name, make]) => [name, async () => (await make()).store]),
);
