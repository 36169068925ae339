import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aMentee, aMentor } from '../dev/matching-people.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { largeCohort, proposePairs } from './propose-pairs.ts';
import { applicationPath, screeningPath } from '../../schemas/data-layout.ts';
import { accepted } from '../dev/matching-people.ts';
import { readFileSync } from 'node:fs';
import { readSettings } from '../../schemas/read-settings.ts';

// Issue 16: a long operation shows progress. Solving a large cohort takes seconds to minutes;
// the person (or the job's log) is told before, and a small cohort says nothing more.

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
settings.encryption.identities = 'plain';

async function cohortOf(mentees: number) {
  const store = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-large-')));
  const id = (kind: string, i: number) => `${kind}-${i.toString(36).padStart(6, '0')}`;
  const applications = [
    ...Array.from({ length: mentees }, (_, i) => aMentee(id('mentee', i))),
    ...Array.from({ length: Math.ceil(mentees / 2) }, (_, i) =>
      aMentor(id('mentor', i), { capacity: 2 }),
    ),
  ];
  const decisions = accepted(applications.map((a) => a.id));
  await store.commit(
    [
      ...applications.map((a) => ({ path: applicationPath(a.id), content: JSON.stringify(a) })),
      ...[...decisions.values()].map((d) => ({
        path: screeningPath(d.id),
        content: JSON.stringify(d),
      })),
    ],
    'Seed a cohort',
  );
  return store;
}

const propose = async (mentees: number) => {
  const said: string[] = [];
  await proposePairs(
    {
      store: await cohortOf(mentees),
      settings,
      now: () => new Date('2026-11-30T09:00:00.000Z'),
      fileUrl: (_b, path) => path,
      progress: (line) => said.push(line),
    },
    { cohort: '2026-2027' },
  );
  return said;
};

describe('proposing the pairs of a large cohort', () => {
  it('says it may take a while before solving, with the cohort’s size', async () => {
    expect(await propose(largeCohort)).toEqual([
      `Calcul des binômes de la cohorte 2026-2027 : ${largeCohort} mentorés et ${largeCohort / 2} mentors, cela peut prendre une minute ou plus…`,
    ]);
  }, 60_000);

  it('says nothing for a small one', async () => {
    expect(await propose(12)).toEqual([]);
  });
});
