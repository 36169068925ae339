import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SettingsError } from './read-settings.ts';
import { readSettings } from './read-settings.ts';
import { rulesSettingsFrom } from './rules-context.ts';
import { checkApplication, checkScreeningDecision } from './validators.ts';

// One folder per scenario: input.json (or input.yaml) and expected.json, the verdict.
const root = 'schemas/__fixtures__';
const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const context = rulesSettingsFrom(settings);

const checks: Record<string, (input: unknown) => unknown> = {
  'mentee-application': (input) => checkApplication('mentee', input, context),
  'mentor-application': (input) => checkApplication('mentor', input, context),
  'screening-decision': (input) => checkScreeningDecision(input),
  'programme-settings': (input) => {
    try {
      readSettings(input as string);
      return { ok: true };
    } catch (error) {
      return { ok: false, problems: (error as SettingsError).problems };
    }
  },
};

describe.each(Object.keys(checks))('%s fixtures', (record) => {
  const scenarios = readdirSync(join(root, record)).sort();

  it.each(scenarios)('%s', async (scenario) => {
    const folder = join(root, record, scenario);
    const files = readdirSync(folder);
    const input = files.includes('input.yaml')
      ? readFileSync(join(folder, 'input.yaml'), 'utf8')
      : (JSON.parse(readFileSync(join(folder, 'input.json'), 'utf8')) as unknown);
    const result = checks[record]!(input) as { ok: boolean; problems?: unknown };
    const verdict = result.ok ? { ok: true } : { ok: false, problems: result.problems };
    expect(verdict.ok, 'the scenario name says whether it is valid').toBe(
      scenario.startsWith('valid'),
    );
    await expect(JSON.stringify(verdict, null, 2) + '\n').toMatchFileSnapshot(
      join('__fixtures__', record, scenario, 'expected.json'),
    );
  });
});

it('the settings fixtures are YAML', () => {
  for (const scenario of readdirSync(join(root, 'programme-settings'))) {
    expect(() =>
      parse(readFileSync(join(root, 'programme-settings', scenario, 'input.yaml'), 'utf8')),
    ).not.toThrow();
  }
});
