import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formToObject } from '../../schemas/form-to-object.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { rulesContext, rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { checkApplicationForm, formSchemas } from '../../schemas/validators.ts';
import { demoPeople } from './demo-people.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const cohort = settings.cohorts[0]!;
const rules = rulesSettingsFrom(settings);
const options = (mentors: number, mentees: number, seed: number) => ({
  mentors,
  mentees,
  seed,
  applicationsOpen: cohort.applicationsOpen,
  applicationsClose: cohort.applicationsClose,
  commune: 'Issy-les-Moulineaux',
});

/** Whole years from a `JJ/MM/AAAA` birth date to the day `on` (AAAA-MM-JJ). */
function ageOn(birth: string, on: string): number {
  const [d, m, y] = birth.split('/').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - y - (om < m || (om === m && od < d) ? 1 : 0);
}

describe('the demo’s people', () => {
  it('send forms the intake accepts, whatever the seed; minors stay minors until they sign', () => {
    let minors = 0;
    for (let seed = 0; seed <= 40; seed += 1)
      for (const [mentors, mentees] of [
        [60, 80],
        [8, 10],
      ] as const) {
        const people = demoPeople(options(mentors, mentees, seed));
        const emails = new Set<string>();
        for (const person of [...people.mentors, ...people.mentees]) {
          const data = formToObject(formSchemas[person.kind] as SchemaNode, person.entries);
          const context = rulesContext(rules, new Date(`${person.appliedOn}T12:00:00Z`));
          const checked = checkApplicationForm(person.kind, data, {
            ...context,
            tokens: rules.tokens,
          });
          expect(
            checked.ok ? [] : checked.problems,
            `seed ${seed}, ${person.kind} ${person.index}`,
          ).toEqual([]);
          const value = (name: string) => person.entries.find(([k]) => k === name)?.[1] ?? '';
          emails.add(value('identity.email'));
          expect(
            person.appliedOn >= cohort.applicationsOpen &&
              person.appliedOn <= cohort.applicationsClose,
          ).toBe(true);
          if (person.kind !== 'mentee') continue;
          const born = value('identity.birthDate');
          if (person.minor) {
            minors += 1;
            expect(ageOn(born, person.appliedOn), `seed ${seed}: a minor applies at 16`).toBe(16);
            expect(
              ageOn(born, cohort.start),
              `seed ${seed}: still a minor at the start`,
            ).toBeLessThan(18);
            expect(value('identity.legalRepresentative.name')).not.toBe('');
          } else expect(ageOn(born, person.appliedOn)).toBeGreaterThanOrEqual(18);
        }
        expect(emails.size, 'one e-mail address a person').toBe(mentors + mentees);
        expect(people.mentees.filter((m) => m.avoids).length).toBeGreaterThan(0);
        expect(people.mentors.filter((m) => m.avoids).length).toBeGreaterThan(0);
      }
    expect(minors).toBeGreaterThan(100);
  });

  it('are the same for the same options, and others for another seed', () => {
    expect(demoPeople(options(8, 10, 7))).toEqual(demoPeople(options(8, 10, 7)));
    expect(demoPeople(options(8, 10, 8))).not.toEqual(demoPeople(options(8, 10, 7)));
  });
});
