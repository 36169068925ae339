import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import {
  checkApplication,
  checkScreeningDecision,
  type Application,
  type ApplicationKind,
} from '../../schemas/validators.ts';
import type { DataStore } from '../store/data-store.ts';

/** Where each kind of application lives in the data repository. */
export const applicationFolders: Record<ApplicationKind, string> = {
  mentor: 'applications/mentors',
  mentee: 'applications/mentees',
};

/** The file of an application, from its id (`mentee-7f3k9q` -> `applications/mentees/mentee-7f3k9q.json`). */
export function applicationPath(id: string): string {
  return `${applicationFolders[id.startsWith('mentor-') ? 'mentor' : 'mentee']}/${id}.json`;
}

/** Every valid application of the repository (the validation job reports the others). */
export async function readApplications(store: DataStore): Promise<Application<ApplicationKind>[]> {
  const applications: Application<ApplicationKind>[] = [];
  for (const kind of ['mentor', 'mentee'] as const) {
    const paths = await store.listFiles(applicationFolders[kind]);
    for (const text of await store.readFiles(paths)) {
      const checked = checkApplication(kind, JSON.parse(text ?? 'null'));
      if (checked.ok) applications.push(checked.value);
    }
  }
  return applications;
}

/** Every valid screening decision, by application id. */
export async function readDecisions(store: DataStore): Promise<Map<string, ScreeningDecision>> {
  const decisions = new Map<string, ScreeningDecision>();
  for (const text of await store.readFiles(await store.listFiles('screening'))) {
    const checked = checkScreeningDecision(JSON.parse(text ?? 'null'));
    if (checked.ok) decisions.set(checked.value.id, checked.value);
  }
  return decisions;
}
