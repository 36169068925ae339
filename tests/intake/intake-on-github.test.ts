import { describe, expect, it } from 'vitest';
import { createIntakeHandler } from '../../scripts/intake/create-intake-handler.ts';
import { listen } from '../../scripts/http/listen.ts';
import { storeFromEnvironment } from '../../scripts/store/store-from-environment.ts';
import { aMinorMenteeForm, personalStrings } from '../builders/application-forms.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  templates,
} from '../helpers/intake-harness.ts';

describe('the intake configured for GitHub', () => {
  it('lands an application as one commit, with the same file as on the local back end', async () => {
    const standIn = new GitHubStandIn();
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

      const path = 'applications/mentees/mentee-abc123.json';
      expect(standIn.file(path)).toBe(await local.store.readFile(path));
      const main = standIn.git.resolve('main')!;
      expect(main.message).toBe('Add application mentee-abc123');
      expect(main.parents.map((p) => standIn.git.commits.get(p)!.parents.length)).toEqual([0]);
      expect(standIn.violations).toEqual([]);

      const written =
        JSON.stringify(standIn.requests.filter((r) => r.method !== 'PUT')) +
        JSON.stringify(logs) +
        main.message;
      for (const personal of personalStrings()) expect(written).not.toContain(personal);
    } finally {
      api.server.closeAllConnections();
      api.server.close();
    }
  });
});
