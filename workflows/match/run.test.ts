import { describe, expect, it } from 'vitest';
import { pairPath, reviewPath } from '../../schemas/data-layout.ts';
import { aMentee, aMentor } from '../../scripts/dev/matching-people.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import {
  now,
  recordingCore,
  settings,
  storeAccepted,
} from '../../tests/helpers/matching-harness.ts';
import { run } from './run.ts';

/** As GitHub shows it: no-break spaces read as spaces (French typography, checked apart). */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const fileUrl = (branch: string, path: string) =>
  `https://github.com/clavim/mentorat-donnees/blob/${branch}/${path}`;
const job = (
  store: Parameters<typeof run>[0]['store'],
  event: Parameters<typeof run>[0]['event'],
) => {
  const recorded = recordingCore();
  return {
    recorded,
    done: run({ store, core: recorded.core as never, settings, now, fileUrl, event }),
  };
};

describe('the match job, against the GitHub stand-in', () => {
  it('opens one pull request per cohort, updates it in place when run again, and accepts the pairs once merged', async () => {
    const { store, standIn } = gitHubHarness();
    await storeAccepted(store, [
      aMentee('mentee-aaaaa1'),
      aMentee('mentee-aaaaa2'),
      aMentor('mentor-bbbbb1', { capacity: 1 }),
    ]);

    const first = job(store, { cohort: '2026-2027', mode: 'meilleurs' });
    await first.done;
    expect(first.recorded.failures).toEqual([]);
    expect(first.recorded.outputs).toMatchObject({ pairs: 1, unmatched: 1 });
    const pulls = () => standIn.issues.filter((i) => i.pull);
    expect(pulls()).toHaveLength(1);
    const pull = pulls()[0]!;
    expect(pull.title).toBe('Binômes proposés — cohorte 2026-2027');
    expect(pull.pull!.head).toBe('binomes/2026-2027');
    expect(plain(pull.body)).toContain('- Binômes proposés : **1**');
    expect(pull.body).toContain('Binômes proposés\u00a0: **1**');
    expect(plain(pull.body)).toContain('- Mentorés sans binôme : **1**');
    expect(pull.body).toContain(`(${fileUrl('binomes/2026-2027', reviewPath('2026-2027'))})`);
    const pair = JSON.parse(standIn.file(pairPath('pair-bbbbb1-aaaaa1'), 'binomes/2026-2027')!);
    expect(pair).toMatchObject({
      status: 'proposed',
      proposedBy: 'matching',
      mentor: 'mentor-bbbbb1',
      mentee: 'mentee-aaaaa1',
    });
    expect(standIn.file(pairPath('pair-bbbbb1-aaaaa1'))).toBeUndefined();
    // The workflow's token starts no validation workflow: the job checks the branch itself.
    expect(standIn.comments.map((c) => c.body)).toEqual([
      '<!-- binome:validate -->\n### ✅ Validation des données\n\nTous les fichiers sont valides.',
    ]);
    const review = standIn.file(reviewPath('2026-2027'), 'binomes/2026-2027')!;
    expect(review).toContain(
      '| [mentee-aaaaa2](../applications/mentees/mentee-aaaaa2.json) | devancé',
    );

    // Run again, another mentor accepted meanwhile: the same pull request is updated.
    await storeAccepted(store, [aMentor('mentor-bbbbb2')]);
    const again = job(store, { cohort: '2026-2027', mode: '' });
    await again.done;
    expect(again.recorded.failures).toEqual([]);
    expect(pulls()).toHaveLength(1);
    expect(plain(pulls()[0]!.body)).toContain('- Binômes proposés : **2**');
    expect(standIn.file(pairPath('pair-bbbbb2-aaaaa2'), 'binomes/2026-2027')).toBeDefined();

    // A coordinator merges on GitHub's website; the job then marks the pairs accepted.
    standIn.mergePullRequest(pull.number);
    const merged = job(store, { mergedBranch: 'binomes/2026-2027' });
    await merged.done;
    expect(merged.recorded.outputs).toMatchObject({ accepted: 2 });
    expect(JSON.parse(standIn.file(pairPath('pair-bbbbb1-aaaaa1'))!)).toMatchObject({
      status: 'accepted',
    });

    // Run again after the merge: everyone is paired, nothing new to propose, no new pull request.
    const after = job(store, { cohort: '2026-2027', mode: '' });
    await after.done;
    expect(after.recorded.failures).toEqual([]);
    expect(after.recorded.outputs).toMatchObject({ pairs: 0, 'pull-request': '' });
    expect(pulls()).toHaveLength(1);

    // Nothing of anyone's identity, organisation or school went anywhere the matching wrote.
    const written = [
      ...standIn.issues.flatMap((i) => [i.title, i.body ?? '']),
      ...standIn.comments.map((c) => c.body),
      ...[...standIn.git.commits.values()].map((c) => c.message),
      ...['main', 'binomes/2026-2027'].flatMap((branch) =>
        [
          'pairs/pair-bbbbb1-aaaaa1.json',
          'pairs/pair-bbbbb2-aaaaa2.json',
          reviewPath('2026-2027'),
          'matching/2026-2027.json',
        ].map((path) => standIn.file(path, branch) ?? ''),
      ),
      ...[first, again, merged, after].flatMap((j) => [
        ...j.recorded.logs,
        ...j.recorded.summaryParts,
        JSON.stringify(j.recorded.outputs),
      ]),
    ]
      .join('\n')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '');
    for (const secret of [
      'Zéphyrine',
      'Testaccio',
      'Barnabé',
      'Fictivier',
      'exemple.fr',
      '06 11 22 33 44',
      '2005-07-14',
      '1980-02-03',
      'Entreprise Fictive',
      'Eugène-Ionesco',
      'Issy-les-Moulineaux',
    ])
      expect(written, secret).not.toContain(
        secret.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''),
      );
  });

  it('never proposes one person in two cohorts’ open pull requests, and accepts no pair that would', async () => {
    const { store, standIn } = gitHubHarness();
    await storeAccepted(store, [
      aMentee('mentee-aaaaa1'),
      aMentor('mentor-bbbbb1'),
      aMentor(
        'mentor-bbbbb2',
        {},
        { cohort: '2027-2028', submittedAt: '2027-05-10T10:00:00.000Z' },
      ),
    ]);
    await job(store, { cohort: '2026-2027', mode: '' }).done;
    const later = job(store, { cohort: '2027-2028', mode: '' });
    await later.done;
    expect(later.recorded.failures).toEqual([]);
    // mentee-aaaaa1 is proposed with mentor-bbbbb1 in 2026-2027's pull request: not again here.
    expect(later.recorded.outputs).toMatchObject({ pairs: 0 });
    expect(standIn.file(pairPath('pair-bbbbb2-aaaaa1'), 'binomes/2027-2028')).toBeUndefined();

    // Should a second pair of the same mentoré reach main anyway, it is not accepted.
    const second = JSON.parse(standIn.file(pairPath('pair-bbbbb1-aaaaa1'), 'binomes/2026-2027')!);
    await store.commit(
      [
        {
          path: pairPath('pair-bbbbb1-aaaaa1'),
          content: JSON.stringify({ ...second, status: 'accepted' }),
        },
        {
          path: pairPath('pair-bbbbb2-aaaaa1'),
          content: JSON.stringify({
            ...second,
            id: 'pair-bbbbb2-aaaaa1',
            mentor: 'mentor-bbbbb2',
            cohort: '2027-2028',
          }),
        },
      ],
      'Two pairs for one mentee',
    );
    const accept = job(store, { mergedBranch: 'binomes/2027-2028' });
    await accept.done;
    expect(accept.recorded.failures).toEqual([
      'Binômes fusionnés mais non acceptés, car une règle l’interdit : pair-bbbbb2-aaaaa1 (mentee-aaaaa1 est déjà dans un binôme accepté). Ils restent « proposés » et bloquent ces personnes : supprimez leurs fichiers du dossier pairs/.',
    ]);
    expect(JSON.parse(standIn.file(pairPath('pair-bbbbb2-aaaaa1'))!).status).toBe('proposed');
  });

  it('starts the branch again from main after a « Squash and merge »', async () => {
    const { store, standIn } = gitHubHarness();
    await storeAccepted(store, [
      aMentee('mentee-aaaaa1'),
      aMentee('mentee-aaaaa2'),
      aMentor('mentor-bbbbb1'),
    ]);
    await job(store, { cohort: '2026-2027', mode: '' }).done;
    const first = standIn.issues.find((i) => i.pull)!;
    standIn.mergePullRequest(first.number, 'squash');
    await job(store, { mergedBranch: 'binomes/2026-2027' }).done;
    await storeAccepted(store, [aMentor('mentor-bbbbb2')]);
    const again = job(store, { cohort: '2026-2027', mode: '' });
    await again.done;
    expect(again.recorded.failures).toEqual([]);
    expect(again.recorded.outputs).toMatchObject({ pairs: 1 });
    const open = standIn.issues.filter((i) => i.pull && i.state === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]!.number).not.toBe(first.number);
    expect(standIn.file(pairPath('pair-bbbbb2-aaaaa2'), 'binomes/2026-2027')).toBeDefined();
  });

  it('refuses to match past an unreadable pair file, in French, and writes nothing', async () => {
    const { store, standIn } = gitHubHarness();
    await storeAccepted(store, [aMentee('mentee-aaaaa1'), aMentor('mentor-bbbbb1')]);
    await store.commit([{ path: 'pairs/pair-bbbbb1-aaaaa1.json', content: '{ "id": ' }], 'Edit');
    const bad = job(store, { cohort: '2026-2027', mode: '' });
    await bad.done;
    expect(bad.recorded.failures).toEqual([
      'Appariement impossible : ce fichier est illisible (pairs/pair-bbbbb1-aaaaa1.json). Corrigez-le d’abord : la validation des données dit pourquoi.',
    ]);
    expect(standIn.issues.filter((i) => i.pull)).toEqual([]);
    expect(standIn.file(reviewPath('2026-2027'), 'binomes/2026-2027')).toBeUndefined();
  });

  it('fails with a French message for a cohort the settings do not know', async () => {
    const { store } = gitHubHarness();
    const bad = job(store, { cohort: '1999-2000', mode: '' });
    await bad.done;
    expect(bad.recorded.failures).toEqual([
      'Cohorte « 1999-2000 » inconnue : indiquez l’une de celles de content/programme.yaml (2026-2027, 2027-2028).',
    ]);
  });
});
