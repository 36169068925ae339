import { describe, expect, it } from 'vitest';
import { menteeRules, mentorRules, type RulesContext } from './application-rules.ts';

const context: RulesContext = {
  today: '2026-11-23',
  communes: ['Issy-les-Moulineaux'],
  mentorCapacityMax: 3,
  ages: { mentee: { min: 16, max: 30 }, mentor: { min: 18, max: 75 } },
};
const born = (birthDate: string) => ({ identity: { birthDate } });
const birthProblems = (problems: { field: string; message: string }[]) =>
  problems.filter((p) => p.field === 'identity.birthDate').map((p) => p.message);

describe('the ages of the settings', () => {
  it.each([
    ['2010-11-23', []], // 16 today
    ['2010-11-24', ['too young']], // 16 tomorrow
    ['1995-11-24', []], // 30 until tomorrow
    ['1995-11-23', ['too old']], // 31 today
    ['2019-05-10', ['too young']], // a child
  ])('a mentoré born on %s: %j', (birthDate, verdict) => {
    expect(birthProblems(menteeRules(born(birthDate), context))).toEqual(
      verdict.map(
        () =>
          'Le programme s’adresse aux étudiants et étudiantes de 16 à 30 ans : vérifiez votre date de naissance.',
      ),
    );
  });

  it.each([
    ['2008-11-23', []], // 18 today
    ['2008-11-24', ['too young']], // 18 tomorrow
    ['1950-11-24', []], // 75 until tomorrow
    ['1950-11-23', ['too old']], // 76 today
  ])('a mentor born on %s: %j', (birthDate, verdict) => {
    expect(birthProblems(mentorRules(born(birthDate), context))).toEqual(
      verdict.map(
        () =>
          'Le programme accueille des mentors de 18 à 75 ans : vérifiez votre date de naissance.',
      ),
    );
  });

  it('come from the context, not from the code', () => {
    const other = {
      ...context,
      ages: { mentee: { min: 18, max: 25 }, mentor: { min: 25, max: 67 } },
    };
    expect(birthProblems(menteeRules(born('2000-01-01'), other))).toEqual([
      'Le programme s’adresse aux étudiants et étudiantes de 18 à 25 ans : vérifiez votre date de naissance.',
    ]);
    expect(birthProblems(mentorRules(born('2005-01-01'), other))).toEqual([
      'Le programme accueille des mentors de 25 à 67 ans : vérifiez votre date de naissance.',
    ]);
  });

  it('leave an impossible or future date to its own message', () => {
    expect(birthProblems(menteeRules(born('1980-02-31'), context))).toEqual([]);
    expect(birthProblems(mentorRules(born('2027-01-01'), context))).toEqual([
      'Vérifiez votre date de naissance : elle est dans le futur.',
    ]);
  });

  it('ask a minor mentoré for a legal representative, whatever the youngest age allowed', () => {
    const fields = menteeRules(born('2010-11-23'), context).map((p) => p.field);
    // Only the representative's contact: the minor cannot give the authorisation for them.
    expect(fields).toEqual(['identity.legalRepresentative']);
  });
});

describe('the mentor’s capacity', () => {
  it('is held to the programme’s maximum, which the message says', () => {
    const form = { profile: { capacity: 4 } };
    expect(mentorRules(form, context)).toEqual([
      {
        field: 'profile.capacity',
        message: 'Le programme prévoit 3 mentorés au plus par mentor : choisissez de 1 à 3.',
      },
    ]);
    expect(mentorRules(form, { ...context, mentorCapacityMax: 4 })).toEqual([]);
    expect(mentorRules({ profile: { capacity: 2 } }, { ...context, mentorCapacityMax: 1 })).toEqual(
      [
        {
          field: 'profile.capacity',
          message: 'Le programme prévoit un mentoré par mentor : choisissez 1.',
        },
      ],
    );
  });
});
