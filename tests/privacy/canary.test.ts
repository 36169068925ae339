import { describe, expect, it } from 'vitest';
import { tokensFrom } from '../../schemas/fill-tokens.ts';
import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import { runReveal } from '../../scripts/commands/run-reveal.ts';
import { runScreen } from '../../scripts/commands/run-screen.ts';
import { runSubjectAccess } from '../../scripts/commands/run-subject-access.ts';
import { run as runDigest } from '../../workflows/digest/run.ts';
import { run as runMatch } from '../../workflows/match/run.ts';
import { run as runValidate } from '../../workflows/validate/run.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../helpers/intake-harness.ts';
import { recordingCore } from '../helpers/matching-harness.ts';
import { coordinatorKey } from '../helpers/test-keys.ts';
import { accessNotice } from '../../scripts/commands/access-notice.ts';

// The canary: two people whose every identity value is unique to this test. After the whole
// pipeline on the GitHub stand-in (intake, screening, digest, matching and its pull request,
// acceptance, validation), they may appear in the outputs of `reveal` and `subject-access`, and
// nowhere else: not in any object of the repository (records and keys included), commit message,
// ref, issue, comment, pull request, log, job summary or output. (The convention PDF, issue 11,
// will be the third place.)
const canaries = {
  mentee: {
    'identity.firstName': 'Canarina',
    'identity.lastName': 'Zwitschervogel',
    'identity.email': 'canarina.zwitscher@exemple.fr',
    'identity.phone': '06 47 47 47 47',
    'identity.birthDate': '11/09/2004',
  },
  mentor: {
    'identity.firstName': 'Pinsonnet',
    'identity.lastName': 'Gazouillard',
    'identity.email': 'pinsonnet.gazouillard@exemple.org',
    'identity.phone': '07 38 38 38 38',
    'identity.birthDate': '21/03/1977',
  },
};
/** Every form a value of theirs could take once stored or printed. */
const needles = Object.values(canaries).flatMap((person) =>
  Object.values(person).flatMap((value) => {
    const iso = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(value);
    return iso ? [value, `${iso[3]}-${iso[2]}-${iso[1]}`] : [value, value.replace(/ /g, '')];
  }),
);
const found = (text: string) => needles.filter((n) => text.includes(n));

describe('the canary, through the whole pipeline on GitHub', () => {
  it('appears only in what reveal and subject access give a coordinator', async () => {
    const { store, standIn } = gitHubHarness();
    const settings = programmeSettings();
    const intake = await intakeHarness({ store, settings });
    const mentee = referenceOf(
      await intake.handle(formPost('mentee', aMenteeForm(canaries.mentee))),
    );
    const mentor = referenceOf(
      await intake.handle(formPost('mentor', aMentorForm(canaries.mentor))),
    );
    const elsewhere: string[] = [JSON.stringify(intake.logs)];
    const print = (line: string) => void elsewhere.push(line);
    const now = () => new Date('2026-11-30T10:00:00Z');
    for (const id of [mentee, mentor])
      await runScreen([id, 'accepted', '--reason', 'Entretien concluant'], { store, now, print });

    const jobs = [recordingCore(), recordingCore(), recordingCore(), recordingCore()];
    const fileUrl = (branch: string, path: string) =>
      `https://github.com/x/y/blob/${branch}/${path}`;
    await runDigest({ store, core: jobs[0]!.core as never, fileUrl: (p) => fileUrl('main', p) });
    await runMatch({
      store,
      core: jobs[1]!.core as never,
      settings,
      now,
      fileUrl,
      event: { cohort: '2026-2027', mode: 'meilleurs' },
    });
    expect(jobs[1]!.outputs).toMatchObject({ pairs: 1 });
    const pull = standIn.issues.find((i) => i.pull)!;
    standIn.mergePullRequest(pull.number);
    await runMatch({
      store,
      core: jobs[2]!.core as never,
      settings,
      now,
      fileUrl,
      event: { mergedBranch: 'binomes/2026-2027' },
    });
    await runValidate({ store, core: jobs[3]!.core as never, settings });
    for (const job of jobs) {
      expect(job.failures).toEqual([]);
      elsewhere.push(...job.logs, ...job.summaryParts, JSON.stringify(job.outputs));
    }

    // What a coordinator asks for, with the key.
    const revealed: string[] = [];
    const written = new Map<string, string>();
    const deps = {
      store,
      now,
      timeZone: settings.structure.timeZone,
      print: (line: string) => void revealed.push(line),
      tokens: tokensFrom(settings),
      identities: async () => [coordinatorKey.identity],
      onGitHub: true,
      writeFile: async (path: string, text: string) => void written.set(path, text),
      defaultOut: 'out',
      notice: accessNotice(settings),
    };
    await runReveal([mentee], deps);
    await runSubjectAccess([canaries.mentor['identity.email']], deps);

    // Everything else: every object the stand-in holds (reachable or not), and all it was told.
    elsewhere.push(
      ...[...standIn.git.blobs.values()].map((blob) => Buffer.from(blob).toString('utf8')),
      ...[...standIn.git.commits.values()].map((c) => c.message),
      ...standIn.git.refs.keys(),
      ...standIn.issues.map((i) => `${i.title}\n${i.body ?? ''}\n${i.labels.join(',')}`),
      ...standIn.comments.map((c) => c.body),
    );
    expect(found(elsewhere.join('\n'))).toEqual([]);
    // The positive control: the canary went in, and the coordinator's tools give it back.
    expect(found(revealed.join('\n'))).toEqual(
      expect.arrayContaining([
        'Canarina',
        'Zwitschervogel',
        'canarina.zwitscher@exemple.fr',
        '06 47 47 47 47',
      ]),
    );
    expect(found([...written.values()].join('\n'))).toEqual(
      expect.arrayContaining([
        'Pinsonnet',
        'Gazouillard',
        'pinsonnet.gazouillard@exemple.org',
        '1977-03-21',
      ]),
    );
  });
});
