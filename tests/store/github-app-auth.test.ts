import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listen } from '../../scripts/http/listen.ts';
import {
  storeFromEnvironment,
  StoreConfigurationError,
} from '../../scripts/store/store-from-environment.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { watchStandIn } from '../helpers/github-harness.ts';

/** A fresh App key, and a stand-in that answers only installation 77 of that App. */
function appStandIn() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const standIn = watchStandIn(
    new GitHubStandIn('clavim', 'mentorat-donnees', {
      id: '424242',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      installationId: 77,
    }),
  );
  return { privateKey, standIn };
}

describe('authentication as a GitHub App installation', () => {
  it('signs a JWT with the App key, gets an installation token, and uses only that', async () => {
    const { privateKey, standIn } = appStandIn();
    const api = await listen(standIn.handle);
    try {
      const store = storeFromEnvironment({
        BINOME_GITHUB_REPOSITORY: 'clavim/mentorat-donnees',
        BINOME_GITHUB_APP_ID: '424242',
        // As a secret often arrives: one line, with literal \n.
        BINOME_GITHUB_APP_PRIVATE_KEY: privateKey
          .export({ type: 'pkcs8', format: 'pem' })
          .toString()
          .replace(/\n/g, '\\n'),
        BINOME_GITHUB_INSTALLATION_ID: '77',
        BINOME_GITHUB_API_URL: api.url.replace(/\/$/, ''),
      });
      await store.commit([{ path: 'screening/mentee-aaaaaa.json', content: '{}\n' }], 'Screen');
      expect(standIn.file('screening/mentee-aaaaaa.json')).toBe('{}\n');
      expect(standIn.requests[0]?.path).toBe('/app/installations/77/access_tokens');
    } finally {
      api.server.closeAllConnections();
      api.server.close();
    }
  });

  it('is refused with another App’s key', async () => {
    const mine = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const standIn = watchStandIn(
      new GitHubStandIn('clavim', 'mentorat-donnees', {
        id: '424242',
        publicKey: mine.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        installationId: 77,
      }),
    );
    const store = storeFromEnvironment(
      {
        BINOME_GITHUB_REPOSITORY: 'clavim/mentorat-donnees',
        BINOME_GITHUB_APP_ID: '424242',
        BINOME_GITHUB_APP_PRIVATE_KEY: other.privateKey
          .export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        BINOME_GITHUB_INSTALLATION_ID: '77',
      },
      { fetch: standIn.fetch },
    );
    await expect(store.readFile('x.json')).rejects.toMatchObject({ status: 401 });
  });

  it('takes the App key from a file, as GitHub gave it (PKCS#1), on a server', async () => {
    const { privateKey, standIn } = appStandIn();
    const file = join(await mkdtemp(join(tmpdir(), 'binome-app-key-')), 'app.pem');
    await writeFile(file, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
    const api = await listen(standIn.handle);
    try {
      const store = storeFromEnvironment({
        BINOME_GITHUB_REPOSITORY: 'clavim/mentorat-donnees',
        BINOME_GITHUB_APP_ID: '424242',
        BINOME_GITHUB_APP_PRIVATE_KEY_FILE: file,
        BINOME_GITHUB_INSTALLATION_ID: '77',
        BINOME_GITHUB_API_URL: api.url.replace(/\/$/, ''),
      });
      await store.commit([{ path: 'screening/mentee-bbbbbb.json', content: '{}\n' }], 'Screen');
      expect(standIn.file('screening/mentee-bbbbbb.json')).toBe('{}\n');
    } finally {
      api.server.closeAllConnections();
      api.server.close();
    }
    for (const wrong of [join(tmpdir(), 'binome-no-such-key.pem'), '/etc/hostname'])
      expect(() =>
        storeFromEnvironment({
          BINOME_GITHUB_REPOSITORY: 'clavim/mentorat-donnees',
          BINOME_GITHUB_APP_ID: '424242',
          BINOME_GITHUB_APP_PRIVATE_KEY_FILE: wrong,
          BINOME_GITHUB_INSTALLATION_ID: '77',
        }),
      ).toThrow(/^BINOME_GITHUB_APP_PRIVATE_KEY_FILE /);
  });

  it('explains a configuration it cannot use', () => {
    expect(() => storeFromEnvironment({ BINOME_GITHUB_REPOSITORY: 'clavim' })).toThrow(
      StoreConfigurationError,
    );
    expect(() => storeFromEnvironment({ BINOME_GITHUB_REPOSITORY: 'clavim/donnees' })).toThrow(
      'BINOME_GITHUB_REPOSITORY is set: set BINOME_GITHUB_APP_ID (preferred) or BINOME_GITHUB_TOKEN too.',
    );
    expect(() =>
      storeFromEnvironment({
        BINOME_GITHUB_REPOSITORY: 'clavim/donnees',
        BINOME_GITHUB_APP_ID: '1',
      }),
    ).toThrow(/BINOME_GITHUB_APP_PRIVATE_KEY/);
    // The key as GitHub hands it out (PKCS#1): Web Crypto, on every host, imports PKCS#8 only.
    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const secretPart = pkcs1.split('\n')[1]!;
    let message = '';
    try {
      storeFromEnvironment({
        BINOME_GITHUB_REPOSITORY: 'clavim/donnees',
        BINOME_GITHUB_APP_ID: '1',
        BINOME_GITHUB_INSTALLATION_ID: '77',
        BINOME_GITHUB_APP_PRIVATE_KEY: pkcs1,
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PKCS#8.*openssl pkcs8 -topk8 -nocrypt/);
    expect(message).not.toContain(secretPart);
  });
});
