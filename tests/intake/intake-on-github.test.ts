import { describe, expect, it } from 'vitest';
import { createIntakeHandler } from '../../scripts/intake/create-intake-handler.ts';
import { listen } from '../../scripts/http/listen.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import {
  aMenteeForm,
  aMinorMenteeForm,
  personalStrings,
} from '../../scripts/dev/application-forms.ts';
import { gitHubHarness, watchStandIn } from '../helpers/github-harness.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  templates,
} from '../helpers/intake-harness.ts';
import { openedRecord } from '../helpers/opened-record.ts';

describe('the intake configured for GitHub', () => {
  it('lands an application as one commit, with the same file as on the local back end', async () => {
    const standIn = watchStandIn(new GitHubStandIn());
    const api = await listen(standIn.handle);
    try {
      const store = storeFromEnvironment({
        BINOME_GITHUB_REPOSITORY: `${standIn.owner}/${standIn.repo}`,
        BINOME_GITHUB_TOKEN: 'github_pat_intake_0000',
        BINOME_GITHUB_API_URL: api.url.replace(/\/$/, ''),
      });
      const now = new Date('2026-11-23T10:00:00Z');
      const logs: Record<string, unknown>[] = [];
      const onGitHub = createIntakeHandler({
        store,
        settings: programmeSettings(),
        secret: 's',
        templates,
        clock: () => now,
        newId: () => 'mentee-abc123',
        log: (entry) => logs.push(entry),
      });
      const local = await intakeHarness({ newId: () => 'mentee-abc123' });

      const form = [
        ...aMinorMenteeForm(),
        ['idempotencyKey', '9d7a6c1e-0000-4000-8000-000000000001'],
      ] as const;
      const first = await onGitHub(formPost('mentee', form, { accept: 'application/json' }));
      expect(first.status).toBe(201);
      // A retry (same key) against GitHub returns the same receipt and writes nothing.
      expect(
        (await onGitHub(formPost('mentee', form, { accept: 'application/json' }))).status,
      ).toBe(200);
      expect(
        (await local.handle(formPost('mentee', form, { accept: 'application/json' }))).status,
      ).toBe(201);

      // The same record on both back ends, once opened: each sealed with a data key of its own,
      // kept where each back end keeps keys (a ref on GitHub, a file locally).
      const path = 'applications/mentees/mentee-abc123.json';
      const onBoth = await Promise.all([
        openedRecord(store, path),
        openedRecord(local.store, path),
      ]);
      expect(onBoth[0].opened).toEqual(onBoth[1].opened);
      expect(standIn.git.refs.has('binome-keys/mentee-abc123')).toBe(true);
      const main = standIn.git.resolve('main')!;
      expect(main.message).toBe('Add application mentee-abc123');
      expect(main.parents.map((p) => standIn.git.commits.get(p)!.parents.length)).toEqual([0]);

      const written =
        // The requests that carry the file itself (a tree of several files) are left out.
        JSON.stringify(
          standIn.requests.filter(
            (r) => r.method !== 'PUT' && !(r.method === 'POST' && r.path.endsWith('/git/trees')),
          ),
        ) +
        JSON.stringify(logs) +
        main.message;
      for (const personal of personalStrings()) expect(written).not.toContain(personal);
    } finally {
      api.server.closeAllConnections();
      api.server.close();
    }
  });

  it('under concurrent submissions and retries, stores each application once', async () => {
    const { store, standIn } = gitHubHarness();
    const handle = createIntakeHandler({
      store,
      settings: programmeSettings((s) => {
        s.intake.rateLimit = {
          applicationsPerHour: 1e6,
          submissionsPerHour: 1e6,
          challengesPerHour: 1e6,
        };
      }),
      secret: 's',
      templates,
      log: () => {},
    });
    // 16 distinct applications, 4 of them sent twice at the same moment; GitHub also fails
    // twice on the way (a 502 and a secondary rate limit).
    standIn.inject({ method: 'POST', path: /\/git\/commits$/, status: 502 });
    standIn.inject({ method: 'PATCH', path: /\/git\/refs\//, status: 403, retryAfter: 1 });
    const key = (i: number) => `00000000-0000-4000-8000-${String(i % 16).padStart(12, '0')}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        handle(
          formPost(
            'mentee',
            [
              ...aMenteeForm({ 'identity.lastName': `Parallèle ${i % 16}` }),
              ['idempotencyKey', key(i)],
            ],
            {
              accept: 'application/json',
            },
          ),
        ),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([
      ...Array(4).fill(200),
      ...Array(16).fill(201),
    ]);
    expect((await store.listFiles('applications/mentees')).length).toBe(16);
    // One commit on main per application, none for failures or retries.
    const history: string[] = [];
    for (let sha = standIn.git.resolve('main')?.sha; sha;) {
      history.push(sha);
      sha = standIn.git.commits.get(sha)!.parents[0];
    }
    expect(history).toHaveLength(17);
    // One data key per application: a retry's key was destroyed once the retry was known.
    expect(await store.keys.list()).toHaveLength(16);
  });
});
