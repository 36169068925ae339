import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Decrypter, armor } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applicationPath,
  dataKeys,
  erasurePath,
  folders,
  screeningPath,
} from '../../schemas/data-layout.ts';
import type { SealedIdentity } from '../../schemas/sealed-identity.ts';
import { checkErasure } from '../../schemas/validators.ts';
import { runErase } from '../../scripts/commands/run-erase.ts';
import { runReveal } from '../../scripts/commands/run-reveal.ts';
import { runScreen } from '../../scripts/commands/run-screen.ts';
import { runSubjectAccess } from '../../scripts/commands/run-subject-access.ts';
import {
  aMentorForm,
  aMinorMenteeForm,
  personalStrings,
  syntheticPeople,
} from '../../scripts/dev/application-forms.ts';
import { openDataKey, openIdentity } from '../../scripts/privacy/open-identity.ts';
import { createOctokit } from '../../scripts/store/create-octokit.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { readRecords } from '../../scripts/store/read-records.ts';
import type { Core } from '../../workflows/core.ts';
import { run as runValidate } from '../../workflows/validate/run.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../helpers/intake-harness.ts';
import { backupKey, coordinatorKey } from '../helpers/test-keys.ts';
import { ageCli, keyFile, keyFileText } from './age-cli.ts';
import { everyObject } from './git-history.ts';
import { privacyDeps } from './privacy-deps.ts';

// Issue 10, « Must show »: after `erase`, no key the coordinators hold opens any copy of the
// person's application left in Git history; everyone else still opens; the data stays valid.

const programmeKeys = [coordinatorKey.identity, backupKey.identity];

/** Submits the erased person (a minor mentee) and the one who stays (a mentor). */
async function twoPeople(store?: DataStore) {
  const intake = await intakeHarness(store ? { store } : {});
  const erased = referenceOf(await intake.handle(formPost('mentee', aMinorMenteeForm())));
  const kept = referenceOf(await intake.handle(formPost('mentor', aMentorForm())));
  return { intake, store: intake.store, erased, kept };
}

/** A sealed application's identity, with its id; undefined for any other text. */
function sealedApplication(text: string): { id: string; identity: SealedIdentity } | undefined {
  try {
    const value = JSON.parse(text) as { id?: unknown; identity?: { ciphertext?: unknown } };
    return typeof value.id === 'string' && typeof value.identity?.ciphertext === 'string'
      ? (value as { id: string; identity: SealedIdentity })
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every age file written out in `text`, armoured, JSON-escaped or not. */
const armouredFiles = (text: string) =>
  text
    .replace(/\\n/g, '\n')
    .match(/-----BEGIN AGE ENCRYPTED FILE-----\n[\s\S]*?-----END AGE ENCRYPTED FILE-----\n/g) ?? [];

/** Decrypts `armoured` with `identities`; undefined when none of them opens it. */
async function tryDecrypt(identities: readonly string[], armoured: string) {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(armor.decode(armoured), 'text');
  } catch {
    return undefined;
  }
}

/** A job's `core` that keeps what the job said. */
function recordingCore() {
  const failures: string[] = [];
  const outputs: Record<string, unknown> = {};
  const summary: Core['summary'] = {
    addHeading: () => summary,
    addTable: () => summary,
    addRaw: () => summary,
    write: () => Promise.resolve(),
  };
  const core: Core = {
    setOutput: (name, value) => void (outputs[name] = value),
    setFailed: (message) => void failures.push(message),
    info: () => {},
    summary,
  };
  return { core, failures, outputs };
}

describe('erasure on the local repository', () => {
  let people: Awaited<ReturnType<typeof twoPeople>>;
  let directory: string;
  let before: SealedIdentity[];
  let printed: string[];

  beforeAll(async () => {
    people = await twoPeople();
    const { store, erased } = people;
    directory = people.intake.directory;
    await runScreen([erased, 'accepted'], {
      store,
      now: () => new Date('2026-11-30T10:00:00Z'),
      print: () => {},
    });
    // Two more versions of the application: one on main, one only on a coordinator's branch.
    const edit = async (languages: string[], branch = 'main') => {
      const record = JSON.parse((await store.readFile(applicationPath(erased), { branch }))!);
      record.profile.languages = languages;
      await store.commit(
        [{ path: applicationPath(erased), content: JSON.stringify(record, null, 2) + '\n' }],
        `Edit ${erased}`,
        { branch },
      );
    };
    await edit(['fr']);
    await store.ensureBranch('coordinator/notes');
    await edit(['fr', 'es'], 'coordinator/notes');
    before = versionsOf(erased);
    // Each version opened before the erasure: what fails afterwards failed because of it.
    for (const sealed of before)
      await openIdentity(sealed, await store.keys.read(erased), [coordinatorKey.identity]);
    const run = privacyDeps(store);
    await runErase([erased], run.deps);
    printed = run.printed;
  });

  /** Every sealed version of `id`'s application among all the repository's objects. */
  function versionsOf(id: string): SealedIdentity[] {
    return everyObject(directory)
      .filter((o) => o.type === 'blob')
      .map((o) => sealedApplication(o.body.toString('utf8')))
      .filter((a) => a?.id === id)
      .map((a) => a!.identity);
  }

  it('finds every version of the application in history, each of which no key of the programme opens', async () => {
    const { store, erased } = people;
    const versions = versionsOf(erased);
    expect(versions).toHaveLength(3);
    expect(versions).toEqual(before);
    // Git's own list of what the path held, on every ref: all among them.
    const listed = execFileSync('git', ['-C', directory, 'rev-list', '--all', '--objects'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((line) => line.endsWith(` ${applicationPath(erased)}`));
    expect(listed).toHaveLength(3);

    expect(await store.keys.read(erased)).toBeUndefined();
    expect(await store.keys.list()).toEqual([people.kept]);
    expect(existsSync(join(directory, dataKeys.file(erased)))).toBe(false);
    const coordinatorFile = keyFile('coordination.txt', keyFileText(coordinatorKey));
    for (const sealed of versions) {
      for (const identity of [...programmeKeys.map((k) => [k]), programmeKeys])
        await expect(
          openIdentity(sealed, await store.keys.read(erased), identity),
        ).rejects.toMatchObject({ name: 'OpenIdentityError', reason: 'no-key' });
      // The ciphertext itself is sealed to its data key, not to the programme's keys.
      expect(await tryDecrypt(programmeKeys, sealed.ciphertext)).toBeUndefined();
      const cli = ageCli('age', ['-d', '-i', coordinatorFile], sealed.ciphertext);
      expect([cli.code, cli.stdout]).toEqual([1, '']);
    }
  });

  it('leaves no wrapped key anywhere that would open it: in no object and no file of the data folder', async () => {
    const { erased, kept } = people;
    const files = (await readdir(directory, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    const texts = [
      ...everyObject(directory).map((o) => o.body.toString('utf8')),
      ...(await Promise.all(files.map((file) => readFile(file, 'latin1')))),
    ];
    // Whatever the programme's keys open is a data key: none of them opens the erased person.
    const dataKeys: string[] = [];
    for (const armoured of texts.flatMap(armouredFiles)) {
      const opened = await tryDecrypt(programmeKeys, armoured);
      if (opened !== undefined) dataKeys.push(opened.trim());
    }
    for (const sealed of versionsOf(erased))
      expect(await tryDecrypt(dataKeys, sealed.ciphertext)).toBeUndefined();
    // The search bites: it found the other person's key, which opens their record, and no other.
    expect(dataKeys).toHaveLength(1);
    const keptRecord = sealedApplication((await people.store.readFile(applicationPath(kept)))!)!;
    expect(await tryDecrypt(dataKeys, keptRecord.identity.ciphertext)).toContain(
      syntheticPeople.mentor.email,
    );
  });

  it('still opens the other person’s record, with either key of the programme', async () => {
    for (const key of programmeKeys) {
      const set = await readRecords(people.store, { identities: [key] });
      expect(set.unopened).toEqual([]);
      expect(set.applications.map((a) => a.id)).toEqual([people.kept]);
      expect(set.applications[0]!.identity).toMatchObject({
        email: syntheticPeople.mentor.email,
      });
    }
  });

  it('removes the application, decision and marker from main, and keeps a valid erasures file with no personal data', async () => {
    const { store, erased } = people;
    const erasure = (await store.readFile(erasurePath(erased)))!;
    const checked = checkErasure(JSON.parse(erasure));
    expect(checked).toMatchObject({
      ok: true,
      value: {
        id: erased,
        kind: 'mentee',
        cohort: '2026-2027',
        submittedMonth: '2026-11',
        lastStatus: 'accepted',
        erasedOn: '2026-12-01',
        reason: 'request',
      },
    });
    for (const value of personalStrings()) expect(erasure).not.toContain(value);
    expect(await store.readFile(applicationPath(erased))).toBeUndefined();
    expect(await store.readFile(screeningPath(erased))).toBeUndefined();
    // Only the other person's submission marker is left.
    expect(await store.listFiles(folders.submissions)).toHaveLength(1);
    expect(printed.join('\n')).toContain(`L’effacement de ${erased} est fait`);
    expect(printed.join('\n')).toContain('le fichier de la clé a été écrasé puis supprimé');
  });

  it('passes the validate job', async () => {
    const { core, failures, outputs } = recordingCore();
    await runValidate({ store: people.store, core, settings: programmeSettings() });
    expect(failures).toEqual([]);
    expect(outputs['problems']).toBe(0);
  });

  it('has reveal say the key is destroyed, and subject access find the other person still', async () => {
    const { deps, printed: shown, written } = privacyDeps(people.store, [coordinatorKey.identity]);
    await runReveal([people.erased], deps);
    const revealed = shown.join('\n');
    expect(revealed).toContain('Candidature : aucune');
    expect(revealed).toContain('Clé de chiffrement de l’identité : détruite');
    for (const value of personalStrings()) expect(revealed).not.toContain(value);

    await runSubjectAccess([syntheticPeople.mentor.email.toUpperCase(), '--out', '/acces'], deps);
    expect([...written.keys()]).toEqual([
      `/acces/acces-${people.kept}.json`,
      `/acces/acces-${people.kept}.txt`,
    ]);
    expect(written.get(`/acces/acces-${people.kept}.txt`)).toContain(
      syntheticPeople.mentor.lastName,
    );
    // The erased person can no longer be found by their e-mail: nothing opens their identity.
    await expect(runSubjectAccess([syntheticPeople.mentee.email], deps)).rejects.toMatchObject({
      name: 'UsageError',
    });
  });
});

describe('erasure on GitHub (the stand-in)', () => {
  it('deletes the key’s ref; the old key stays fetchable by its sha until GitHub collects garbage', async () => {
    const { store, standIn } = gitHubHarness();
    const { erased, kept } = await twoPeople(store);
    const ref = dataKeys.ref(erased);
    const keyCommit = standIn.git.refs.get(ref)!;
    const wrapped = (await store.keys.read(erased))!;
    const mainBefore = standIn.git.refs.get('heads/main')!;
    const run = privacyDeps(store);
    await runErase([erased], { ...run.deps, onGitHub: true });

    expect(standIn.git.refs.has(ref)).toBe(false);
    expect(await store.keys.read(erased)).toBeUndefined();
    expect(await store.keys.list()).toEqual([kept]);
    expect(await store.readFile(applicationPath(erased))).toBeUndefined();

    // As on GitHub, the deleted ref's commit and blob stay readable by whoever knows the sha,
    // until GitHub collects garbage, and the old application by the commit that held it. The
    // README (« Effacement ») says so and why: that old key is encrypted to the programme's
    // keys only, so the remedy is to rotate them (`npm run keys -- rotate`) and destroy the old
    // private keys, as the erasure itself prints.
    const octokit = createOctokit({
      credentials: { kind: 'token', token: 'github_pat_test_0000' },
      fetch: standIn.fetch,
      log: () => {},
    });
    const at = async (path: string, sha: string) => {
      const { data } = await octokit.rest.repos.getContent({
        owner: standIn.owner,
        repo: standIn.repo,
        path,
        ref: sha,
      });
      return Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
    };
    expect(await at(dataKeys.blobName, keyCommit)).toBe(wrapped);
    const old = sealedApplication(await at(applicationPath(erased), mainBefore))!;
    for (const key of programmeKeys) {
      const dataKey = await openDataKey(await at(dataKeys.blobName, keyCommit), [key]);
      expect(await tryDecrypt([dataKey], old.identity.ciphertext)).toContain(
        syntheticPeople.mentee.email,
      );
    }
    expect(run.printed.join('\n')).toContain(
      'lancez npm run keys -- rotate, puis détruisez les anciennes clés privées',
    );
  });
});
