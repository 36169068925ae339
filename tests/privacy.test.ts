import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as actionsCore from '@actions/core';
import { describe, expect, it } from 'vitest';
import { runScreen } from '../scripts/commands/run-screen.ts';
import { dataRepositoryFiles } from '../scripts/setup/data-repository-files.ts';
import { run as runDigest } from '../workflows/digest/run.ts';
import { run as runValidate } from '../workflows/validate/run.ts';
import {
  aMenteeForm,
  aMentorForm,
  aMinorMenteeForm,
  personalStrings,
} from '../scripts/dev/application-forms.ts';
import { gitHubHarness } from './helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from './helpers/intake-harness.ts';
import { openedRecord } from './helpers/opened-record.ts';

// Personal data is radioactive: it may sit in an application's own file, nowhere else. This test
// runs the whole path (intake, screening, a coordinator's pull request, validation, digest) on
// the GitHub stand-in and on the local repository, and searches everything else they produced.
/**
 * The files a GitHub Actions job writes (summary, outputs), in a fresh folder, and the real
 * `@actions/core` with its log lines and failure kept in `logged` instead of this process.
 */
async function actionsJob(name: string) {
  const dir = await mkdtemp(join(tmpdir(), `binome-privacy-${name}-`));
  const files = {
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output.txt'),
  };
  for (const [variable, file] of Object.entries(files)) {
    process.env[variable] = file;
    await writeFile(file, '');
  }
  const logged: string[] = [];
  const core = {
    ...actionsCore,
    info: (m: string) => void logged.push(m),
    setFailed: (m: string) => void logged.push(m),
  };
  return {
    core,
    logged,
    /** What the job wrote to its summary and outputs. */
    written: () => Promise.all(Object.values(files).map((file) => readFile(file, 'utf8'))),
    end: () => {
      for (const variable of Object.keys(files)) delete process.env[variable];
    },
  };
}

describe('personal data', () => {
  it('never reaches a workflow, log, error, commit message, branch, pull request, issue or comment', async () => {
    const job = await actionsJob('path');
    const { core, logged: produced } = job;
    try {
      const { store, standIn, warnings } = gitHubHarness();
      const onGitHub = await intakeHarness({ store });
      const local = await intakeHarness();
      const ids: string[] = [];
      for (const intake of [onGitHub, local]) {
        for (const form of [
          formPost('mentee', aMinorMenteeForm()),
          formPost('mentor', aMentorForm()),
          formPost('mentee', aMenteeForm({ 'identity.email': 'faux' })),
          formPost('mentor', aMentorForm({ 'identity.lastName': undefined }), {
            accept: 'application/json',
          }),
          formPost('mentee', aMenteeForm({ website: 'x' })),
        ]) {
          const response = await intake.handle(form);
          produced.push(`${response.status} ${response.headers.get('location') ?? ''}`);
          // A form sent back without JavaScript holds the person's own answers, for their own
          // browser only: it must not be cached; everything else must hold nothing of them.
          const formBack = response.headers.get('content-type')?.startsWith('text/html');
          if (formBack) expect(response.headers.get('cache-control')).toBe('no-store');
          else if (response.status >= 400) produced.push(await response.text());
          else ids.push(referenceOf(response));
        }
        produced.push(JSON.stringify(intake.logs));
      }
      const lines: string[] = [];
      await runScreen(['list'], {
        store,
        now: () => new Date('2026-11-30T10:00:00Z'),
        print: (l) => lines.push(l),
      });
      await runScreen([ids[0]!, 'accepted', '--reason', 'Entretien concluant'], {
        store,
        now: () => new Date(),
        print: (l) => lines.push(l),
      });
      await runScreen(['mentee-zzzzzz', 'accepted'], {
        store,
        now: () => new Date(),
        print: (l) => lines.push(l),
      }).catch((e: Error) => lines.push(e.message));
      produced.push(...lines);

      // A coordinator's pull request that breaks a record, validated; then the digest.
      await store.ensureBranch('coordinator/fix');
      const broken = JSON.parse((await store.readFile(`applications/mentors/${ids[1]}.json`))!);
      broken.profile.capacity = 9;
      await store.commit(
        [{ path: `applications/mentors/${ids[1]}.json`, content: JSON.stringify(broken) }],
        `Edit ${ids[1]}`,
        { branch: 'coordinator/fix' },
      );
      const pull = await store.upsertPullRequest({
        branch: 'coordinator/fix',
        title: `Correction de ${ids[1]}`,
        body: 'Capacité',
      });
      await runValidate({
        store,
        core,
        settings: programmeSettings(),
        pullRequest: { number: pull.number, branch: 'coordinator/fix' },
      });
      await runDigest({ store, core, fileUrl: (p) => `https://github.com/x/y/blob/main/${p}` });

      produced.push(JSON.stringify(warnings));
      produced.push(...(await job.written()));
      produced.push(
        ...[...standIn.git.commits.values()].map((c) => c.message),
        ...standIn.git.refs.keys(),
      );
      produced.push(
        ...standIn.issues.map((i) => `${i.title}\n${i.body}\n${i.labels.join(',')}`),
        ...standIn.comments.map((c) => c.body),
      );
      produced.push(
        execFileSync('git', ['-C', local.directory, 'log', '--all', '--format=%an %ae %s %b %D'], {
          encoding: 'utf8',
        }),
      );
      for (const file of await readdir('.github/workflows'))
        produced.push(await readFile(join('.github/workflows', file), 'utf8'));
      produced.push(
        ...dataRepositoryFiles({ project: 'clavim/binome', ref: 'v0.1.0' }).map((f) => f.content),
      );

      // The test itself would prove nothing if the data never went anywhere: it did, into the files.
      // It went in sealed: the record holds none of it, the coordinators' key opens it.
      expect(standIn.file(`applications/mentees/${ids[0]}.json`)).not.toContain('Zéphyrine');
      const { opened } = await openedRecord(store, `applications/mentees/${ids[0]}.json`);
      expect(opened['identity'].firstName).toBe('Zéphyrine');
      // Nor does any ref name, key included.
      produced.push([...standIn.git.refs.keys()].join('\n'));
      expect(standIn.comments.length).toBeGreaterThan(0);
      const all = produced.join('\n');
      for (const personal of personalStrings()) expect(all).not.toContain(personal);
    } finally {
      job.end();
    }
  });

  it('never reaches the validation job’s comment, summary, logs or outputs, whatever is wrong with a file', async () => {
    const job = await actionsJob('validate');
    const { core, logged } = job;
    try {
      const { store, standIn } = gitHubHarness();
      const local = await intakeHarness();
      const good = JSON.parse(
        (await local.store.readFile(
          `applications/mentees/${referenceOf(await local.handle(formPost('mentee', aMinorMenteeForm())))}.json`,
        ))!,
      ) as Record<string, unknown>;
      const [name, surname, email, phone] = personalStrings();
      const personal = [name!, surname!, email!, phone!];
      // Every value of the record replaced by personal data of the wrong type, pattern, length,
      // format or enumeration, so that Ajv fails on every kind of keyword it has.
      let turn = 0;
      const spoil = (value: unknown): unknown => {
        const who = personal[turn++ % personal.length]!;
        if (Array.isArray(value)) return [who, who];
        if (value && typeof value === 'object')
          return {
            ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, spoil(v)])),
            [who]: who,
          };
        if (typeof value === 'string')
          return [who.repeat(40), `${who}\u0000`, `${who}@@`, `\u202e${who}`][turn % 4];
        if (typeof value === 'number') return who;
        if (typeof value === 'boolean') return who;
        return who;
      };
      const spoiled = { ...(spoil(good) as object), id: 'mentee-spoil1', schemaVersion: 1 };
      await store.ensureBranch('coordinator/mistakes');
      await store.commit(
        [
          {
            path: 'applications/mentees/mentee-spoil1.json',
            content: JSON.stringify(spoiled, null, 2),
          },
          {
            path: 'applications/mentees/mentee-broken.json',
            content: `{ "identity": { "firstName": "${name}" "lastName": "${surname}" } }`,
          },
          {
            path: 'applications/mentors/mentor-broken.json',
            content: `{ "identity": { "email": ${email} } }`,
          },
          // JavaScript's own message would quote about ten characters here: the name itself.
          { path: 'applications/mentees/mentee-named.json', content: `${surname}` },
          { path: 'screening/mentee-spoil1.json', content: JSON.stringify({ reason: phone }) },
        ],
        'Coordinator edits',
        { branch: 'coordinator/mistakes' },
      );
      const pull = await store.upsertPullRequest({
        branch: 'coordinator/mistakes',
        title: 'Corrections',
        body: '',
      });
      await runValidate({
        store,
        core,
        settings: programmeSettings(),
        pullRequest: { number: pull.number, branch: 'coordinator/mistakes' },
      });
      const comment = standIn.comments.map((c) => c.body).join('\n');
      // The job did look at every file, and found each one wrong.
      for (const file of ['mentee-spoil1', 'mentee-broken', 'mentor-broken', 'mentee-named'])
        expect(comment).toContain(file);
      expect(comment.split('\n').length).toBeGreaterThan(20);
      const all = [comment, ...logged, ...(await job.written())].join('\n');
      for (const value of personalStrings()) {
        expect(all).not.toContain(value);
        // A message that quotes a few characters of a file would show a part of it.
        expect(all).not.toContain(value.slice(0, 8));
      }
    } finally {
      job.end();
    }
  });
});
