import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readSettings } from './read-settings.ts';
import { rulesContext, rulesSettingsFrom } from './rules-context.ts';

const text = readFileSync('content/programme.yaml', 'utf8');

function settingsWith(change: (settings: Record<string, Record<string, unknown>>) => void) {
  const data = parse(text) as Record<string, Record<string, unknown>>;
  change(data);
  return readSettings(stringify(data));
}

describe('rulesSettingsFrom', () => {
  it('takes everything the rules need from the settings, as plain JSON', () => {
    const settings = readSettings(text);
    const rules = rulesSettingsFrom(settings);
    expect(rules).toEqual({
      communes: settings.eligibility.communes,
      mentorCapacityMax: settings.mentoring.mentorCapacityMax,
      ages: settings.eligibility.ages,
      timeZone: settings.structure.timeZone,
      tokens: {
        commune: 'Issy-les-Moulineaux',
        structure: settings.structure.shortName,
        duration: String(settings.mentoring.minimumDurationMonths),
        capacityMax: String(settings.mentoring.mentorCapacityMax),
      },
    });
    expect(JSON.parse(JSON.stringify(rules))).toEqual(rules);
  });
});

describe('rulesContext', () => {
  // 23:30 UTC on 31 December: already 1 January in Paris, still 31 December in Cayenne.
  const now = new Date('2026-12-31T23:30:00Z');

  it('dates « today » in the programme’s time zone, from the settings', () => {
    expect(rulesContext(rulesSettingsFrom(readSettings(text)), now).today).toBe('2027-01-01');
    const cayenne = settingsWith((s) => {
      s['structure']!['timeZone'] = 'America/Cayenne';
    });
    expect(rulesContext(rulesSettingsFrom(cayenne), now).today).toBe('2026-12-31');
  });

  it('passes the ages and tokens through, without the time zone', () => {
    const context = rulesContext(rulesSettingsFrom(readSettings(text)), now);
    expect(context.ages).toEqual({ mentee: { min: 16, max: 30 }, mentor: { min: 18, max: 75 } });
    expect(context).not.toHaveProperty('timeZone');
    expect(context.tokens.structure).toBe('Espace Jeunes Anne Frank');
  });
});
