import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkApplication, type ApplicationForm } from '../../schemas/validators.ts';
import { assembleApplication, type SubmissionFacts } from './assemble-application.ts';
import type { Cohort } from './choose-cohort.ts';

// One folder per scenario: input.json (the checked form, the facts, the cohorts) and
// expected.json (the record the intake stores).
const root = new URL('./__fixtures__/assemble-application/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;

describe('assembleApplication', () => {
  for (const scenario of readdirSync(root)) {
    it(scenario, () => {
      const input = read(`${scenario}/input.json`) as {
        kind: 'mentor' | 'mentee';
        form: ApplicationForm<'mentor' | 'mentee'>;
        facts: SubmissionFacts;
        cohorts: Cohort[];
      };
      const record = assembleApplication(input.form, input.facts, input.cohorts);
      expect(record).toEqual(read(`${scenario}/expected.json`));
      expect(checkApplication(input.kind, record).ok).toBe(true);
    });
  }
});
