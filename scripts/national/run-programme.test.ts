import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../schemas/read-settings.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import {
  checkApplication,
  checkFollowUp,
  checkPair,
  checkScreeningDecision,
} from '../../schemas/validators.ts';
import { followUpRulesFrom } from '../followup/follow-up-rules.ts';
import { compileReport } from '../reporting/compile-report.ts';
import { reportPeriod } from '../reporting/report-period.ts';
import { countryPlan } from './country-plan.ts';
import { programmeYear } from './programme-year.ts';
import { reportDay, reportPeriodId, runProgramme } from './run-programme.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const spec = {
  ...countryPlan({ total: 3_000, programmes: 20, seed: 1 })[3]!,
  mentees: 150,
  mentors: 80,
};

describe('one structure’s year, generated and run', () => {
  const year = programmeYear(spec, settings);

  it('holds records that the real schemas and rules accept', () => {
    const context = rulesSettingsFrom(settings);
    const { applications, decisions, pairs, followUps } = year.records;
    expect(applications).toHaveLength(spec.mentees + spec.mentors);
    for (const a of applications) {
      const kind = a.id.startsWith('mentor-') ? 'mentor' : 'mentee';
      expect(checkApplication(kind, a, context)).toEqual({ ok: true, value: a });
    }
    for (const d of decisions.values()) expect(checkScreeningDecision(d).ok).toBe(true);
    expect(pairs.length).toBeGreaterThan(spec.mentees / 2);
    for (const p of pairs) expect(checkPair(p)).toEqual({ ok: true, value: p });
    for (const list of followUps.values())
      for (const r of list) expect(checkFollowUp(r)).toEqual({ ok: true, value: r });
  });

  it('pairs people through the real matching: accepted people only, scored, each mentoré once', () => {
    const { decisions, pairs } = year.records;
    const mentees = pairs.map((p) => p.mentee);
    expect(new Set(mentees).size).toBe(mentees.length);
    for (const p of pairs) {
      expect(decisions.get(p.mentee)!.status).toBe('accepted');
      expect(decisions.get(p.mentor)!.status).toBe('accepted');
      expect(p.score.rules.length).toBeGreaterThan(0);
    }
  });

  it('publishes exactly the CSV `npm run report` writes for the same records', () => {
    const run = runProgramme(spec, settings);
    const compiled = compileReport({
      period: reportPeriod(reportPeriodId, settings.cohorts),
      day: reportDay,
      records: year.records,
      settings: { ...settings, followUp: followUpRulesFrom(settings), threshold: 5 },
      terms: undefined,
      programme: 'Essai',
    });
    expect(run.csv).toBe(compiled.files.find((f) => f.path === 'chiffres.csv')!.content);
    expect(run.csv).toContain(';moins de 5;');
    expect(run.csv).toContain(';masqué;');
  });

  it('is the same for the same seed', () => {
    expect(runProgramme(spec, settings).csv).toBe(runProgramme(spec, settings).csv);
    expect(runProgramme({ ...spec, seed: spec.seed + 1 }, settings).csv).not.toBe(
      runProgramme(spec, settings).csv,
    );
  });
});
