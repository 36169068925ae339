import * as actionsCore from '@actions/core';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pairIdOf, pairPath, screeningPath } from '../../schemas/data-layout.ts';
import { formToObject } from '../../schemas/form-to-object.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { formSchemas } from '../../schemas/validators.ts';
import { aMenteeForm, aMentorForm, personalStrings } from '../../scripts/dev/application-forms.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings as sealedSettings,
} from '../../tests/helpers/intake-harness.ts';
import type { Core } from '../core.ts';
import { run } from './run.ts';

const envelope = (id: string) => ({
  schemaVersion: 1,
  id,
  submittedAt: '2026-11-23T10:00:00.000Z',
  cohort: '2026-2027',
  intake: {
    proofOfWork: 'verified',
    fillTime: 'ok',
    needsReview: false,
    idempotencyKeyHash: 'b'.repeat(64),
  },
});
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const goodMentee = {
  ...envelope('mentee-good01'),
  ...formToObject(formSchemas.mentee as SchemaNode, aMenteeForm()),
};
const goodMentor = {
  ...envelope('mentor-good02'),
  ...formToObject(formSchemas.mentor as SchemaNode, aMentorForm()),
} as unknown as Record<string, unknown> & { profile: Record<string, unknown> };

// These records keep their identities in clear, so that a leak of a name shows anywhere the job
// writes: the settings say so (a last test checks the sealed setting).
const programmeSettings = () =>
  sealedSettings((s) => {
    s.encryption.identities = 'plain';
  });

let summaryFile = '';
let outputFile = '';
let failures: string[] = [];
let core: Core;

// @actions/core keeps the summary's file from its first write: every test uses the same files,
// emptied before each test.
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'binome-actions-'));
  summaryFile = join(dir, 'summary.md');
  outputFile = join(dir, 'output.txt');
});
beforeEach(async () => {
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
  process.env['GITHUB_STEP_SUMMARY'] = summaryFile;
  process.env['GITHUB_OUTPUT'] = outputFile;
  failures = [];
  // The real @actions/core, but a failure is recorded instead of setting this process's exit code.
  core = {
    ...actionsCore,
    info: () => {},
    setFailed: (message: string) => void failures.push(message),
  };
});
afterEach(() => {
  delete process.env['GITHUB_STEP_SUMMARY'];
  delete process.env['GITHUB_OUTPUT'];
});

async function seededPullRequest() {
  const harness = gitHubHarness();
  const { store } = harness;
  await store.commit(
    [{ path: 'applications/mentees/mentee-good01.json', content: json(goodMentee) }],
    'Add application mentee-good01',
  );
  await store.ensureBranch('coordinator/edits');
  await store.commit(
    [
      { path: 'applications/mentors/mentor-good02.json', content: json(goodMentor) },
      {
        path: 'applications/mentors/mentor-bad003.json',
        content: json({
          ...goodMentor,
          id: 'mentor-bad003',
          profile: { ...goodMentor.profile, capacity: 7 },
        }),
      },
      { path: 'applications/mentees/mentee-bad004.json', content: '{ "id": "mentee-bad004", ' },
      {
        path: 'screening/mentee-nobody.json',
        content: json({
          schemaVersion: 1,
          id: 'mentee-nobody',
          status: 'accepted',
          updatedAt: '2026-11-30T10:00:00.000Z',
          history: [{ status: 'accepted', at: '2026-11-30T10:00:00.000Z' }],
        }),
      },
    ],
    'Edit records',
    { branch: 'coordinator/edits' },
  );
  const pull = await store.upsertPullRequest({
    branch: 'coordinator/edits',
    title: 'Corrections',
    body: '',
  });
  return { ...harness, pull };
}

describe('the validate job', () => {
  it('comments once on the pull request, then updates that comment, and fails on invalid records', async () => {
    const { store, standIn, pull } = await seededPullRequest();
    const settings = programmeSettings();
    await run({
      store,
      core,
      settings,
      pullRequest: { number: pull.number, branch: 'coordinator/edits' },
    });
    expect(standIn.comments).toHaveLength(1);
    const comment = standIn.comments[0]!.body;
    expect(comment).toContain('<!-- binome:validate -->');
    expect(comment).toContain('3 problèmes empêchent de fusionner ces changements');
    expect(comment).toContain(
      '| `applications/mentors/mentor-bad003.json` | `profile.capacity` | Le programme prévoit 3 mentorés au plus par mentor &#58; choisissez de 1 à 3. |',
    );
    // Where the file breaks, never what it says there.
    expect(comment).toContain(
      '| `applications/mentees/mentee-bad004.json` | — | ce fichier n’est pas du JSON valide &#58; il s’arrête avant la fin &#40;ligne 1, colonne 26&#41; |',
    );
    expect(comment).toContain(
      'cette décision porte sur mentee-nobody, qui n’existe pas dans applications/',
    );
    expect(failures).toEqual([
      '3 problem(s) in 3 file(s): see the job summary or the pull request comment.',
    ]);
    expect(await readFile(outputFile, 'utf8')).toMatch(/problems<<.*\n3\n/);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('<h2>Validation des données</h2>');
    expect(summary).toContain('<td>applications/mentors</td><td>2</td>');

    // Fix the records: the same comment now says all is well, and the job passes.
    await store.commit(
      [
        {
          path: 'applications/mentors/mentor-bad003.json',
          content: json({ ...goodMentor, id: 'mentor-bad003' }),
        },
        {
          path: 'applications/mentees/mentee-bad004.json',
          content: json({ ...goodMentee, id: 'mentee-bad004' }),
        },
        {
          path: 'screening/mentee-nobody.json',
          content: json({
            schemaVersion: 1,
            id: 'mentee-good01',
            status: 'accepted',
            updatedAt: '2026-11-30T10:00:00.000Z',
            history: [{ status: 'accepted', at: '2026-11-30T10:00:00.000Z' }],
          }),
        },
      ],
      'Fix records',
      { branch: 'coordinator/edits' },
    );
    failures = [];
    await run({
      store,
      core,
      settings,
      pullRequest: { number: pull.number, branch: 'coordinator/edits' },
    });
    expect(standIn.comments).toHaveLength(1);
    // The decision file is still misnamed: the one remaining problem says so.
    expect(standIn.comments[0]!.body).toContain('le fichier doit s’appeler mentee-good01.json');
    expect(failures).toHaveLength(1);
  });

  it('passes on main with valid records, and never writes a person’s name', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit(
      [{ path: 'applications/mentees/mentee-good01.json', content: json(goodMentee) }],
      'Add',
    );
    await run({ store, core, settings: programmeSettings() });
    expect(failures).toEqual([]);
    expect(standIn.comments).toEqual([]);
    const written = (await readFile(summaryFile, 'utf8')) + (await readFile(outputFile, 'utf8'));
    expect(written).toContain('<td>applications/mentees</td><td>1</td>');
    for (const personal of personalStrings()) expect(written).not.toContain(personal);
  });

  it('lists in French, on the pull request, a hand-made pair that breaks a pair rule (local store)', async () => {
    const store = new LocalGitStore(await mkdtemp(join(tmpdir(), 'binome-validate-')));
    const decision = (id: string) => ({
      path: screeningPath(id),
      content: json({
        schemaVersion: 1,
        id,
        status: 'accepted',
        updatedAt: '2026-11-30T10:00:00.000Z',
        history: [{ status: 'accepted', at: '2026-11-30T10:00:00.000Z' }],
      }),
    });
    const pair = (mentor: string, mentee: string, status: Pair['status']) => {
      const record: Pair = {
        schemaVersion: 1,
        id: pairIdOf(mentor, mentee),
        cohort: '2026-2027',
        mentor,
        mentee,
        status,
        proposedBy: 'coordinator',
        meetingMode: 'visio',
        objectives: ['choisir-dernier-stage'],
        score: { total: 0, rules: [] },
        events: [{ type: 'proposed', at: '2026-12-01T10:00:00.000Z' }],
      };
      return { path: pairPath(record.id), content: json(record) };
    };
    await store.commit(
      [
        { path: 'applications/mentees/mentee-good01.json', content: json(goodMentee) },
        { path: 'applications/mentors/mentor-good02.json', content: json(goodMentor) },
        {
          path: 'applications/mentors/mentor-good03.json',
          content: json({ ...goodMentor, id: 'mentor-good03' }),
        },
        decision('mentee-good01'),
        decision('mentor-good02'),
        decision('mentor-good03'),
        pair('mentor-good02', 'mentee-good01', 'active'),
      ],
      'Records',
    );
    // A coordinator pairs by hand, on a branch, a mentoré who is already in an active pair.
    await store.ensureBranch('coordinator/pair');
    await store.commit([pair('mentor-good03', 'mentee-good01', 'proposed')], 'Pair by hand', {
      branch: 'coordinator/pair',
    });
    const pull = await store.upsertPullRequest({
      branch: 'coordinator/pair',
      title: 'Binôme',
      body: '',
    });
    await run({
      store,
      core,
      settings: programmeSettings(),
      pullRequest: { number: pull.number, branch: 'coordinator/pair' },
    });

    const forge = JSON.parse(await readFile(join(store.directory, 'forge.json'), 'utf8')) as {
      comments: { number: number; body: string }[];
    };
    expect(forge.comments.map((c) => c.number)).toEqual([pull.number]);
    const comment = forge.comments[0]!.body;
    // The comment escapes every Markdown character of the messages; read back, it says:
    const shown = comment.replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCharCode(Number(code)),
    );
    expect(shown.split('\n').slice(3)).toMatchInlineSnapshot(`
      [
        "Un problème empêche de fusionner ces changements. Corrigez chaque fichier ci-dessous ; ce commentaire se met à jour à chaque modification.",
        "",
        "| Fichier | Champ | Problème |",
        "|---|---|---|",
        "| \`pairs/pair-good03-good01.json\` | \`mentee\` | le mentoré mentee-good01 est déjà dans le binôme pair-good02-good01 : une personne n’est que dans un binôme à la fois (proposé, accepté, en cours ou en pause) |",
      ]
    `);
    expect(failures).toEqual([
      '1 problem(s) in 1 file(s): see the job summary or the pull request comment.',
    ]);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('<td>pairs</td><td>2</td>');
    expect(summary).toContain('<td>matching</td><td>0</td>');
    const written = comment + summary + (await readFile(outputFile, 'utf8'));
    for (const personal of [
      ...personalStrings(),
      'Entreprise Fictive',
      'Eugène-Ionesco',
      'BTS services informatiques',
    ])
      expect(written).not.toContain(personal);

    // The same branch on main alone: the pair held there breaks nothing.
    failures = [];
    await run({ store, core, settings: programmeSettings() });
    expect(failures).toEqual([]);
  });

  it('with identities sealed (the settings’ default), refuses an identity stored in clear, naming the file only', async () => {
    const { store } = gitHubHarness();
    const intake = await intakeHarness({ store });
    const sealed = await intake.handle(formPost('mentor', aMentorForm()));
    expect(sealed.status).toBe(303);
    await run({ store, core, settings: sealedSettings() });
    expect(failures).toEqual([]);

    await store.commit(
      [{ path: 'applications/mentees/mentee-good01.json', content: json(goodMentee) }],
      'Add',
    );
    await run({ store, core, settings: sealedSettings() });
    expect(failures).toEqual([
      '1 problem(s) in 1 file(s): see the job summary or the pull request comment.',
    ]);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('applications/mentees/mentee-good01.json');
    expect(summary).toContain('enregistrée en clair');
    for (const personal of personalStrings()) expect(summary).not.toContain(personal);
  });
});
