import { isSealed } from '../../schemas/sealed-identity.ts';
import { openIdentity } from '../../scripts/privacy/open-identity.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { coordinatorKey } from './test-keys.ts';

/**
 * A record as stored, and the same with its identity opened with the test coordinators' key (as
 * `npm run reveal` does), for tests that check what the intake kept of what a person typed.
 */
export async function openedRecord(store: DataStore, path: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a record of any shape
  const stored = JSON.parse((await store.readFile(path))!) as Record<string, any>;
  const identity = isSealed(stored['identity'])
    ? await openIdentity(stored['identity'], await store.keys.read(stored['id']), [
        coordinatorKey.identity,
      ])
    : stored['identity'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a record of any shape
  return { stored, opened: { ...stored, identity } as Record<string, any> };
}
