import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Decrypter, Encrypter, armor } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationPath, dataKeys } from '../../schemas/data-layout.ts';
import { formToObject } from '../../schemas/form-to-object.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { checkApplication, formSchemas } from '../../schemas/validators.ts';
import { runReveal } from '../../scripts/commands/run-reveal.ts';
import {
  aMentorForm,
  aMinorMenteeForm,
  syntheticPeople,
} from '../../scripts/dev/application-forms.ts';
import { openDataKey, openIdentity } from '../../scripts/privacy/open-identity.ts';
import { encryptTo, sealIdentity } from '../../scripts/privacy/seal-identity.ts';
import { readRecords } from '../../scripts/store/read-records.ts';
import { formPost, intakeHarness, referenceOf } from '../helpers/intake-harness.ts';
import { backupKey, coordinatorKey, strangerKey, testRecipients } from '../helpers/test-keys.ts';
import { ageCli, ageDecrypt, keyFile, keyFileText } from './age-cli.ts';
import { privacyDeps } from './privacy-deps.ts';

// Issue 10, « Must show »: identities are sealed with `age-encryption`, and the reference `age`
// tool (Debian's) opens what the intake stored, and writes what Binôme opens.

const coordinatorFile = keyFile('coordination.txt', keyFileText(coordinatorKey));
const backupFile = keyFile('sauvegarde.txt', keyFileText(backupKey));
const strangerFile = keyFile('inconnu.txt', keyFileText(strangerKey));

describe('round trip with age-encryption', () => {
  const identity = {
    firstName: 'Ysaline',
    lastName: 'Dœuf-Ångström',
    email: 'ysaline@exemple.fr',
    note: '« guillemets », \u{1F600} et \\ barre',
  };

  it('opens with the coordinators’ key and with the backup key what sealIdentity sealed', async () => {
    const { sealed, wrappedKey } = await sealIdentity(identity, testRecipients);
    expect(sealed.encrypted).toBe('age');
    expect(sealed.ciphertext).not.toContain('Ysaline');
    for (const key of [coordinatorKey, backupKey])
      expect(await openIdentity(sealed, wrappedKey, [key.identity])).toEqual(identity);
    await expect(openIdentity(sealed, wrappedKey, [strangerKey.identity])).rejects.toMatchObject({
      name: 'OpenIdentityError',
      reason: 'wrong-key',
    });
  });

  it('gives each record a data key of its own: one record’s key opens no other record', async () => {
    const first = await sealIdentity(identity, testRecipients);
    const second = await sealIdentity(identity, testRecipients);
    expect(first.sealed.ciphertext).not.toBe(second.sealed.ciphertext);
    await expect(
      openIdentity(first.sealed, second.wrappedKey, [coordinatorKey.identity]),
    ).rejects.toMatchObject({ reason: 'corrupt' });
  });

  it('pads what it seals, so that a ciphertext’s length hardly says how long a name is', async () => {
    const short = await sealIdentity({ n: 'Al' }, testRecipients);
    const long = await sealIdentity({ n: 'Al'.repeat(100) }, testRecipients);
    expect(short.sealed.ciphertext.length).toBe(long.sealed.ciphertext.length);
  });

  it('decrypts with Decrypter what encryptTo encrypted to several recipients', async () => {
    const armoured = await encryptTo(testRecipients, 'texte clair');
    for (const key of [coordinatorKey, backupKey]) {
      const decrypter = new Decrypter();
      decrypter.addIdentity(key.identity);
      expect(await decrypter.decrypt(armor.decode(armoured), 'text')).toBe('texte clair');
    }
  });
});

describe('interoperability with the reference age tool', () => {
  let intake: Awaited<ReturnType<typeof intakeHarness>>;
  let id: string;

  beforeAll(async () => {
    expect(ageCli('age', ['--version']).stdout).toMatch(/^v?1\./);
    intake = await intakeHarness();
    id = referenceOf(await intake.handle(formPost('mentee', aMinorMenteeForm())));
  });

  it('opens, with git and age alone, the identity the intake stored: the data key with the coordinators’ key file, the identity with the data key', () => {
    // Only what a coordinator would type: the record from Git, the wrapped key from its file.
    const record = JSON.parse(
      execFileSync('git', ['-C', intake.directory, 'show', `main:${applicationPath(id)}`], {
        encoding: 'utf8',
      }),
    ) as { identity: { encrypted: string; ciphertext: string } };
    expect(record.identity.encrypted).toBe('age');
    const wrapped = execFileSync('cat', [join(intake.directory, dataKeys.file(id))], {
      encoding: 'utf8',
    });

    const dataKey = ageDecrypt(coordinatorFile, wrapped);
    expect(dataKey.trim()).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    // The offline backup key opens it as well.
    expect(ageDecrypt(backupFile, wrapped)).toBe(dataKey);
    const opened = JSON.parse(
      ageDecrypt(keyFile('data-key.txt', dataKey), record.identity.ciphertext),
    ) as unknown;
    const { mentee, guardian } = syntheticPeople;
    expect(opened).toEqual({
      firstName: mentee.firstName,
      lastName: mentee.lastName,
      email: mentee.email,
      phone: mentee.phone,
      birthDate: '2010-03-02',
      commune: 'Issy-les-Moulineaux',
      legalRepresentative: { name: guardian.name, email: guardian.email, phone: guardian.phone },
    });
  });

  it('refuses, with age too, to open the wrapped key with a stranger’s key', async () => {
    const wrapped = (await intake.store.keys.read(id))!;
    const { code, stdout, stderr } = ageCli('age', ['-d', '-i', strangerFile], wrapped);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no identity matched/i);
  });

  it('opens, through readRecords and reveal, a record whose identity and data key were encrypted by age', async () => {
    // A data key made by age-keygen; its public key from age-keygen -y.
    const keygen = ageCli('age-keygen', []).stdout;
    const dataKey = keygen.split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-1'))!;
    const dataRecipient = ageCli('age-keygen', ['-y'], keygen).stdout.trim();
    // A mentor's identity as the intake would have kept it.
    const form = formToObject(
      formSchemas.mentor as SchemaNode,
      aMentorForm({
        'identity.firstName': 'Léontine',
        'identity.lastName': 'Agekeygen',
        'identity.email': 'leontine.agekeygen@exemple.org',
      }),
    ) as { identity: Record<string, unknown> };
    const identity = form.identity;
    const age = (args: string[], input: string) => {
      const { code, stdout, stderr } = ageCli('age', args, input);
      if (code !== 0) throw new Error(stderr);
      return stdout;
    };
    const ciphertext = age(['-r', dataRecipient, '-a'], JSON.stringify(identity));
    const wrapped = age(
      ['-r', coordinatorKey.recipient, '-r', backupKey.recipient, '-a'],
      `${dataKey}\n`,
    );
    const other = 'mentor-ageage';
    // The envelope of the record the intake stored, with this mentor's form and identity.
    const {
      schemaVersion,
      submittedAt,
      cohort,
      intake: meta,
    } = JSON.parse((await intake.store.readFile(applicationPath(id)))!) as Record<string, unknown>;
    const record = {
      schemaVersion,
      id: other,
      submittedAt,
      cohort,
      intake: meta,
      ...form,
      identity: { encrypted: 'age', ciphertext },
    };
    expect(checkApplication('mentor', record)).toMatchObject({ ok: true });
    await intake.store.keys.create(other, wrapped);
    await intake.store.commit(
      [{ path: applicationPath(other), content: JSON.stringify(record, null, 2) + '\n' }],
      `Add application ${other}`,
    );

    const set = await readRecords(intake.store, { identities: [coordinatorKey.identity] });
    expect(set.unopened).toEqual([]);
    expect(set.unreadable).toEqual([]);
    expect(set.applications.find((a) => a.id === other)?.identity).toEqual(identity);
    expect(await openDataKey(await intake.store.keys.read(other), [backupKey.identity])).toBe(
      dataKey,
    );

    const { deps, printed } = privacyDeps(intake.store, [coordinatorKey.identity]);
    await runReveal([other], deps);
    const shown = printed.join('\n');
    for (const value of ['Léontine', 'Agekeygen', 'leontine.agekeygen@exemple.org'])
      expect(shown).toContain(value);
  });

  it('writes what age opens, and opens what age writes, with age-encryption', async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(coordinatorKey.recipient);
    const ours = armor.encode(await encrypter.encrypt('écrit par age-encryption'));
    expect(ageDecrypt(coordinatorFile, ours)).toBe('écrit par age-encryption');

    const theirs = ageCli('age', ['-r', backupKey.recipient, '-a'], 'écrit par age').stdout;
    const decrypter = new Decrypter();
    decrypter.addIdentity(backupKey.identity);
    expect(await decrypter.decrypt(armor.decode(theirs), 'text')).toBe('écrit par age');
  });
});
