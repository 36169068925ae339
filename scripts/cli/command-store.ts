import { afterQuiet, type ProgressOut } from '../commands/progress.ts';
import type { DataStore } from '../store/data-store.ts';
import { storeFromEnvironment } from '../store/store-from-environment.ts';
import { withReadProgress } from '../store/with-read-progress.ts';

/** A reading shorter than this says nothing: the local repository answers in milliseconds. */
export const quietMs = 1500;

/**
 * The data repository of a command line (the one the environment names), whose long readings
 * show their progress on `out` (stderr, so that what a command prints can still be piped): in a
 * terminal one line redrawn, in a log one line a step. Only once the command has run for
 * `quietMs`, so that quick commands print nothing more than before.
 */
export function commandStore(
  env: Record<string, string | undefined> = process.env,
  terminal: ProgressOut = process.stderr,
  now: () => number = () => performance.now(),
): DataStore {
  const out = afterQuiet(terminal, quietMs, now);
  return withReadProgress(storeFromEnvironment(env), (done, total) => {
    const line = `Lecture du dépôt de données\u00a0: ${done}/${total} fichiers`;
    if (out.isTTY) out.write(`\r\u001b[2K${line}${done === total ? '\n' : ''}`);
    else out.write(`${line}\n`);
  });
}
