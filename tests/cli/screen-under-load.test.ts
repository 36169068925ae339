import { describe, expect, it } from 'vitest';
import { aMenteeForm } from '../../scripts/dev/application-forms.ts';
import {
  formPost,
  intakeHarness,
  programmeSettings,
  referenceOf,
} from '../helpers/intake-harness.ts';
import { runCommand } from '../helpers/run-command.ts';

/** `npm run screen -- …` as a coordinator types it, on the data repository in `directory`. */
const screen = (directory: string, args: string[], env: Record<string, string> = {}) =>
  runCommand('screen', directory, args, env);

describe('npm run screen', () => {
  it('records ten decisions typed at once during a burst of applications', async () => {
    const h = await intakeHarness({
      settings: programmeSettings((s) => {
        s.intake.rateLimit = {
          applicationsPerHour: 1e6,
          submissionsPerHour: 1e6,
          challengesPerHour: 1e6,
        };
      }),
    });
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1)
      ids.push(
        referenceOf(
          await h.handle(formPost('mentee', aMenteeForm({ 'identity.lastName': `Nom${i}` }))),
        ),
      );
    const burst = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        h.handle(formPost('mentee', aMenteeForm({ 'identity.lastName': `Rafale${i}` }))),
      ),
    );
    const decisions = await Promise.all(ids.map((id) => screen(h.directory, [id, 'accepted'])));
    const answers = await burst;
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(303));
    for (const result of decisions) {
      expect(result).toMatchObject({ code: 0, stderr: '' });
    }
    expect(await h.store.listFiles('screening')).toHaveLength(10);
    expect(await h.store.listFiles('applications/mentees')).toHaveLength(50);
  });

  it('answers a mistake in the environment with a French message, never a stack trace', async () => {
    const result = await screen('/tmp', ['list'], { BINOME_GITHUB_REPOSITORY: 'pas-un-depot' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Configuration du dépôt de données : /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
