import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conventionPath, pairPath } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { readConventionAssets } from '../../scripts/commands/convention-assets.ts';
import { conventionFolder } from '../../scripts/commands/convention-folder.ts';
import { textProgress } from '../../scripts/commands/progress.ts';
import { runConventions } from '../../scripts/commands/run-conventions.ts';
import { runErase } from '../../scripts/commands/run-erase.ts';
import { runRetention } from '../../scripts/commands/run-retention.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import { fingerprintOf } from '../../scripts/convention/convention-maker.ts';
import {
  aMenteeForm,
  aMentorForm,
  aMinorMenteeForm,
  personalStrings,
  syntheticPeople,
} from '../../scripts/dev/application-forms.ts';
import { openDataKey } from '../../scripts/privacy/open-identity.ts';
import { openConvention } from '../../scripts/privacy/seal-convention.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { pairText } from '../../scripts/matching/pair-record.ts';
import { aPair } from '../helpers/a-pair.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../helpers/intake-harness.ts';
import { recordingCore } from '../helpers/matching-harness.ts';
import { runCommand } from '../helpers/run-command.ts';
import { coordinatorKey, strangerKey } from '../helpers/test-keys.ts';
import { privacyDeps } from '../privacy/privacy-deps.ts';
import { run as runJob } from '../../workflows/conventions/run.ts';

// Issue 11, « Where it runs »: `npm run conventions` writes the filled PDFs of the accepted pairs,
// regenerates nothing up to date, and the conventions job delivers them with a summary of ids.

const folders: string[] = [];
afterAll(async () => {
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'binome-conventions-'));
  folders.push(folder);
  return folder;
}

/** A mentor with a minor mentoré (accepted), an adult one (accepted) and a proposed pair. */
async function programme(store?: DataStore) {
  const intake = await intakeHarness(store ? { store } : {});
  const send = async (kind: 'mentor' | 'mentee', form: [string, string][]) =>
    referenceOf(await intake.handle(formPost(kind, form)));
  const mentor = await send('mentor', aMentorForm());
  const otherMentor = await send(
    'mentor',
    aMentorForm({ 'identity.email': 'autre.mentor@exemple.org' }),
  );
  const minor = await send('mentee', aMinorMenteeForm());
  const adult = await send(
    'mentee',
    aMenteeForm({ 'identity.firstName': 'Anatole', 'identity.email': 'anatole@exemple.fr' }),
  );
  const pairs = {
    minor: aPair(mentor, minor, 'accepted'),
    adult: aPair(mentor, adult, 'accepted'),
    proposed: aPair(otherMentor, adult, 'proposed'),
  };
  // The harness's own `store` stays local: a GitHub store given replaces it in the intake only.
  const target = store ?? intake.store;
  await target.commit(
    Object.values(pairs).map((p) => ({ path: pairPath(p.id), content: pairText(p) })),
    'Add pairs',
  );
  return {
    store: intake.store,
    directory: intake.directory,
    pairs,
    people: { mentor, minor, adult },
  };
}

function deps(
  store: DataStore,
  folder: string,
  options: { settings?: ProgrammeSettings; identities?: string[]; tty?: boolean } = {},
) {
  const printed: string[] = [];
  const steps: string[] = [];
  const settings = options.settings ?? programmeSettings();
  return {
    printed,
    steps,
    deps: {
      store,
      settings,
      assets: () => readConventionAssets(settings),
      identities: () => Promise.resolve(options.identities ?? [coordinatorKey.identity]),
      folder: conventionFolder(folder),
      now: () => new Date('2026-12-06T10:00:00Z'),
      print: (line: string) => void printed.push(line),
      progress: textProgress({
        isTTY: options.tty ?? false,
        write: (t: string) => void steps.push(t),
      }),
    },
  };
}

/** Settings whose values a convention prints are filled in, as on GitHub they must be. */
function completeSettings(change: (s: ProgrammeSettings) => void = () => {}): ProgrammeSettings {
  return programmeSettings((s) => {
    s.structure.address.street = '1 rue de l’Exemple';
    s.mentoring.coordinators = [{ id: 'coordination', name: 'Camille Exemple' }];
    change(s);
  });
}

/** Runs the conventions job as its main.ts does, with a recording core. */
async function runJobOn(
  store: DataStore,
  settings: ProgrammeSettings,
  folder: string,
  event: { mergedBranch?: string; pairs?: string },
  identities: () => Promise<string[]> = () => Promise.resolve([coordinatorKey.identity]),
) {
  const recording = recordingCore();
  await runJob({
    store,
    core: recording.core as never,
    settings,
    assets: () => readConventionAssets(settings),
    identities,
    folder: conventionFolder(folder),
    now: () => new Date('2026-12-06T10:00:00Z'),
    event,
  });
  return recording;
}

const noPersonalData = (texts: readonly string[]) => {
  for (const text of texts) for (const s of personalStrings()) expect(text).not.toContain(s);
};

describe('npm run conventions (embedded default)', () => {
  let world: Awaited<ReturnType<typeof programme>>;
  let folder: string;
  beforeAll(async () => {
    world = await programme();
    folder = await tempFolder();
  });

  it('writes the convention of each accepted pair, with the representative for a minor, and says so by pair id', async () => {
    const { deps: d, printed, steps } = deps(world.store, folder);
    const outcome = await runConventions([], d);
    expect(outcome?.written.sort()).toEqual([world.pairs.minor.id, world.pairs.adult.id].sort());
    expect((await readdir(folder)).sort()).toEqual(
      [`${world.pairs.adult.id}.pdf`, `${world.pairs.minor.id}.pdf`].sort(),
    );
    const minor = new TextDecoder('latin1').decode(
      await readFile(join(folder, `${world.pairs.minor.id}.pdf`)),
    );
    const adult = new TextDecoder('latin1').decode(
      await readFile(join(folder, `${world.pairs.adult.id}.pdf`)),
    );
    expect(minor).toContain('/T (representative-name)');
    expect(adult).not.toContain('/T (representative-name)');
    expect(minor.startsWith('%PDF-')).toBe(true);
    // One line a step in a log, each complete: « Conventions : 1/2 — pair-… (écrite) ».
    expect(steps).toHaveLength(2);
    for (const step of steps)
      expect(step).toMatch(
        /^Conventions\u00a0: [12]\/2 — pair-[0-9a-z]{6}-[0-9a-z]{6} \(écrite\)\n$/,
      );
    expect(printed.join('\n')).toContain('2 convention(s) écrite(s), 0 déjà à jour');
    noPersonalData([...printed, ...steps]);
  });

  it('regenerates nothing that is up to date, and rewrites what the settings changed', async () => {
    const name = `${world.pairs.adult.id}.pdf`;
    const before = await readFile(join(folder, name));
    const again = deps(world.store, folder);
    const outcome = await runConventions([], again.deps);
    expect(outcome?.written).toEqual([]);
    expect(outcome?.upToDate).toHaveLength(2);
    expect(again.steps.every((s) => s.includes('(déjà à jour)'))).toBe(true);
    expect(Buffer.compare(before, await readFile(join(folder, name)))).toBe(0);

    const changed = programmeSettings((s) => {
      s.mentoring.coordinators = [{ id: 'coordination', name: 'Camille Nouvelle' }];
    });
    const updated = deps(world.store, folder, { settings: changed });
    const third = await runConventions([], updated.deps);
    expect(third?.written).toHaveLength(2);
    expect(updated.steps.every((s) => s.includes('(mise à jour)'))).toBe(true);
    expect(fingerprintOf(await readFile(join(folder, name)))).not.toBe(fingerprintOf(before));
  });

  it('redraws one line in a terminal', async () => {
    const tty = deps(world.store, await tempFolder(), { tty: true });
    await runConventions([world.pairs.adult.id], tty.deps);
    expect(tty.steps[0]).toMatch(/^\r\u001b\[2KConventions\u00a0: 1\/1/);
    expect(tty.steps.at(-1)).toBe('\n');
  });

  it('takes pair ids, refuses anything else without repeating it, and names an unknown pair', async () => {
    const d = deps(world.store, await tempFolder()).deps;
    const proposed = await runConventions([world.pairs.proposed.id], d);
    expect(proposed?.written).toEqual([world.pairs.proposed.id]);
    const email = syntheticPeople.mentee.email;
    const refused = await runConventions([email], d).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).not.toContain(email);
    await expect(runConventions(['pair-aaaaaa-bbbbbb'], d)).rejects.toThrow(
      'Le binôme pair-aaaaaa-bbbbbb n’existe pas',
    );
    await expect(runConventions(['--nope'], d)).rejects.toBeInstanceOf(UsageError);
  });

  it('never repeats an argument that is not a pair id, however short', async () => {
    const d = deps(world.store, await tempFolder()).deps;
    const refused = await runConventions(['Dupont'], d).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).not.toContain('Dupont');
  });

  it('keeps a convention changed since it was written (signed on screen), unless told to redo it', async () => {
    const own = await tempFolder();
    await runConventions([world.pairs.adult.id], deps(world.store, own).deps);
    const file = join(own, `${world.pairs.adult.id}.pdf`);
    const signed = Buffer.concat([
      await readFile(file),
      Buffer.from(`\n${'%'.repeat(9000)}\n%%EOF\n`),
    ]);
    await writeFile(file, signed);
    const changed = programmeSettings((s) => {
      s.mentoring.coordinators = [{ id: 'coordination', name: 'Quelqu’un d’autre' }];
    });
    const again = deps(world.store, own, { settings: changed });
    const outcome = await runConventions([world.pairs.adult.id], again.deps);
    expect(outcome?.kept).toEqual([world.pairs.adult.id]);
    expect(Buffer.compare(await readFile(file), signed)).toBe(0);
    expect(again.printed.join('\n')).toContain('gardée telle quelle');
    const redo = await runConventions([world.pairs.adult.id, '--refaire'], again.deps);
    expect(redo?.written).toEqual([world.pairs.adult.id]);
  });

  it('keeps the convention of a pair whose file cannot be read for now', async () => {
    const own = await tempFolder();
    await writeFile(join(own, `${world.pairs.adult.id}.pdf`), 'kept');
    const broken = await intakeHarness();
    await broken.store.commit(
      [{ path: pairPath(world.pairs.adult.id), content: '{ "id": "broken' }],
      'A hand edit gone wrong',
    );
    const outcome = await runConventions([], deps(broken.store, own).deps);
    expect(outcome?.removed).toEqual([]);
    expect(await readdir(own)).toEqual([`${world.pairs.adult.id}.pdf`]);
  });

  it('reports each pair it cannot open with the key given, and writes none of them', async () => {
    const empty = await tempFolder();
    const wrong = deps(world.store, empty, { identities: [strangerKey.identity] });
    const outcome = await runConventions([], wrong.deps);
    expect(outcome?.failed.map((f) => f.id).sort()).toEqual(
      [world.pairs.minor.id, world.pairs.adult.id].sort(),
    );
    expect(await readdir(empty)).toEqual([]);
    expect(wrong.printed.join('\n')).toContain('non écrite');
    noPersonalData(wrong.printed);
  });

  it('keeps a closed pair’s convention, removes one whose pair main no longer has, and erasure removes a person’s', async () => {
    const closed = { ...world.pairs.proposed, status: 'closed' as const };
    await world.store.commit([{ path: pairPath(closed.id), content: pairText(closed) }], 'Close');
    await writeFile(join(folder, `${closed.id}.pdf`), 'signed, then the pair closed');
    await writeFile(join(folder, 'pair-zzzzzz-yyyyyy.pdf'), 'deleted by the retention');
    const outcome = await runConventions([], deps(world.store, folder).deps);
    expect(outcome?.removed).toEqual(['pair-zzzzzz-yyyyyy']);
    expect(await readdir(folder)).toContain(`${closed.id}.pdf`);
    await rm(join(folder, `${closed.id}.pdf`));

    const { deps: privacy } = privacyDeps(world.store);
    await runErase([world.people.minor], { ...privacy, conventions: conventionFolder(folder) });
    expect(await readdir(folder)).toEqual([`${world.pairs.adult.id}.pdf`]);
    // Run again: the erased person's pair holds, but its convention is not made again.
    const after = await runConventions([], deps(world.store, folder).deps);
    expect(after?.removed).toEqual([world.pairs.minor.id]);
    expect(await readdir(folder)).toEqual([`${world.pairs.adult.id}.pdf`]);
  });

  it('leaves, once the retention is applied, no printable convention of a pair main no longer holds', async () => {
    const own = await tempFolder();
    await writeFile(join(own, `${world.pairs.adult.id}.pdf`), 'holding');
    await writeFile(join(own, 'pair-zzzzzz-yyyyyy.pdf'), 'deleted by the retention');
    const { deps: privacy } = privacyDeps(world.store);
    await runRetention(['--merged'], {
      ...privacy,
      conventions: conventionFolder(own),
      settings: programmeSettings(),
      today: '2026-12-06',
    });
    expect(await readdir(own)).toEqual([`${world.pairs.adult.id}.pdf`]);
  });

  it('runs from the command line: help, a wrong option, and the conventions in <data>/conventions', async () => {
    const help = await runCommand('conventions', world.directory, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run conventions');
    const wrong = await runCommand('conventions', world.directory, ['--nope']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).not.toMatch(/\n\s+at .*:\d+/);
    const run = await runCommand('conventions', world.directory, [], {
      BINOME_AGE_KEY: coordinatorKey.identity,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await readdir(join(world.directory, 'conventions'))).toContain(
      `${world.pairs.adult.id}.pdf`,
    );
    noPersonalData([run.stdout]);
  });
});

describe('the conventions job on GitHub, with sealed copies kept (delivery: commit)', () => {
  it('delivers the PDFs in the artifact folder, commits copies only both data keys open, and erasure deletes them', async () => {
    const { store } = gitHubHarness();
    const world = await programme(store);
    const settings = completeSettings((s) => {
      s.conventions = { delivery: 'commit', artifactRetentionDays: 3 };
    });
    const artifact = await tempFolder();
    const recording = await runJobOn(store, settings, artifact, {
      mergedBranch: 'binomes/2026-2027',
    });
    expect(recording.failures).toEqual([]);
    expect(recording.outputs).toEqual({ 'retention-days': 3, count: 2 });
    const summary = recording.summaryParts.join('\n');
    expect(summary).toContain(world.pairs.minor.id);
    expect(summary).toContain('gardé 3\u00a0jours');
    noPersonalData([summary, ...recording.logs]);

    const sealed = (await store.readFile(conventionPath(world.pairs.adult.id)))!;
    expect(sealed).toContain('-----BEGIN AGE ENCRYPTED FILE-----');
    const dataKey = async (id: string) =>
      openDataKey(await store.keys.read(id), [coordinatorKey.identity]);
    const keys = {
      mentor: await dataKey(world.people.mentor),
      mentee: await dataKey(world.people.adult),
    };
    const opened = await openConvention(sealed, keys);
    const delivered = (folder: string) => readFile(join(folder, `${world.pairs.adult.id}.pdf`));
    expect(Buffer.compare(opened, await delivered(artifact))).toBe(0);
    // One key is not enough.
    await expect(
      openConvention(sealed, { mentor: keys.mentor, mentee: keys.mentor }),
    ).rejects.toThrow();

    // A second run, on a fresh artifact folder: the archived copies are up to date, delivered
    // again as they are, and nothing is committed.
    const second = await tempFolder();
    const again = await runJobOn(store, settings, second, {});
    expect(again.summaryParts.join('\n')).toContain('déjà à jour');
    expect(Buffer.compare(opened, await delivered(second))).toBe(0);
    expect(await store.readFile(conventionPath(world.pairs.adult.id))).toBe(sealed);

    const { deps: privacy } = privacyDeps(store);
    await runErase([world.people.adult], { ...privacy, onGitHub: true });
    expect(await store.readFile(conventionPath(world.pairs.adult.id))).toBeUndefined();
    expect(await store.keys.read(world.people.adult)).toBeUndefined();
  });

  it('seals again an archived copy left behind by a run without the archive', async () => {
    const { store } = gitHubHarness();
    const world = await programme(store);
    const commit = completeSettings((s) => {
      s.conventions = { delivery: 'commit', artifactRetentionDays: 3 };
    });
    const folder = await tempFolder();
    await runJobOn(store, commit, folder, {});
    const first = (await store.readFile(conventionPath(world.pairs.adult.id)))!;
    // The coordinator changes; a run that keeps no archive updates the folder only.
    const renamed = (s: ProgrammeSettings) => {
      s.mentoring.coordinators = [{ id: 'coordination', name: 'Sacha Exemple' }];
    };
    await runJobOn(store, completeSettings(renamed), folder, {});
    expect(await store.readFile(conventionPath(world.pairs.adult.id))).toBe(first);
    // With the archive again, the folder is up to date but the sealed copy is not: sealed again.
    const commitRenamed = completeSettings((s) => {
      renamed(s);
      s.conventions = { delivery: 'commit' };
    });
    const third = await runJobOn(store, commitRenamed, folder, {});
    expect(third.summaryParts.join('\n')).toContain('déjà à jour');
    const resealed = (await store.readFile(conventionPath(world.pairs.adult.id)))!;
    expect(resealed).not.toBe(first);
    const key = async (id: string) =>
      openDataKey(await store.keys.read(id), [coordinatorKey.identity]);
    const opened = await openConvention(resealed, {
      mentor: await key(world.people.mentor),
      mentee: await key(world.people.adult),
    });
    expect(fingerprintOf(opened)).toBe(
      fingerprintOf(await readFile(join(folder, `${world.pairs.adult.id}.pdf`))),
    );
  });

  it('still delivers the PDFs when their sealed copies cannot be committed, and says so by pair', async () => {
    const { store } = gitHubHarness();
    const world = await programme(store);
    const busy = new Proxy(store, {
      get(target, property) {
        if (property === 'commit') return () => Promise.reject(new Error('busy'));
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const settings = completeSettings((s) => {
      s.conventions = { delivery: 'commit' };
    });
    const folder = await tempFolder();
    const recording = await runJobOn(busy, settings, folder, {});
    expect((await readdir(folder)).sort()).toEqual(
      [`${world.pairs.adult.id}.pdf`, `${world.pairs.minor.id}.pdf`].sort(),
    );
    expect(recording.outputs['count']).toBe(2);
    expect(recording.failures).toHaveLength(1);
    expect(recording.failures[0]).toContain(world.pairs.adult.id);
    expect(recording.failures[0]).toContain('copie chiffrée');
    expect(await store.listFiles('conventions')).toEqual([]);
  });

  it('has the retention proposal delete the sealed copies and follow-ups with the pairs and people it deletes', async () => {
    const { store } = gitHubHarness();
    const world = await programme(store);
    const settings = completeSettings((s) => {
      s.conventions = { delivery: 'commit' };
    });
    await runJobOn(store, settings, await tempFolder(), {});
    expect(await store.listFiles('conventions')).toHaveLength(2);
    // A follow-up of one of the pairs (issue 12) goes with it.
    const followUp = `followups/${world.pairs.adult.id}/2027-03-01T10-00-00Z-mentee.json`;
    await store.commit([{ path: followUp, content: '{}\n' }], 'A follow-up');
    const { deps: privacy } = privacyDeps(store);
    // Long after the cohort's end and the 24 months kept after it: the pairs are due.
    await runRetention([], { ...privacy, onGitHub: true, settings, today: '2029-08-01' });
    const removed = (await store.pullRequestFiles(1))
      .filter((f) => f.status === 'removed')
      .map((f) => f.path);
    expect(removed).toEqual(
      expect.arrayContaining([
        conventionPath(world.pairs.adult.id),
        conventionPath(world.pairs.minor.id),
        followUp,
      ]),
    );
  });

  it('makes nothing for another merged branch, and refuses typed text that is not pair ids without repeating it', async () => {
    const { store } = gitHubHarness();
    const settings = completeSettings();
    const folder = await tempFolder();
    const other = await runJobOn(store, settings, folder, { mergedBranch: 'conservation' });
    expect(other.failures).toEqual([]);
    expect(other.outputs['count']).toBe(0);
    const typed = await runJobOn(store, settings, folder, { pairs: 'Zéphyrine Testaccio' });
    expect(typed.failures).toHaveLength(1);
    expect(typed.failures[0]).not.toContain('Zéphyrine');
    // No pair waits: the key is not even asked for.
    const noKey = await runJobOn(store, settings, folder, {}, () =>
      Promise.reject(new UsageError('Aucune clé privée.')),
    );
    expect(noKey.failures).toEqual([]);
    expect(noKey.summaryParts.join('')).toContain('Aucune convention à produire');
  });

  it('refuses settings a convention would print as « [À compléter : …] », naming the fields', async () => {
    const { store } = gitHubHarness();
    await programme(store);
    const artifact = await tempFolder();
    const recording = await runJobOn(store, programmeSettings(), artifact, {});
    expect(recording.failures).toHaveLength(1);
    expect(recording.failures[0]).toContain('structure.address.street');
    expect(recording.failures[0]).toContain('mentoring.coordinators.0.name');
    expect(await readdir(artifact)).toEqual([]);
  });
});
