import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationPath } from '../../schemas/data-layout.ts';
import {
  aMenteeForm,
  aMentorForm,
  aMinorMenteeForm,
  personalStrings,
  syntheticPeople,
} from '../../scripts/dev/application-forms.ts';
import { openDataKey } from '../../scripts/privacy/open-identity.ts';
import { readRecords } from '../../scripts/store/read-records.ts';
import { formPost, intakeHarness, referenceOf } from '../helpers/intake-harness.ts';
import { runCommand } from '../helpers/run-command.ts';
import { backupKey, coordinatorKey, strangerKey } from '../helpers/test-keys.ts';
import { keyFile, keyFileText } from './age-cli.ts';

// Issue 10, « Must show »: a wrong key, a missing key, a corrupt ciphertext or a destroyed key
// gets a clear French message, exits with an error, and writes nothing; a key rotation with
// the wrong key changes nothing, and with the right one moves every record to the new keys.

const files = {
  coordinator: keyFile('coordination.txt', keyFileText(coordinatorKey)),
  stranger: keyFile('inconnu.txt', keyFileText(strangerKey)),
  // A classic mistake: the public key given where the private key is asked for.
  notAKey: keyFile('cle-publique.txt', `${coordinatorKey.recipient}\n`),
  missing: join(keyFile('placeholder', ''), '..', 'absente.txt'),
};

/** Everything in the data folder, file by file: objects, refs, keys, the local forge. */
async function snapshot(directory: string): Promise<Record<string, string>> {
  const entries = (await readdir(directory, { recursive: true, withFileTypes: true })).filter(
    (entry) => entry.isFile(),
  );
  const sums: Record<string, string> = {};
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    sums[path.slice(directory.length)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return sums;
}

/** What a command's output must never hold: keys, records, or a stack trace. */
function expectNothingLeaked(output: string) {
  expect(output).not.toMatch(/\n\s+at |node:internal|Error:/);
  // A message may name the format (« AGE-SECRET-KEY-1… »), never a key.
  expect(output).not.toMatch(/AGE-SECRET-KEY-1[0-9A-Z]{8}/i);
  expect(output).not.toContain('-----BEGIN AGE');
  for (const key of [coordinatorKey, strangerKey, backupKey]) {
    expect(output).not.toContain(key.identity.slice(16, 40));
    expect(output).not.toContain(key.recipient);
  }
  for (const value of personalStrings()) expect(output).not.toContain(value);
  // The records' profiles are no one's business here either.
  for (const value of ['Lycée Eugène-Ionesco', 'Cheffe de projet', 'Entreprise Fictive'])
    expect(output).not.toContain(value);
}

const revealCases = [
  ['a stranger’s key', 'sound', files.stranger, /aucune des clés privées données n’ouvre/],
  ['a missing key file', 'sound', files.missing, /introuvable ou illisible/],
  ['a file that is not a private key', 'sound', files.notAKey, /n’est pas un fichier de clé age/],
  ['a corrupted ciphertext', 'corrupt', files.coordinator, /modifié ou abîmé/],
  ['a destroyed key', 'destroyed', files.coordinator, /a été détruite/],
] as const;
const rotateCases = [
  ['a stranger’s key', files.stranger, /rien n’a été changé/],
  ['a missing key file', files.missing, /introuvable ou illisible/],
  ['a file that is not a private key', files.notAKey, /n’est pas un fichier de clé age/],
] as const;

describe('npm run reveal and npm run keys, with the wrong key or a damaged record', () => {
  let directory: string;
  const ids = { sound: '', corrupt: '', destroyed: '' };
  let before: Record<string, string>;
  let after: Record<string, string>;
  /** Each command's exit code and output, by case; all run at once, each a child process. */
  const results = new Map<string, { code: number; output: string }>();

  beforeAll(async () => {
    const intake = await intakeHarness();
    directory = intake.directory;
    ids.sound = referenceOf(await intake.handle(formPost('mentee', aMinorMenteeForm())));
    ids.corrupt = referenceOf(await intake.handle(formPost('mentor', aMentorForm())));
    ids.destroyed = referenceOf(await intake.handle(formPost('mentee', aMenteeForm())));
    // One character of a stored identity changed, through a commit, as a bad hand edit would.
    const path = applicationPath(ids.corrupt);
    const record = JSON.parse((await intake.store.readFile(path))!);
    const text: string = record.identity.ciphertext;
    const at = Math.floor(text.length * 0.6);
    record.identity.ciphertext =
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    await intake.store.commit([{ path, content: JSON.stringify(record, null, 2) + '\n' }], 'Edit');
    // A key destroyed while its record is still there.
    await intake.store.keys.destroy(ids.destroyed);

    before = await snapshot(directory);
    const run = async (name: string, command: string, args: string[]) => {
      const { code, stdout, stderr } = await runCommand(command, directory, args);
      results.set(name, { code, output: stdout + stderr });
    };
    await Promise.all([
      run('sound', 'reveal', [ids.sound, '--key', files.coordinator]),
      ...revealCases.map(([name, which, key]) =>
        run(`reveal ${name}`, 'reveal', [ids[which], '--key', key]),
      ),
      ...rotateCases.map(([name, key]) =>
        run(`rotate ${name}`, 'keys', ['rotate', '--key', key, '--to', backupKey.recipient]),
      ),
    ]);
    after = await snapshot(directory);
  });

  it('reveals the sound record with the coordinators’ key: what fails below fails for its own reason', () => {
    const { code, output } = results.get('sound')!;
    expect(code).toBe(0);
    expect(output).toContain(syntheticPeople.mentee.lastName);
  });

  it.each(revealCases)('reveal with %s: a French message and an error', (name, _, __, message) => {
    const { code, output } = results.get(`reveal ${name}`)!;
    expect(output).toMatch(message);
    expect(code).not.toBe(0);
    expectNothingLeaked(output);
  });

  it.each(rotateCases)('keys rotate with %s: a French message and an error', (name, _, message) => {
    const { code, output } = results.get(`rotate ${name}`)!;
    expect(output).toMatch(message);
    expect(code).not.toBe(0);
    expectNothingLeaked(output);
  });

  it('writes nothing, whichever of them fails: every file of the data folder, keys included, as it was', () => {
    expect(Object.keys(before).some((path) => path.includes('binome-keys'))).toBe(true);
    expect(after).toEqual(before);
  });
});

describe('npm run keys -- rotate', () => {
  it('re-encrypts every data key to the new keys: the new key opens every record, the old one none; records are not rewritten', async () => {
    const intake = await intakeHarness();
    const { store, directory } = intake;
    const ids = [
      referenceOf(await intake.handle(formPost('mentee', aMinorMenteeForm()))),
      referenceOf(await intake.handle(formPost('mentor', aMentorForm()))),
    ];
    const identity = await generateX25519Identity();
    const fresh = { identity, recipient: await identityToRecipient(identity) };
    const main = await store.readFile(applicationPath(ids[0]!));

    const { code, stdout, stderr } = await runCommand('keys', directory, [
      'rotate',
      '--key',
      files.coordinator,
      '--to',
      fresh.recipient,
      '--to',
      backupKey.recipient,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('2 clés de données chiffrées à nouveau pour 2 clés publiques');
    expectNothingLeaked(stdout);

    expect(await store.keys.list()).toEqual([...ids].sort());
    for (const id of ids) {
      const wrapped = await store.keys.read(id);
      await openDataKey(wrapped, [fresh.identity]);
      await openDataKey(wrapped, [backupKey.identity]);
      await expect(openDataKey(wrapped, [coordinatorKey.identity])).rejects.toMatchObject({
        reason: 'wrong-key',
      });
    }
    const withNew = await readRecords(store, { identities: [fresh.identity] });
    expect(withNew.unopened).toEqual([]);
    expect(withNew.applications.map((a) => (a.identity as { email: string }).email).sort()).toEqual(
      [syntheticPeople.mentee.email, syntheticPeople.mentor.email].sort(),
    );
    const withOld = await readRecords(store, { identities: [coordinatorKey.identity] });
    expect(withOld.unopened.map((u) => u.id).sort()).toEqual([...ids].sort());
    // The identities in the records stay as they were: only their data keys were re-wrapped.
    expect(await store.readFile(applicationPath(ids[0]!))).toBe(main);

    // Before destroying the old key: the new one opens everything, the old one nothing.
    const freshFile = join(directory, '..', 'fresh-key.txt');
    await writeFile(freshFile, `${fresh.identity}\n`, { mode: 0o600 });
    const newCheck = await runCommand('keys', directory, ['check', '--key', freshFile]);
    expect(newCheck).toMatchObject({ code: 0, stderr: '' });
    expect(newCheck.stdout).toContain('La clé donnée ouvre les 2 clés de données enregistrées.');
    const oldCheck = await runCommand('keys', directory, ['check', '--key', files.coordinator]);
    expect(oldCheck.code).toBe(2);
    expect(oldCheck.stderr).toContain('n’ouvre pas 2 des 2 clés de données');
    expect(oldCheck.stderr).toContain('ne détruisez aucune ancienne clé');
  });
});
