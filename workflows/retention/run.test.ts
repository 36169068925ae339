import { describe, expect, it } from 'vitest';
import {
  applicationPath,
  dataKeys,
  erasurePath,
  retentionBranch,
  screeningPath,
} from '../../schemas/data-layout.ts';
import { checkErasure } from '../../schemas/validators.ts';
import { runScreen } from '../../scripts/commands/run-screen.ts';
import { aMenteeForm, aMentorForm, personalStrings } from '../../scripts/dev/application-forms.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../../tests/helpers/intake-harness.ts';
import { recordingCore } from '../../tests/helpers/matching-harness.ts';
import { run } from './run.ts';

/** What people read has no-break spaces (French typography); compared here as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const settings = programmeSettings((s) => {
  s.dataProtection.retention.applicationWithoutPairMonths = 12;
});
/** 2027-12-24 in Paris (the programme's time zone), still 2027-12-23 in UTC. */
const dayAfterTheTerm = () => new Date('2027-12-23T23:30:00.000Z');
const job = (store: DataStore, now: () => Date, event: { mergedBranch?: string } = {}) => {
  const recorded = recordingCore();
  return {
    recorded,
    done: run({ store, core: recorded.core as never, settings, now, event }),
  };
};

/**
 * Through the intake on 2026-11-23: a mentoré never decided on nor paired (past the 12 months on
 * 2027-11-23; the job runs 13 months after they applied), and a mentor accepted on 2027-12-01
 * (not due: the period runs from the last decision).
 */
async function forgottenAndRecent() {
  const { store, standIn } = gitHubHarness();
  const ids = ['mentee-aaaaa1', 'mentor-bbbbb1'];
  const intake = await intakeHarness({ store, newId: () => ids.shift()! });
  intake.now = new Date('2026-11-23T10:00:00Z');
  const mentee = referenceOf(await intake.handle(formPost('mentee', aMenteeForm())));
  const mentor = referenceOf(await intake.handle(formPost('mentor', aMentorForm())));
  await runScreen([mentor, 'accepted'], {
    store,
    now: () => new Date('2027-12-01T10:00:00Z'),
    print: () => {},
  });
  return { store, standIn, mentee, mentor };
}

describe('the « Conservation des données » job, against the GitHub stand-in', () => {
  it('proposes one pull request, destroys no key before the merge, and the keys of the erased once merged', async () => {
    const { store, standIn, mentee, mentor } = await forgottenAndRecent();
    const mentorKey = standIn.git.refs.get(dataKeys.ref(mentor));
    const pulls = () => standIn.issues.filter((i) => i.pull);

    const propose = job(store, dayAfterTheTerm);
    await propose.done;
    expect(propose.recorded.failures).toEqual([]);
    expect(pulls()).toHaveLength(1);
    const pull = pulls()[0]!;
    expect(pull.pull!.head).toBe(retentionBranch);
    expect(plain(pull.title)).toBe('Conservation des données : 1 suppression à valider');
    // « Today » is the programme's: the 24th in Paris.
    expect(plain(pull.body ?? '')).toContain(
      'Au 24/12/2027, un élément a dépassé la durée de conservation',
    );
    expect(plain(pull.body ?? '')).toContain(
      `\`${mentee}\` (personne : candidature, décision, clé)`,
    );
    expect(plain(pull.body ?? '')).toContain(
      'sans binôme, dernière décision ou candidature le 23/11/2026',
    );
    expect(plain(pull.body ?? '')).toMatch(
      /durée de conservation (\(|&#40;)12 mois(\)|&#41;) dépassée/,
    );
    expect(pull.body).not.toContain(mentor);
    expect(propose.recorded.summaryParts.map(plain)[0]).toBe(
      'Conservation des données — 24/12/2027',
    );
    expect(propose.recorded.summaryParts.map(plain).join('\n')).toContain(
      `Proposition de suppression : 1 élément (https://github.com/clavim/mentorat-donnees/pull/${pull.number}). Relisez-la, puis fusionnez-la sur GitHub.`,
    );

    // The branch deletes the person and records the erasure; main is untouched until the merge.
    expect(standIn.file(applicationPath(mentee), retentionBranch)).toBeUndefined();
    const erasure = JSON.parse(standIn.file(erasurePath(mentee), retentionBranch)!);
    expect(checkErasure(erasure).ok).toBe(true);
    expect(erasure).toMatchObject({ id: mentee, reason: 'retention', lastStatus: 'new' });
    expect(standIn.file(applicationPath(mentor), retentionBranch)).toBeDefined();
    expect(standIn.file(screeningPath(mentor), retentionBranch)).toBeDefined();
    expect(standIn.file(applicationPath(mentee))).toBeDefined();
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(true);

    // Run again before anyone merges: the same pull request, still no key destroyed.
    const again = job(store, dayAfterTheTerm);
    await again.done;
    expect(again.recorded.failures).toEqual([]);
    expect(pulls()).toHaveLength(1);
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(true);

    // A coordinator merges on GitHub's website: the files leave main; the key is still there
    // until the run the merge starts.
    standIn.mergePullRequest(pull.number);
    expect(standIn.file(applicationPath(mentee))).toBeUndefined();
    expect(standIn.file(erasurePath(mentee))).toBeDefined();
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(true);
    const merged = job(store, dayAfterTheTerm, { mergedBranch: retentionBranch });
    await merged.done;
    expect(merged.recorded.failures).toEqual([]);
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(false);
    expect(standIn.git.refs.get(dataKeys.ref(mentor))).toBe(mentorKey);
    expect(merged.recorded.summaryParts.map(plain)).toEqual([
      'Conservation des données — suppressions fusionnées',
      `Clés de données détruites : ${mentee}.`,
    ]);

    // The next scheduled run: nothing is due, nothing is opened.
    const nothing = job(store, dayAfterTheTerm);
    await nothing.done;
    expect(nothing.recorded.failures).toEqual([]);
    expect(nothing.recorded.summaryParts.map(plain).slice(1)).toEqual([
      'Rien n’a dépassé sa durée de conservation aujourd’hui.',
    ]);
    expect(pulls()).toHaveLength(1);
    expect(pulls()[0]!.state).toBe('closed');

    // Ids, rules and dates only, everywhere the job wrote.
    const written = [
      ...standIn.issues.flatMap((i) => [i.title, i.body ?? '']),
      ...standIn.comments.map((c) => c.body),
      ...[...standIn.git.commits.values()].map((c) => c.message),
      ...standIn.git.refs.keys(),
      ...[propose, again, merged, nothing].flatMap((j) => [
        ...j.recorded.logs,
        ...j.recorded.summaryParts.map(plain),
        ...j.recorded.failures,
        JSON.stringify(j.recorded.outputs),
      ]),
    ].join('\n');
    for (const personal of [...personalStrings(), '2005-07-14', '1980-02-03'])
      expect(written, personal).not.toContain(personal);
  });

  it('proposes nothing the day before the term, in the programme’s time zone', async () => {
    const { store, standIn } = await forgottenAndRecent();
    // 2027-11-22 at 23:30 in UTC is already the 23rd in Paris: due. Half an hour earlier it is not.
    const before = job(store, () => new Date('2027-11-22T22:30:00.000Z'));
    await before.done;
    expect(before.recorded.failures).toEqual([]);
    expect(before.recorded.summaryParts.map(plain)).toEqual([
      'Conservation des données — 22/11/2027',
      'Rien n’a dépassé sa durée de conservation aujourd’hui.',
    ]);
    expect(standIn.issues).toEqual([]);
    expect(standIn.git.refs.has(`heads/${retentionBranch}`)).toBe(false);
    const due = job(store, () => new Date('2027-11-22T23:30:00.000Z'));
    await due.done;
    expect(due.recorded.failures).toEqual([]);
    expect(standIn.issues.filter((i) => i.pull)).toHaveLength(1);
  });

  it('destroys at the next scheduled run the keys a missed merged run left behind', async () => {
    const { store, standIn, mentee, mentor } = await forgottenAndRecent();
    await job(store, dayAfterTheTerm).done;
    standIn.mergePullRequest(standIn.issues.find((i) => i.pull)!.number);
    // The run the merge started was cancelled or failed: the key is still there.
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(true);
    const next = job(store, dayAfterTheTerm);
    await next.done;
    expect(next.recorded.failures).toEqual([]);
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(false);
    expect(standIn.git.refs.has(dataKeys.ref(mentor))).toBe(true);
    expect(next.recorded.summaryParts.map(plain).slice(1)).toEqual([
      `Clés de données détruites, car ces personnes sont déjà effacées de la branche principale : ${mentee}.\n\nRien n’a dépassé sa durée de conservation aujourd’hui.`,
    ]);
  });

  it('destroys nothing after the merge of another pull request, nor after a proposal closed unmerged', async () => {
    const { store, standIn, mentee } = await forgottenAndRecent();
    await job(store, dayAfterTheTerm).done;
    const other = job(store, dayAfterTheTerm, { mergedBranch: 'binomes/2026-2027' });
    await other.done;
    expect(other.recorded.failures).toEqual([]);
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(true);
    // The caller starts no run for a proposal closed without merging (its `if`); were one started
    // anyway, nobody on main is erased, so no key goes.
    const unmerged = job(store, dayAfterTheTerm, { mergedBranch: retentionBranch });
    await unmerged.done;
    expect(unmerged.recorded.failures).toEqual([]);
    expect(standIn.git.refs.has(dataKeys.ref(mentee))).toBe(true);
    expect(unmerged.recorded.summaryParts.map(plain).slice(1)).toEqual([
      'Aucune clé à détruire : les personnes effacées n’en avaient plus.',
    ]);
  });
});
