import { describe, expect, it } from 'vitest';
import { aMenteeForm, aMentorForm } from '../dev/application-forms.ts';
import { formPost, intakeHarness } from '../../tests/helpers/intake-harness.ts';
import { coordinatorKey, testRecipients } from '../../tests/helpers/test-keys.ts';
import { privacyDeps } from '../../tests/privacy/privacy-deps.ts';
import type { Progress } from './progress.ts';
import { runKeys } from './run-keys.ts';

// Issue 16: every long operation shows progress. Checking or rotating the keys reads (and
// rewrites) every data key, one request each on GitHub: each is a step.
function recorder() {
  const steps: string[] = [];
  const progress: Progress = {
    start: (total, label) => void steps.push(`${label} 0/${total}`),
    step: (item, outcome) => void steps.push(`${item} ${outcome}`),
    done: () => void steps.push('done'),
  };
  return { steps, progress };
}

describe('npm run keys, step by step', () => {
  it('counts every data key it checks, then every one it opens and seals again', async () => {
    const intake = await intakeHarness();
    await intake.handle(formPost('mentor', aMentorForm()));
    await intake.handle(formPost('mentee', aMenteeForm()));
    const ids = await intake.store.keys.list();
    expect(ids).toHaveLength(2);
    const { deps } = privacyDeps(intake.store, [coordinatorKey.identity]);
    const keys = {
      ...deps,
      recipients: testRecipients,
      minimumRecipients: 1,
      generate: () => Promise.resolve(''),
    };
    const checked = recorder();
    await runKeys(['check'], { ...keys, progress: checked.progress });
    expect(checked.steps).toEqual([
      'Clés de données vérifiées 0/2',
      ...ids.map((id) => `${id} ouverte`),
      'done',
    ]);
    const rotated = recorder();
    await runKeys(['rotate'], { ...keys, progress: rotated.progress });
    expect(rotated.steps).toEqual([
      'Clés de données ouvertes 0/2',
      ...ids.map((id) => `${id} ouverte`),
      'done',
      'Clés de données chiffrées à nouveau 0/2',
      ...ids.map((id) => `${id} chiffrée à nouveau`),
      'done',
    ]);
  });
});
