import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Decrypter, Encrypter, armor } from 'age-encryption';
import { stringify } from 'yaml';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { applicationPath } from '../../schemas/data-layout.ts';
import { aMentorForm, aMinorMenteeForm } from '../../scripts/dev/application-forms.ts';
import type { IntakeDependencies } from '../../scripts/intake/create-intake-handler.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../helpers/intake-harness.ts';
import { coordinatorKey, testRecipients } from '../helpers/test-keys.ts';
import { ageCli, keyFile } from './age-cli.ts';

// Issue 10, « Must show »: a stolen intake configuration (its settings and secrets) decrypts
// nothing. The intake holds the programme's public keys only; every string it is configured
// with is tried as an age identity and as a passphrase against what it stored.

/** The intake's secret for proofs of work, as an intake host is given it. */
const secret = randomBytes(32).toString('hex');

/** Everything an intake on a host of its own is configured with, as files and variables. */
function intakeConfiguration() {
  const settingsFile = readFileSync('content/programme.yaml', 'utf8')
    .replace(/key: '\[À compléter : clé publique age de la coordination[^\n]*/, () => {
      return `key: ${testRecipients[0]}`;
    })
    .replace(/key: '\[À compléter : clé publique age de la sauvegarde[^\n]*/, () => {
      return `key: ${testRecipients[1]}`;
    });
  expect(settingsFile).toContain(testRecipients[1]);
  const appKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  const environment = {
    BINOME_GITHUB_REPOSITORY: 'clavim/mentorat-donnees',
    BINOME_GITHUB_TOKEN: 'github_pat_test_0000',
    BINOME_GITHUB_APP_ID: '1234567',
    BINOME_GITHUB_APP_PRIVATE_KEY: appKey,
    BINOME_GITHUB_INSTALLATION_ID: '89012345',
    BINOME_INTAKE_SECRET: secret,
  };
  return {
    files: {
      'programme.yaml': settingsFile,
      'settings-as-read.yaml': stringify(programmeSettings()),
      'intake.env': Object.entries(environment)
        .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
        .join('\n'),
      'github-app.pem': appKey,
      'recipients.txt': testRecipients.join('\n'),
    },
    environment,
  };
}

/** Every string of the configuration: whole files, lines, words and values, trimmed or not. */
function candidateStrings(configuration: ReturnType<typeof intakeConfiguration>): string[] {
  const texts = [
    ...Object.values(configuration.files),
    ...Object.values(configuration.environment),
    ...testRecipients,
  ];
  const values: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') values.push(String(value));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(programmeSettings());
  const candidates = new Set<string>(values);
  for (const text of texts) {
    candidates.add(text).add(text.trim());
    for (const line of text.split(/\r?\n/)) candidates.add(line).add(line.trim());
    for (const word of text.split(/[\s'"`,:=]+/)) candidates.add(word);
  }
  candidates.delete('');
  return [...candidates];
}

/** Whether `candidate`, as an age identity or as a passphrase, opens `armoured`. */
async function opens(candidate: string, armoured: string): Promise<boolean> {
  for (const as of ['identity', 'passphrase'] as const) {
    const decrypter = new Decrypter();
    try {
      if (as === 'identity') decrypter.addIdentity(candidate);
      else decrypter.addPassphrase(candidate);
    } catch {
      continue; // Not even a key: it opens nothing.
    }
    try {
      await decrypter.decrypt(armor.decode(armoured));
      return true;
    } catch {
      // Not this one.
    }
  }
  return false;
}

describe('a stolen intake configuration', () => {
  const configuration = intakeConfiguration();
  const candidates = candidateStrings(configuration);
  /**
   * What the intake stored, the sealed identities and the wrapped data keys, made by the first
   * test that asks (the stand-in is watched for GitHub's contract within a test).
   */
  let stored: Promise<{ what: string; armoured: string }[]> | undefined;
  const whatWasStored = () =>
    (stored ??= (async () => {
      // The intake as a host runs it: on GitHub (the stand-in), with this configuration's secret.
      const { store } = gitHubHarness();
      const intake = await intakeHarness({ store, secret });
      const found: { what: string; armoured: string }[] = [];
      for (const [kind, form] of [
        ['mentee', aMinorMenteeForm()],
        ['mentor', aMentorForm()],
      ] as const) {
        const id = referenceOf(await intake.handle(formPost(kind, form)));
        const record = JSON.parse((await store.readFile(applicationPath(id)))!);
        found.push({ what: `identity of ${id}`, armoured: record.identity.ciphertext });
        found.push({ what: `data key of ${id}`, armoured: (await store.keys.read(id))! });
      }
      return found;
    })());

  it('holds no private key at all', () => {
    const all = [...Object.values(configuration.files), ...candidates].join('\n');
    expect(all).not.toMatch(/AGE-SECRET-KEY-1/i);
    expect(all).not.toContain(coordinatorKey.identity.slice(16, 40));
  });

  it('opens nothing: every string of it, as an age identity or a passphrase, fails on every sealed identity and wrapped key', async () => {
    expect(candidates.length).toBeGreaterThan(500);
    expect(candidates).toContain(secret);
    expect(candidates).toContain(configuration.environment.BINOME_GITHUB_TOKEN);
    const opened: string[] = [];
    for (const { what, armoured } of await whatWasStored())
      for (const candidate of candidates)
        if (await opens(candidate, armoured)) opened.push(`${what}: ${candidate.slice(0, 12)}…`);
    expect(opened).toEqual([]);
  });

  it('opens nothing either with the reference age tool given each of its files as identities', async () => {
    const found = await whatWasStored();
    for (const [name, text] of Object.entries(configuration.files)) {
      const file = keyFile(name, text);
      for (const { what, armoured } of found) {
        const { code, stdout } = ageCli('age', ['-d', '-i', file], armoured);
        expect({ name, what, code, stdout }).toEqual({ name, what, code: 1, stdout: '' });
      }
    }
  });

  it('is tried in a way that would succeed: the coordinators’ key opens a wrapped key, a passphrase what it sealed', async () => {
    expect(await opens(coordinatorKey.identity, (await whatWasStored())[1]!.armoured)).toBe(true);
    const encrypter = new Encrypter();
    encrypter.setPassphrase(secret);
    encrypter.setScryptWorkFactor(4);
    const withSecret = armor.encode(await encrypter.encrypt('x'));
    expect(await opens(secret, withSecret)).toBe(true);
  });
});

describe('the intake’s code', () => {
  it('takes no private key: no option of createIntakeHandler names one', () => {
    type Option = keyof IntakeDependencies;
    type KeyLike = Extract<
      Option,
      | `${string}${'dentit' | 'rivate' | 'ecretKey' | 'keyFile' | 'KeyFile' | 'ageKey'}${string}`
      | `${'key' | 'keys'}`
    >;
    expectTypeOf<KeyLike>().toEqualTypeOf<never>();
    expectTypeOf<IntakeDependencies['recipients']>().toEqualTypeOf<readonly string[] | undefined>();
  });

  it('never reaches code that decrypts or reads a coordinator’s key, from the handler or its host adapter', () => {
    const root = resolve('.');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, path] of text.matchAll(/(?:from|import)\s+'(\.[^']+)'/g))
        visit(resolve(dirname(file), path!));
    };
    for (const entry of [
      'scripts/intake/create-intake-handler.ts',
      'scripts/http/create-local-app.ts',
      'scripts/http/listen.ts',
      'scripts/store/store-from-environment.ts',
    ])
      visit(resolve(entry));
    const files = [...seen].map((file) => relative(root, file));
    expect(files).toContain('scripts/privacy/seal-identity.ts');
    expect(files).toContain('scripts/store/github-key-store.ts');
    for (const opener of [
      'scripts/privacy/open-identity.ts',
      'scripts/privacy/coordinator-identities.ts',
      'scripts/privacy/local-key-pair.ts',
      'scripts/store/read-records.ts',
    ])
      expect(files).not.toContain(opener);
    const decrypting = files.filter((file) =>
      /\bDecrypter\b|addIdentity|addPassphrase|openIdentity|openDataKey|BINOME_AGE_KEY|readKeyFile/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(decrypting).toEqual([]);
  });
});

describe('the jobs that must never see an identity', () => {
  it('reach no code that obtains a coordinator’s private key: matching, commands, digest, validation, retention, erasure, follow-up', () => {
    const root = resolve('.');
    for (const job of [
      'match',
      'commands',
      'digest',
      'validate',
      'retention',
      'erase',
      'followup',
    ]) {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const [, path] of readFileSync(file, 'utf8').matchAll(
          /(?:from|import)\s+'(\.[^']+)'/g,
        ))
          visit(resolve(dirname(file), path!));
      };
      visit(resolve(`workflows/${job}/main.ts`));
      const files = [...seen].map((file) => relative(root, file));
      // Without one of these, the one reader is never given a key: identities stay sealed.
      for (const keyReader of [
        'scripts/privacy/coordinator-identities.ts',
        'scripts/privacy/local-key-pair.ts',
      ])
        expect(files, job).not.toContain(keyReader);
      // Nor read the key's variables themselves.
      expect(
        files.filter((file) => /\[\s*'BINOME_AGE_KEY/.test(readFileSync(file, 'utf8'))),
        job,
      ).toEqual([]);
    }
  });
});
