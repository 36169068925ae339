import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import type { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';

// The two synthetic people of the GitHub journey: every identifying value is a canary of its own,
// found nowhere else in the project, so that finding one anywhere says exactly what leaked.

export const journeyPeople = {
  mentor: {
    firstName: 'Hermengarde',
    lastName: 'Zbindenkar',
    email: 'hermengarde.zbindenkar@exemple.org',
    phone: '07 41 93 26 58',
    organisation: 'Orfèvrerie Kalvadnik',
  },
  mentee: {
    firstName: 'Séraphin',
    lastName: 'Vandercruyssel',
    email: 'seraphin.vandercruyssel@exemple.fr',
    phone: '06 28 74 19 35',
    school: 'Lycée Quirinal-Ostrovsky',
  },
} as const;

const { mentor, mentee } = journeyPeople;

/** What only a decrypted identity holds: names, e-mails and phones, spaced or not. */
export const identityCanaries: readonly string[] = [mentor, mentee].flatMap((p) => [
  p.firstName,
  p.lastName,
  p.email,
  p.phone,
  p.phone.replace(/\s/g, ''),
]);

/** Also what the profiles hold in clear, and a report must never print. */
export const reportCanaries: readonly string[] = [
  ...identityCanaries,
  mentor.organisation,
  mentee.school,
];

/**
 * The forms as the two people fill them: the project's sample answers (compatible: the mentee
 * wants help choosing a last internship in digital jobs, which the mentor offers, by video), with
 * the canaries as their identities, employer and school.
 */
export const mentorEntries = aMentorForm({
  'identity.firstName': mentor.firstName,
  'identity.lastName': mentor.lastName,
  'identity.email': mentor.email,
  'identity.phone': mentor.phone,
  'profile.organisation': mentor.organisation,
  'profile.capacity': '1',
});

export const menteeEntries = aMenteeForm({
  'identity.firstName': mentee.firstName,
  'identity.lastName': mentee.lastName,
  'identity.email': mentee.email,
  'identity.phone': mentee.phone,
  'profile.eligibility.school': mentee.school,
});

/**
 * Everything of the stand-in's repository a collaborator, a notification e-mail or a log shows
 * without opening a file: issues' and pull requests' titles and bodies, comments, branch names,
 * commit messages and every path any commit ever held.
 */
export function standInSurface(standIn: GitHubStandIn): Record<string, string> {
  const paths = new Set<string>();
  for (const tree of standIn.git.trees.values()) for (const path of tree.keys()) paths.add(path);
  return {
    threads: standIn.issues.map((i) => `${i.title}\n${i.body ?? ''}`).join('\n'),
    comments: standIn.comments.map((c) => c.body).join('\n'),
    branches: [...standIn.git.refs.keys()].join('\n'),
    commits: [...standIn.git.commits.values()].map((c) => c.message).join('\n'),
    paths: [...paths].join('\n'),
  };
}

/** Every byte the repository holds, each blob read as UTF-8 (sealed ones stay unreadable). */
export function standInBlobs(standIn: GitHubStandIn): string {
  return [...standIn.git.blobs.values()].map((b) => b.toString('utf8')).join('\n');
}
