import type { SealedIdentity } from './sealed-identity.ts';
import { describe, expectTypeOf, it } from 'vitest';
import type { MenteeApplication, MenteeApplicationForm } from './mentee-application.schema.ts';
import type { MentorApplication, MentorApplicationForm } from './mentor-application.schema.ts';
import type { ProgrammeSettings } from './programme.schema.ts';
import type { ScreeningStatus } from './screening-decision.schema.ts';

// Checked by `tsc --noEmit` (npm run check): if a schema changes shape, its type follows, and
// these lines say whether the code that relies on it still holds.
describe('types derived from the schemas', () => {
  it('keep enumerations as unions of their values', () => {
    // A count whose choices come from the settings (`x-count-max`) is a plain number.
    expectTypeOf<MentorApplicationForm['profile']['capacity']>().toEqualTypeOf<number>();
    expectTypeOf<MenteeApplicationForm['profile']['meetingMode']>().toEqualTypeOf<
      'presentiel' | 'visio' | 'les-deux'
    >();
    expectTypeOf<ScreeningStatus>().toEqualTypeOf<
      'new' | 'interviewed' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn'
    >();
    expectTypeOf<ProgrammeSettings['accessibility']['status']>().toEqualTypeOf<
      'non-conforme' | 'partiellement-conforme' | 'totalement-conforme'
    >();
  });

  it('make required commitments literally true, and optional fields optional', () => {
    expectTypeOf<MenteeApplicationForm['commitments']['listening']>().toEqualTypeOf<true>();
    expectTypeOf<MenteeApplication['legalRepresentativeAuthorisation']>().toEqualTypeOf<
      'pending' | 'given' | undefined
    >();
    expectTypeOf<MenteeApplicationForm['identity']['legalRepresentative']>().toEqualTypeOf<
      { name: string; email: string; phone: string } | undefined
    >();
    expectTypeOf<MentorApplicationForm['profile']['organisationsToAvoid']>().toEqualTypeOf<
      string[] | undefined
    >();
  });

  it('add the intake envelope to stored records', () => {
    expectTypeOf<MentorApplication['id']>().toEqualTypeOf<string>();
    expectTypeOf<MenteeApplication['intake']['proofOfWork']>().toEqualTypeOf<
      'verified' | 'absent'
    >();
    expectTypeOf<MenteeApplication['schemaVersion']>().toEqualTypeOf<1>();
    expectTypeOf<MenteeApplication['identity']>().toEqualTypeOf<
      SealedIdentity | MenteeApplicationForm['identity']
    >();
    expectTypeOf<SealedIdentity>().toEqualTypeOf<{ encrypted: 'age'; ciphertext: string }>();
  });
});
