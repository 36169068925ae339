import {
  folders,
  kindOfId,
  matchingEditsPath,
  pairIdOf,
  pairPath,
  screeningPath,
} from '../../schemas/data-layout.ts';
import { holdingStatuses, type Pair } from '../../schemas/pair.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import { pairBlockers, type BlockerCode } from '../matching/pair-blockers.ts';
import {
  menteeProfile,
  mentorProfile,
  type MenteeProfile,
  type MentorProfile,
} from '../matching/profiles.ts';
import type { RecordSet } from '../records/sort-records.ts';
import type { RecordProblem } from './record-problem.ts';

type Role = 'mentor' | 'mentee';

/** Whether a pair holds its two people: they may be in no other pair (issue 9). */
const holds = (pair: Pair): boolean =>
  pair.status === 'proposed' || holdingStatuses.includes(pair.status);

const byId = (a: Pair, b: Pair): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const who = (role: Role, id: string): string =>
  `${role === 'mentor' ? 'le mentor' : 'le mentoré'} ${id}`;
const folderOf = (role: Role): string => `${folders[role]}/`;

/** The field of the pair file each hard rule is reported on. */
const blockerField: Record<BlockerCode, string> = {
  mode: 'meetingMode',
  conflict: 'mentor',
  closed: 'id',
  forbidden: 'id',
  withdrawn: 'id',
};

/** The pairs of `pairs` beyond the first `allowed` of each key, with the ones before them. */
function beyond(
  pairs: readonly Pair[],
  keyOf: (pair: Pair) => string,
  allowedFor: (key: string) => number | undefined,
): { pair: Pair; before: Pair[] }[] {
  const groups = new Map<string, Pair[]>();
  for (const pair of pairs) groups.set(keyOf(pair), [...(groups.get(keyOf(pair)) ?? []), pair]);
  return [...groups].flatMap(([key, group]) => {
    const allowed = allowedFor(key);
    if (allowed === undefined) return [];
    return group.slice(allowed).map((pair) => ({ pair, before: group.slice(0, allowed) }));
  });
}

/**
 * The rules across pairs and applications (issue 9), so that a coordinator's hand edit that
 * breaks one is caught on its pull request: each pair named after its two people, who exist;
 * a proposed pair only between accepted people; each mentoré in at most one pair that holds
 * them (proposed, accepted, active or paused), each mentor within the places they offered and
 * the programme's maximum (`capacityMax`); no holding pair that breaks a hard rule of the
 * matching (meeting modes, conflict of interest, and, while proposed, a forbidden pair); and
 * matching edits that name people who exist. A mentor is held to their capacity, not to one
 * pair. Each problem names the pair file, a field, and ids and rules only. Pure.
 */
export function pairRules(records: RecordSet, capacityMax: number): RecordProblem[] {
  const mentors = new Map<string, MentorProfile>();
  const mentees = new Map<string, MenteeProfile>();
  for (const a of records.applications) {
    if (kindOfId(a.id) === 'mentor')
      mentors.set(a.id, mentorProfile(a as Application<'mentor'>, capacityMax));
    else mentees.set(a.id, menteeProfile(a as Application<'mentee'>));
  }
  // An erased person still exists for the records that name them (erasures/): their pairs are
  // the other person's history and the programme's figures.
  const exists = (role: Role, id: string) =>
    (role === 'mentor' ? mentors : mentees).has(id) || records.erasures.get(id)?.kind === role;
  const forbidden = new Set(
    [...records.matchingEdits.values()].flatMap((e) =>
      e.forbidden.map((f) => pairIdOf(f.mentor, f.mentee)),
    ),
  );
  const pairs = [...records.pairs].sort(byId);
  const holding = pairs.filter(holds);

  const found = new Map<string, RecordProblem[]>();
  const report = (pair: Pair, field: string, message: string) =>
    found.set(pair.id, [
      ...(found.get(pair.id) ?? []),
      { file: pairPath(pair.id), field, message },
    ]);

  for (const pair of pairs) {
    const expected = pairIdOf(pair.mentor, pair.mentee);
    if (pair.id !== expected)
      report(
        pair,
        'id',
        `ce binôme associe ${pair.mentor} et ${pair.mentee} : son identifiant doit être ${expected} (et son fichier ${expected}.json)`,
      );
    for (const role of ['mentor', 'mentee'] as const)
      if (!exists(role, pair[role]))
        report(
          pair,
          role,
          `${who(role, pair[role])} n’existe pas dans ${folderOf(role)} (ou sa candidature n’est pas valide)`,
        );
    // Accepted, active and paused pairs were accepted with their people: a later decision
    // (a withdrawal) is the follow-up's to handle, not a broken record.
    if (pair.status === 'proposed')
      for (const role of ['mentor', 'mentee'] as const) {
        const id = pair[role];
        if (exists(role, id) && records.decisions.get(id)?.status !== 'accepted')
          report(
            pair,
            role,
            `ce binôme est proposé, mais la candidature ${id} n’est pas acceptée (${screeningPath(id)}) : seules les personnes acceptées entrent dans un binôme`,
          );
      }
  }

  const once = beyond(
    holding,
    (p) => p.mentee,
    () => 1,
  );
  for (const { pair, before } of once)
    report(
      pair,
      'mentee',
      `le mentoré ${pair.mentee} est déjà dans le binôme ${before[0]!.id} : une personne n’est que dans un binôme à la fois (proposé, accepté, en cours ou en pause)`,
    );
  const over = beyond(
    holding,
    (p) => p.mentor,
    (id) => mentors.get(id)?.capacity,
  );
  for (const { pair, before } of over)
    report(
      pair,
      'mentor',
      `ce binôme dépasse la capacité du mentor ${pair.mentor} : ${
        before.length === 0
          ? 'il ne peut accompagner aucun mentoré'
          : `il est déjà dans ${before.length === 1 ? 'le binôme' : 'les binômes'} ${before.map((p) => p.id).join(', ')}, soit autant de mentorés qu’il a proposé d’accompagner, dans la limite de ${capacityMax} fixée par le programme`
      }`,
    );

  const none = new Set<string>();
  for (const pair of holding) {
    const mentee = mentees.get(pair.mentee);
    const mentor = mentors.get(pair.mentor);
    if (!mentee || !mentor) continue;
    // A forbidden pair that was accepted before the edit stays: /interdire rules out proposals.
    const ruledOut = {
      forbidden: pair.status === 'proposed' ? forbidden : none,
      withdrawn: none,
      closed: none,
    };
    for (const blocker of pairBlockers(mentee, mentor, ruledOut))
      report(
        pair,
        blockerField[blocker.code],
        `ce binôme enfreint une règle de l’appariement — ${blocker.message}`,
      );
  }

  const problems = pairs.flatMap((p) => found.get(p.id) ?? []);
  for (const edits of records.matchingEdits.values()) {
    for (const list of ['forbidden', 'withdrawn'] as const)
      edits[list].forEach((edit, i) => {
        for (const role of ['mentor', 'mentee'] as const)
          if (!exists(role, edit[role]))
            problems.push({
              file: matchingEditsPath(edits.cohort),
              field: `${list}.${i}.${role}`,
              message: `${list === 'forbidden' ? 'cette interdiction (/interdire)' : 'ce retrait (/retirer)'} porte sur ${who(role, edit[role])}, qui n’existe pas dans ${folderOf(role)} (ou dont la candidature n’est pas valide)`,
            });
      });
  }
  return problems;
}
