import { readFileSync } from 'node:fs';
import { applicationPath, screeningPath } from '../../schemas/data-layout.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import type { Application } from '../../schemas/validators.ts';
import { accepted } from '../../scripts/dev/matching-people.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';

export const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
// The synthetic records keep their identities in clear, so that any leak of a name into a
// review, a comment or a log shows; the settings say so, or the validation would refuse them.
settings.encryption.identities = 'plain';

/** A clock fixed on a day of the 2026-2027 cohort's applications. */
export const now = () => new Date('2026-11-30T09:00:00.000Z');

/** Stores these applications, all accepted, in one commit on main. */
export async function storeAccepted(
  store: DataStore,
  applications: readonly Application<'mentor' | 'mentee'>[],
): Promise<void> {
  const decisions = accepted(applications.map((a) => a.id));
  await store.commit(
    [
      ...applications.map((a) => ({
        path: applicationPath(a.id),
        content: `${JSON.stringify(a, null, 2)}\n`,
      })),
      ...[...decisions.values()].map((d) => ({
        path: screeningPath(d.id),
        content: `${JSON.stringify(d, null, 2)}\n`,
      })),
    ],
    'Seed accepted applications',
  );
}

/** A job's `core`, recording outputs, failures, logs and the summary. */
export function recordingCore() {
  const outputs: Record<string, unknown> = {};
  const failures: string[] = [];
  const logs: string[] = [];
  const summaryParts: string[] = [];
  const summary = {
    addHeading: (text: string) => (summaryParts.push(text), summary),
    addTable: (rows: unknown[][]) => (summaryParts.push(JSON.stringify(rows)), summary),
    addRaw: (text: string) => (summaryParts.push(text), summary),
    write: async () => summary,
  };
  return {
    outputs,
    failures,
    logs,
    summaryParts,
    core: {
      setOutput: (k: string, v: unknown) => void (outputs[k] = v),
      setFailed: (m: string) => void failures.push(m),
      info: (m: string) => void logs.push(m),
      summary,
    },
  };
}
