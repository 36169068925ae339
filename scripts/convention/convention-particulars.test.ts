import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OpenedMenteeApplication } from '../../schemas/mentee-application.schema.ts';
import type { OpenedMentorApplication } from '../../schemas/mentor-application.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { conventionParticulars } from './convention-particulars.ts';

const fixture = <T>(path: string) =>
  JSON.parse(readFileSync(`schemas/__fixtures__/${path}/input.json`, 'utf8')) as T;
const minor = fixture<OpenedMenteeApplication>(
  'mentee-application/valid-minor-with-legal-representative',
);
const mentor = fixture<OpenedMentorApplication>('mentor-application/valid');
const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));

function pair(accepted: string | undefined, change: Partial<Pair> = {}): Pair {
  return {
    schemaVersion: 1,
    id: 'pair-aaaaaa-7f3k9q',
    cohort: '2026-2027',
    mentor: 'mentor-aaaaaa',
    mentee: 'mentee-7f3k9q',
    status: 'accepted',
    proposedBy: 'matching',
    meetingMode: 'presentiel',
    objectives: ['choisir-dernier-stage', 'projet-orientation'],
    score: { total: 60, rules: [] },
    events: [
      { type: 'proposed', at: '2026-12-14T09:00:00.000Z' },
      ...(accepted ? [{ type: 'accepted' as const, at: accepted }] : []),
    ],
    ...change,
  };
}

describe('the particulars of a pair’s convention', () => {
  it('names the parties, a minor’s legal representative, and the pair’s dates from the settings', () => {
    const p = conventionParticulars(pair('2026-12-20T10:00:00.000Z'), mentor, minor, settings);
    expect(p.mentee).toBe('Zéphyrine Testaccio');
    expect(p.representative).toBe('Honorine Testaccio');
    expect(p.representativeMissing).toBeUndefined();
    expect(p.cohortLabel).toBe('janvier 2027');
    // January is during the school year: the cohort's end, shorter than six months, said so.
    expect([p.start, p.end, p.shortened]).toEqual(['2027-01-11', '2027-07-09', true]);
    expect(p.objectives).toEqual([
      'Choisir son dernier stage',
      'Définir son projet d’orientation professionnelle',
    ]);
    expect(p.coordinator).toContain('[À compléter');
  });

  it('leaves out the representative of a mentoré who is an adult by the day the pair is accepted', () => {
    const adult = { ...minor, identity: { ...minor.identity, birthDate: '2008-12-01' } };
    expect(
      conventionParticulars(pair('2026-12-20T10:00:00.000Z'), mentor, adult, settings)
        .representative,
    ).toBeUndefined();
    // The day before their eighteenth birthday, a minor still.
    const nearly = { ...minor, identity: { ...minor.identity, birthDate: '2008-12-21' } };
    expect(
      conventionParticulars(pair('2026-12-20T10:00:00.000Z'), mentor, nearly, settings)
        .representative,
    ).toBe('Honorine Testaccio');
  });

  it('asks for a representative to be written by hand when a minor has none on record', () => {
    const identity = { ...minor.identity };
    delete identity.legalRepresentative;
    const p = conventionParticulars(pair(undefined), mentor, { ...minor, identity }, settings);
    expect(p.representative).toBeUndefined();
    expect(p.representativeMissing).toBe(true);
  });

  it('says how the pair meets from the modes both accepted', () => {
    const both = { ...mentor, profile: { ...mentor.profile, meetingMode: 'les-deux' as const } };
    expect(conventionParticulars(pair(undefined), both, minor, settings).meetings).toBe(
      'Dans une salle de l’Espace Jeunes Anne Frank ou en visioconférence',
    );
    const inPerson = {
      ...mentor,
      profile: { ...mentor.profile, meetingMode: 'presentiel' as const },
    };
    expect(conventionParticulars(pair(undefined), inPerson, minor, settings).meetings).toBe(
      'Dans une salle de l’Espace Jeunes Anne Frank',
    );
    expect(
      conventionParticulars(pair(undefined, { meetingMode: 'visio' }), mentor, minor, settings)
        .meetings,
    ).toBe('En visioconférence');
  });

  it('gives the other objective in the mentoré’s words, and the pair’s own coordinator', () => {
    const other = {
      ...minor,
      profile: {
        ...minor.profile,
        objectives: ['autre' as const],
        objectiveOther: '  Découvrir le métier\u00a0!  ',
      },
    };
    const withCoordinators = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    withCoordinators.mentoring.coordinators = [
      { id: 'camille', name: 'Camille Martin', email: 'camille@exemple.fr' },
      { id: 'sacha', name: 'Sacha Durand', phone: '01 23 45 67 89' },
    ];
    const p = conventionParticulars(
      pair(undefined, { objectives: ['autre'], coordinator: 'sacha' }),
      mentor,
      other,
      withCoordinators,
    );
    expect(p.objectives).toEqual([]);
    expect(p.otherObjective).toBe('Découvrir le métier\u00a0!');
    expect(p.coordinator).toBe('Sacha Durand, 01 23 45 67 89');
    expect(
      conventionParticulars(pair(undefined), mentor, minor, withCoordinators).coordinator,
    ).toBe('Camille Martin, camille@exemple.fr');
  });
});
