import { describe, expect, it } from 'vitest';
import { aBilanRecord } from '../../tests/helpers/follow-up-records.ts';
import { reportQuotes, scrubQuote, type SensitiveTerms } from './report-quotes.ts';
import { reportDay, reportPeriod } from './report-period.ts';

// Issue 13: the quotes of a report mask what the records hold, and only texts their authors
// chose to share anonymously are quoted; the periods a report may cover.

const terms: SensitiveTerms = {
  names: ['Zéphyrine', 'Testaccio', 'Zéphyrine Testaccio', 'Jean-Marc', 'Le Goff'],
  organisations: ['Entreprise Fictive SA', 'Lycée Eugène-Ionesco'],
  emails: ['z.testaccio@exemple.fr'],
  phones: ['06 11 22 33 44'],
};

describe('masking a quote', () => {
  it.each([
    ['Merci ZEPHYRINE !', 'Merci [nom] !'],
    ['Merci zephyrine testaccio.', 'Merci [nom].'],
    ['Jean Marc et jean-marc', '[nom] et [nom]'],
    [
      'chez Entreprise  fictive sa, au lycée eugene ionesco',
      'chez [organisation], au [organisation]',
    ],
    ['Une entreprise, un lycée.', 'Une entreprise, un lycée.'],
    [
      'Écrivez à z.testaccio@exemple.fr ou à autre.personne@ailleurs.org',
      'Écrivez à [courriel] ou à [courriel]',
    ],
    [
      'Appelez le 06 11 22 33 44, le 06.98.76.54.32 ou le +33 6 98 76 54 32.',
      'Appelez le [téléphone], le [téléphone] ou le [téléphone].',
    ],
    ['Les Zéphyrines ne sont pas elle.', 'Les Zéphyrines ne sont pas elle.'],
    [
      'Le mentorat ? Je le recommande, merci M. Le Goff et Goff.',
      'Le mentorat ? Je le recommande, merci M. [nom] et [nom].',
    ],
    // Written otherwise: capitals, ligatures, invisible characters, as one word, as a handle.
    ['Merci ZEPHY\u00adRINE et Zéphyrine\u200bTestaccio.', 'Merci [nom] et [nom].'],
    [
      'Suivez @zephyrinetestaccio, #ZéphyrineTestaccio, Zéphyrine2024.',
      'Suivez @[nom], #[nom], [nom]2024.',
    ],
    ['Merci JEAN MARC et jeanmarc', 'Merci [nom] et [nom]'],
    [
      'À l’Entreprise-Fictive-SA, chez EntrepriseFictiveSA, chez Fictive.',
      'À l’[organisation], chez [organisation], chez [organisation].',
    ],
    ['Au lycée Ionesco', 'Au lycée [organisation]'],
    [
      'Écrivez à z.testaccio [at] exemple.fr, ou kiki75(arobase)exemple(point)fr, ou kiki75 @ exemple.fr',
      'Écrivez à [courriel], ou [courriel], ou [courriel]',
    ],
    ['Le +33 (0)6 98 76 54 32 ou le 06  98  76  54  32', 'Le [téléphone] ou le [téléphone]'],
    ['Son numéro : 06 11 22 33 (fin : 44).', 'Son numéro : [téléphone]).'],
  ])('%s', (text, masked) => {
    expect(scrubQuote(text, terms)).toBe(masked);
  });
});

describe('the quotes of a report', () => {
  const pair = 'pair-aaaaa1-bbbbb1';
  const bilans = [
    aBilanRecord(pair, 'mentee', '2027-07-01', {
      words: { text: 'B : merci Zéphyrine.', sharing: 'anonymous' },
    }),
    aBilanRecord(pair, 'mentor', '2027-07-01', {
      words: { text: 'Pour l’équipe seulement.', sharing: 'coordinators' },
    }),
    aBilanRecord(pair, 'mentor', '2027-07-02', {
      words: { text: 'A : une belle année.', sharing: 'anonymous' },
    }),
  ];

  it('quotes only the texts shared anonymously, masked, in an order that says nothing of their authors', () => {
    expect(reportQuotes(bilans, terms, 2)).toEqual({
      quotes: ['A : une belle année.', 'B : merci [nom].'],
    });
  });

  it('quotes nothing when fewer people than the threshold chose to be quoted', () => {
    const quotes = reportQuotes(bilans, terms, 3);
    expect(quotes).toEqual({
      withheld: expect.stringContaining('Moins de 3 participants') as string,
    });
    expect(JSON.stringify(quotes)).not.toContain('belle année');
  });

  it('quotes nothing when the names are unknown', () => {
    const quotes = reportQuotes(bilans, undefined, 2);
    expect(quotes).toEqual({
      withheld: expect.stringContaining('Les citations ne sont pas publiées') as string,
    });
    expect(JSON.stringify(quotes)).not.toContain('belle année');
  });
});

describe('the period of a report', () => {
  const cohorts = [
    {
      id: '2026-2027',
      label: 'janvier 2027',
      applicationsOpen: '2026-11-02',
      applicationsClose: '2026-12-11',
      end: '2027-07-09',
    },
  ];
  it('reads a month, a school year and a cohort', () => {
    expect(reportPeriod('2026-11', cohorts)).toMatchObject({
      kind: 'month',
      label: 'novembre 2026',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(reportPeriod('2028-02', cohorts)).toMatchObject({ to: '2028-02-29' });
    expect(reportPeriod('2026-2027', cohorts)).toMatchObject({
      kind: 'school-year',
      from: '2026-09-01',
      to: '2027-08-31',
    });
    expect(reportPeriod('cohorte-2026-2027', cohorts)).toMatchObject({
      kind: 'cohort',
      from: '2026-11-02',
      to: '2027-07-09',
      cohort: '2026-2027',
    });
  });

  it('refuses, in French, what is not a period or has not begun', () => {
    for (const text of ['2026-2028', '2026-13', '26-11', 'cohorte-2030-2031', ''])
      expect(() => reportPeriod(text, cohorts), text).toThrow(/période|année scolaire|cohorte/);
    expect(() => reportDay(reportPeriod('2027-03', cohorts), '2027-02-28')).toThrow(
      'commence le 01/03/2027',
    );
    expect(reportDay(reportPeriod('2027-03', cohorts), '2027-03-12')).toBe('2027-03-12');
    expect(reportDay(reportPeriod('2027-03', cohorts), '2027-05-01')).toBe('2027-03-31');
  });
});
