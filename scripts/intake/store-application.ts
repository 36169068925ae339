import { applicationPath, erasurePath, type ApplicationKind } from '../../schemas/data-layout.ts';
import type { DataStore } from '../store/data-store.ts';
import { storeSubmission, type StoreOutcome } from './store-submission.ts';

export { UnreadableMarkerError, type StoreOutcome } from './store-submission.ts';

/**
 * Stores an application in one commit with its two markers (storeSubmission), under a fresh id:
 * an id another application drew, or an erased person's, is drawn again.
 */
export async function storeApplication(
  store: DataStore,
  submission: {
    kind: ApplicationKind;
    keyHash: string;
    /** SHA-256 of the answers, so that a retry with other answers is told apart. */
    answersHash: string;
    /** SHA-256 of the proof of work's signature, when one was verified. */
    challengeHash?: string;
    newId: (kind: ApplicationKind) => string;
    /**
     * The file of the application for the id chosen, and the wrapped data key of its sealed
     * identity (none when the settings store identities in plain text).
     */
    render: (id: string) => Promise<{ file: string; wrappedKey?: string }>;
  },
): Promise<Exclude<StoreOutcome, { status: 'taken' }>> {
  const { kind, keyHash, answersHash, challengeHash, newId, render } = submission;
  const outcome = await storeSubmission(store, {
    keyHash,
    answersHash,
    ...(challengeHash ? { challengeHash } : {}),
    place: async () => {
      const id = newId(kind);
      const { file, wrappedKey } = await render(id);
      return {
        id,
        record: { path: applicationPath(id), content: file },
        message: `Add application ${id}`,
        ...(wrappedKey !== undefined ? { wrappedKey } : {}),
        // An erased person's id stays theirs (erasures/, and the pairs that name it): the commit
        // requires it absent, checked with the rest, at no extra request on the local store.
        unchanged: new Map([[erasurePath(id), undefined]]),
      };
    },
    placeAgain: (stale, { id }) => stale.path === erasurePath(id),
  });
  // An application has no `once` marker: this cannot happen, and would be our bug.
  if (outcome.status === 'taken') throw new Error('An application placed a once marker.');
  return outcome;
}
