import { describe, expect, it } from 'vitest';
import { goldenProgramme } from '../../tests/helpers/report-programme.ts';
import { programmeSettings } from '../../tests/helpers/intake-harness.ts';
import { followUpRulesFrom } from '../followup/follow-up-rules.ts';
import { publishReport } from './publish-report.ts';
import { reportFigures } from './report-figures.ts';
import { reportDay, reportPeriod } from './report-period.ts';

// Issue 13, the golden scenario: the figures of the synthetic school year of
// tests/helpers/report-programme.ts, each worked out there by hand, come out exactly.

const settings = programmeSettings();
const reportSettings = { ...settings, followUp: followUpRulesFrom(settings), threshold: 5 };
const period = reportPeriod('2026-2027', settings.cohorts);

function figures(today = '2027-09-15') {
  return reportFigures({
    period,
    day: reportDay(period, today),
    records: goldenProgramme().records,
    settings: reportSettings,
  });
}

describe('the figures of a school year', () => {
  it('counts exactly what the golden programme holds', () => {
    const report = figures();
    expect(report.day).toBe('2027-08-31');
    const counts = Object.fromEntries(report.system.counts);
    expect(counts).toMatchObject({
      // Applications by month and role, the erased mentoré (November) included.
      'candidatures/2026-09/total': 0,
      'candidatures/2026-10/mentor': 7,
      'candidatures/2026-10/mentee': 6,
      'candidatures/2026-11/mentor': 5,
      'candidatures/2026-11/mentee': 9,
      'candidatures/2026-12/mentee': 6,
      'candidatures/2027-08/total': 0,
      'candidatures/total/mentor': 12,
      'candidatures/total/mentee': 21,
      'candidatures/total/total': 33,
      // Where they stood on the report's day.
      'selection/accepted/mentor': 10,
      'selection/declined/mentor': 1,
      'selection/new/mentor': 1,
      'selection/accepted/mentee': 14,
      'selection/waitlisted/mentee': 3,
      'selection/declined/mentee': 3,
      'selection/withdrawn/mentee': 1,
      'selection/accepted/total': 24,
      // The waiting list: pairs 7 and 8 ended early, so their mentorés wait again; those whose
      // mentoring went to its end do not.
      'effectifs/waiting/count': 9,
      'attente/numerique/mentees': 5,
      'attente/banque-finance-assurance/mentees': 5,
      'attente/sante-social/mentees': 4,
      'attente/droit-justice/mentees': 0,
      'mentors-disponibles/numerique/mentors': 9,
      'mentors-disponibles/total/mentors': 9,
      'effectifs/free-places/count': 9,
      // Pairs formed in the year, where they stood on 31 August.
      'binomes/active/count': 1,
      'binomes/closed-as-planned/count': 7,
      'binomes/closed-early/count': 2,
      'binomes/accepted/count': 0,
      'binomes/total/count': 10,
      'fins-anticipees/disagreement/count': 1,
      'fins-anticipees/no-longer-available/count': 1,
      'fins-anticipees/breach/count': 0,
      // 92 days for the October mentorés, 50 for November's.
      'delai/3-6/count': 6,
      'delai/1-3/count': 4,
      // Still under way six months after 11 January: pairs 0–6 (closed 12 July) and 9.
      'duree/reached/count': 8,
      'duree/ended-before/count': 2,
      // Five meetings in 183 days (0.83 a month) for pairs 0–6; five in 233 for pair 9 (0.65).
      'rythme/target/count': 7,
      'rythme/below/count': 1,
      'rythme/none/count': 2,
      'modes/presentiel/count': 32,
      'modes/visio/count': 8,
      'modes/total/count': 40,
      // Check-ins due: 6 each for pairs 0–6, 5 for pair 9, 1 for pair 7, 4 for pair 8, for each
      // of the two roles (104); the mentorés of pairs 0–6 and 9 sent 5 each (40).
      'points-etape/received/count': 40,
      'points-etape/missing/count': 64,
      'points-etape/total/count': 104,
      // Bilans of pairs 0–6.
      'bilans/5/mentor': 3,
      'bilans/4/mentor': 3,
      'bilans/3/mentor': 1,
      'bilans/5/mentee': 4,
      'bilans/4/mentee': 2,
      'bilans/2/mentee': 1,
      'bilans/total/total': 14,
      'objectifs/yes/mentor': 6,
      'objectifs/partly/mentor': 1,
      'objectifs/no/mentee': 1,
      'recommandation/yes/mentee': 6,
      'recommandation/no/mentee': 1,
      'recommandation/yes/mentor': 7,
    });
    // The time to pair's total is the pairs formed' (no mentoré erased): one count, laid out twice.
    expect(report.system.counts.has('delai/total/count')).toBe(false);
    const statistics = Object.fromEntries(
      report.sections.flatMap((s) => s.statistics.map((st) => [st.label, st.value ?? st.withheld])),
    );
    expect(statistics).toEqual({
      'Mentorés acceptés pour un mentor accepté, parmi ces candidatures': '1,4',
      'Temps entre la candidature et le binôme (médiane)': '92 jours',
      'Rencontres par binôme et par mois (médiane)': '0,8 (objectif : 1)',
      'Taux de réponse aux points d’étape': '38\u00a0%',
    });
  });

  it('says what was true on a past day: events after it are not counted', () => {
    const april = reportFigures({
      period: reportPeriod('2027-04', settings.cohorts),
      day: '2027-04-30',
      records: goldenProgramme().records,
      settings: reportSettings,
    });
    const counts = Object.fromEntries(april.system.counts);
    // A month's report leaves the pairs formed and the bilans to its school year's.
    expect(counts['binomes/total/count']).toBeUndefined();
    expect(april.sections.map((s) => s.id)).toEqual(['candidatures', 'attente', 'suivi']);
    // A month's report names its applications after the month, as its school year's does.
    expect(counts['candidatures/2027-04/total']).toBe(0);
    expect(counts['candidatures/total/total']).toBeUndefined();
    // On 30 April pair 8 was still under way: its mentoré did not wait yet (7, 10–12, 14–17 did).
    expect(counts['effectifs/waiting/count']).toBe(8);
    // April's meetings: one for each of pairs 0–6 and 9.
    expect(counts['modes/presentiel/count']).toBe(8);
  });

  it('counts a cohort’s people whatever the day they applied, and its pairs whenever formed', () => {
    const cohort = reportFigures({
      period: reportPeriod('cohorte-2026-2027', settings.cohorts),
      day: '2027-07-09',
      records: goldenProgramme().records,
      settings: reportSettings,
    });
    const counts = Object.fromEntries(cohort.system.counts);
    expect(counts['candidatures-cohorte-2026-2027/total/total']).toBe(33);
    expect(counts['binomes/total/count']).toBe(10);
    // On the cohort's last day, pairs 0–6 were still under way (closed on 12 July).
    expect(counts['binomes/active/count']).toBe(8);
    expect(cohort.period).toMatchObject({ kind: 'cohort', label: 'cohorte janvier 2027' });
  });

  it('publishes counts of 5 and more, hides the others and what would give them away', () => {
    const published = publishReport(figures(), { quotes: [] });
    const cell = (key: string) => published.cells.get(key);
    expect(cell('candidatures/total/total')).toEqual({ value: 33 });
    expect(cell('modes/visio/count')).toEqual({ value: 8 });
    expect(cell('binomes/active/count')).toEqual({ hidden: 'small' });
    // 7 is not small, but the pairs' total (10) is published, and the four small counts beside
    // it would add up to 3: each would be pinned within 0–3. Hiding the 7 too widens them to 0–10.
    expect(cell('binomes/closed-as-planned/count')).toEqual({ hidden: 'secondary' });
    expect(cell('binomes/total/count')).toEqual({ value: 10 });
    expect(cell('selection/new/mentor')).toEqual({ hidden: 'small' });
    // A count below the threshold is never shown, whatever else is.
    for (const [key, count] of figures().system.counts)
      if (count < 5) expect(cell(key), key).toEqual({ hidden: 'small' });
    // The ratio of mentorés to mentors is published only while both its terms are.
    const ratio = published.sections[0]!.statistics[0]!;
    const terms = ['selection/accepted/mentor', 'selection/accepted/mentee'].map(cell);
    expect(ratio.value !== undefined).toBe(terms.every((t) => t !== undefined && 'value' in t));
  });
});
