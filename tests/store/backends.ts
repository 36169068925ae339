import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';

// One contract, two back ends: what a script can do to a data repository behaves the same on
// the embedded local Git repository and on GitHub (here, its stand-in, whose harness also fails
// any test in which a request or response broke GitHub's description).
export const backends: Record<string, () => Promise<DataStore>> = {
  'local Git': async () => new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-contract-'))),
  'GitHub (stand-in)': async () => gitHubHarness().store,
};
