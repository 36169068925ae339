import { describe, expect, it } from 'vitest';
import { aMentee, aMentor } from '../dev/matching-people.ts';
import { pairBlockers } from './pair-blockers.ts';
import { menteeProfile, mentorProfile } from './profiles.ts';
import { share } from './rule-score.ts';
import { availabilityPoints, scoreAvailability } from './score-availability.ts';
import { scoreLanguages } from './score-languages.ts';
import { agreedMode, modesCompatible, scoreMeetingMode } from './score-meeting-mode.ts';
import { scoreObjectives } from './score-objectives.ts';
import { scoreSector, sectorFit } from './score-sector.ts';
import { monthsBetween, scoreWaiting } from './score-waiting.ts';

const mentee = (profile: Parameters<typeof aMentee>[1] = {}, submittedAt?: string) =>
  menteeProfile(aMentee('mentee-aaaaaa', profile, submittedAt ? { submittedAt } : {}));
const mentor = (profile: Parameters<typeof aMentor>[1] = {}) =>
  mentorProfile(aMentor('mentor-bbbbbb', profile), 3);
const none = {
  forbidden: new Set<string>(),
  withdrawn: new Set<string>(),
  closed: new Set<string>(),
};

describe('the score rules, each a unit with its points and its French reason', () => {
  it('share rounds half up on integers', () => {
    expect([
      share(35, 1, 2),
      share(35, 2, 3),
      share(15, 1, 3),
      share(10, 0, 3),
      share(9, 1, 0),
    ]).toEqual([18, 23, 5, 0, 0]);
  });

  it('objectives: the share of the mentoré’s objectives the mentor can help with', () => {
    expect(scoreObjectives(mentee(), mentor(), 35)).toEqual({
      rule: 'objectives',
      points: 35,
      max: 35,
      reason:
        'le mentor couvre les 2 objectifs du mentoré : choisir son dernier stage et définir son projet d’orientation professionnelle',
    });
    expect(
      scoreObjectives(mentee(), mentor({ objectives: ['choisir-dernier-stage'] }), 35),
    ).toMatchObject({
      points: 18,
      reason: 'le mentor couvre 1 des 2 objectifs du mentoré : choisir son dernier stage',
    });
    expect(scoreObjectives(mentee(), mentor({ objectives: ['prise-de-poste'] }), 35)).toMatchObject(
      {
        points: 0,
        reason: 'le mentor ne couvre aucun des objectifs du mentoré',
      },
    );
  });

  it('sector: every point for a target sector, half for studies close to it, none otherwise', () => {
    expect(scoreSector(mentee(), mentor(), 25)).toMatchObject({ points: 25 });
    const lawStudent = mentee({
      sectors: ['commerce-vente'],
      studies: { level: 'bac+3', field: 'Licence de Droit privé' },
    });
    expect(scoreSector(lawStudent, mentor({ sector: 'droit-justice' }), 25)).toEqual({
      rule: 'sector',
      points: 13,
      max: 25,
      reason: 'le secteur du mentor, « Droit, justice », est proche des études du mentoré',
    });
    expect(scoreSector(lawStudent, mentor({ sector: 'sante-social' }), 25)).toMatchObject({
      points: 0,
      reason:
        'le secteur du mentor, « Santé, social, médico-social », n’est ni visé par le mentoré ni proche de ses études',
    });
    // Two « autre » sectors fit when they share a word, whatever the accents and case.
    const other = mentee({ sectors: ['autre'], sectorOther: 'Aéronautique civile' });
    expect(sectorFit(other, mentor({ sector: 'autre', sectorOther: 'AERONAUTIQUE' }))).toBe(
      'target',
    );
    expect(sectorFit(other, mentor({ sector: 'autre', sectorOther: 'Cuisine' }))).toBe('none');
  });

  it('availability: moments in common, days × moments of the day, three for every point', () => {
    expect(availabilityPoints(15, 0)).toBe(0);
    expect(availabilityPoints(15, 1)).toBe(5);
    expect(availabilityPoints(15, 3)).toBe(15);
    expect(availabilityPoints(15, 12)).toBe(15);
    const m = mentor({
      availability: { days: ['mercredi', 'jeudi'], periods: ['apres-midi', 'soir'] },
    });
    expect(scoreAvailability(mentee(), m, 15)).toEqual({
      rule: 'availability',
      points: 5,
      max: 15,
      reason: 'un moment en commun : mercredi, après-midi',
    });
    expect(
      scoreAvailability(
        mentee(),
        mentor({ availability: { days: ['lundi'], periods: ['matin'] } }),
        15,
      ),
    ).toMatchObject({
      points: 0,
      reason: 'aucun moment de disponibilité en commun',
    });
  });

  it('languages: every point with at least one language in common', () => {
    expect(scoreLanguages(mentee(), mentor({ languages: ['fr', 'en'] }), 5)).toMatchObject({
      points: 5,
      reason: 'langues communes : français et anglais',
    });
    expect(scoreLanguages(mentee({ languages: ['ar'] }), mentor(), 5)).toMatchObject({
      points: 0,
      reason: 'aucune langue commune',
    });
  });

  it('meeting mode: in person at the Espace Jeunes is favoured where both can', () => {
    expect(modesCompatible('presentiel', 'visio')).toBe(false);
    expect(modesCompatible('les-deux', 'visio')).toBe(true);
    expect(agreedMode('les-deux', 'presentiel')).toBe('presentiel');
    expect(agreedMode('les-deux', 'visio')).toBe('visio');
    expect(scoreMeetingMode(mentee(), mentor(), 10)).toMatchObject({ points: 10 });
    expect(scoreMeetingMode(mentee(), mentor({ meetingMode: 'visio' }), 10)).toMatchObject({
      points: 0,
      reason: 'rencontres en visioconférence seulement',
    });
  });

  it('waiting: a bonus growing with each whole month waited, up to the weight', () => {
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(monthsBetween('2026-01-31', '2026-03-01')).toBe(1);
    expect(monthsBetween('2025-11-30', '2026-11-30')).toBe(12);
    expect(scoreWaiting(mentee({}, '2026-08-10T10:00:00.000Z'), 10, 6, '2026-11-30')).toEqual({
      rule: 'waiting',
      points: 5,
      max: 10,
      reason: 'attend depuis 3 mois',
    });
    expect(scoreWaiting(mentee({}, '2025-01-10T10:00:00.000Z'), 10, 6, '2026-11-30')).toMatchObject(
      { points: 10 },
    );
    expect(scoreWaiting(mentee(), 10, 6, '2026-11-30')).toMatchObject({
      points: 0,
      reason: 'candidature de moins d’un mois',
    });
  });
});

describe('the hard rules', () => {
  it('names the meeting modes that cannot meet', () => {
    expect(
      pairBlockers(mentee({ meetingMode: 'presentiel' }), mentor({ meetingMode: 'visio' }), none),
    ).toEqual([
      {
        code: 'mode',
        message:
          'modes de rencontre incompatibles : le mentoré souhaite des rencontres en personne seulement, le mentor en visioconférence seulement',
      },
    ]);
  });

  it.each([
    [
      { organisationsToAvoid: ['BNP PARIBAS'] },
      { organisation: 'B.N.P. Paribas S.A.' },
      'l’une de celles que le mentoré a demandé d’éviter',
    ],
    [
      {
        eligibility: { basis: 'etudie', school: 'École Polytechnique', schoolCommune: 'Palaiseau' },
      },
      { organisation: 'ecole polytechnique' },
      'travaille dans l’établissement du mentoré',
    ],
    [
      { eligibility: { basis: 'etudie', school: 'Lycée Michelet', schoolCommune: 'Vanves' } },
      { organisationsToAvoid: ['LYCEE MICHELET'] },
      'l’établissement du mentoré est l’une des organisations que le mentor a demandé d’éviter',
    ],
  ] as const)(
    'finds a conflict of interest whatever the case, accents, punctuation or legal form (%#)',
    (e, m, words) => {
      const blockers = pairBlockers(mentee(e as never), mentor(m as never), none);
      expect(blockers).toHaveLength(1);
      expect(blockers[0]!.code).toBe('conflict');
      expect(blockers[0]!.message).toContain(words);
    },
  );

  it('never re-pairs a closed pair, nor a forbidden or withdrawn one', () => {
    const id = 'pair-bbbbbb-aaaaaa';
    const codes = (ruledOut: typeof none) =>
      pairBlockers(mentee(), mentor(), ruledOut).map((b) => b.code);
    expect(codes({ ...none, closed: new Set([id]) })).toEqual(['closed']);
    expect(codes({ ...none, forbidden: new Set([id]) })).toEqual(['forbidden']);
    expect(codes({ ...none, withdrawn: new Set([id]) })).toEqual(['withdrawn']);
    expect(codes(none)).toEqual([]);
  });
});
