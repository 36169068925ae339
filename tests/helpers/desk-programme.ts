import { applicationPath, pairPath, screeningPath } from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import { proposePairs } from '../../scripts/commands/propose-pairs.ts';
import { accepted, aMentee, aMentor } from '../../scripts/dev/matching-people.ts';
import { pairText } from '../../scripts/matching/pair-record.ts';
import { sealIdentity } from '../../scripts/privacy/seal-identity.ts';
import type { DataStore, FileChange } from '../../scripts/store/data-store.ts';
import { aPair } from './a-pair.ts';
import { testRecipients } from './test-keys.ts';

// The coordinators' desk's synthetic programme (issue 15): people whose names, phones and e-mails
// are each distinct canaries, so that a test can say where a decrypted value went, and where not.

interface Person {
  id: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
}

const person = (id: string, firstName: string, lastName: string, n: number): Person => ({
  id,
  firstName,
  lastName,
  phone: `06 71 00 00 ${String(n).padStart(2, '0')}`,
  email: `${firstName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}.${lastName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}@exemple.fr`,
});

export const deskPeople = {
  /** A mentoré waiting for a decision, the newest application. */
  applicant: person('mentee-dddd01', 'Bérénice', 'Quatrefeuilles', 1),
  /** A mentor waiting for a decision, older. */
  mentorApplicant: person('mentor-dddd02', 'Anatole', 'Brisefer', 2),
  /** Accepted, and proposed as a pair by the matching. */
  proposedMentor: person('mentor-eeee01', 'Clémence', 'Vautrin', 3),
  proposedMentee: person('mentee-eeee02', 'Dorian', 'Lefébure', 4),
  /** An accepted pair on main, whose convention is to print. */
  pairMentor: person('mentor-ffff01', 'Eulalie', 'Ravenel', 5),
  pairMentee: person('mentee-ffff02', 'Fulbert', 'Mésange', 6),
} as const;

/** Every value only a decrypted identity holds: none may leave the coordinator's browser. */
export const deskSecrets: string[] = Object.values(deskPeople).flatMap((p) => [
  p.firstName,
  p.lastName,
  p.phone,
  p.phone.replace(/\s/g, ''),
  p.email,
]);

function withIdentity<T extends Application<'mentor' | 'mentee'>>(application: T, p: Person): T {
  return {
    ...application,
    identity: {
      ...application.identity,
      firstName: p.firstName,
      lastName: p.lastName,
      phone: p.phone,
      email: p.email,
    },
  };
}

/**
 * Writes the desk's programme as the intake and the commands would (identities sealed to the test
 * recipients, data keys in the key store), then proposes the 2026-2027 cohort's pairs with the
 * real matching (a pairing branch, and its pull request on GitHub).
 */
export async function commitDeskProgramme(
  store: DataStore,
  settings: ProgrammeSettings,
  now: () => Date,
): Promise<void> {
  const p = deskPeople;
  const applications = [
    withIdentity(
      aMentee(p.applicant.id, {}, { submittedAt: '2026-11-28T10:00:00.000Z' }),
      p.applicant,
    ),
    withIdentity(
      aMentor(p.mentorApplicant.id, {}, { submittedAt: '2026-11-21T10:00:00.000Z' }),
      p.mentorApplicant,
    ),
    withIdentity(aMentor(p.proposedMentor.id), p.proposedMentor),
    withIdentity(aMentee(p.proposedMentee.id), p.proposedMentee),
    withIdentity(aMentor(p.pairMentor.id), p.pairMentor),
    withIdentity(aMentee(p.pairMentee.id), p.pairMentee),
  ];
  const files: FileChange[] = [];
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  for (const application of applications) {
    const { sealed, wrappedKey } = await sealIdentity(application.identity, testRecipients);
    await store.keys.create(application.id, wrappedKey);
    files.push({
      path: applicationPath(application.id),
      content: json({ ...application, identity: sealed }),
    });
  }
  const decisions = accepted([
    p.proposedMentor.id,
    p.proposedMentee.id,
    p.pairMentor.id,
    p.pairMentee.id,
  ]);
  for (const [id, decision] of decisions)
    files.push({ path: screeningPath(id), content: json(decision) });
  const pair = aPair(p.pairMentor.id, p.pairMentee.id);
  files.push({ path: pairPath(pair.id), content: pairText(pair) });
  await store.commit(files, 'Add the desk programme');
  await proposePairs(
    { store, settings, now, fileUrl: (_branch, path) => path },
    { cohort: '2026-2027' },
  );
}
