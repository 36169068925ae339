// The follow-up forms' test data (issue 12): a pair under way in the served site's data
// repository, with each member's personal code, and the answers a participant types. Synthetic
// only. Not a test file: the browser tests of the follow-up forms share it.
import { readFileSync } from 'node:fs';
import { followUpCodePath, pairPath } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { checkPair } from '../../schemas/validators.ts';
import {
  followUpCodeHash,
  newFollowUpCode,
  normalizeFollowUpCode,
} from '../../scripts/followup/follow-up-code.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { aPair } from '../helpers/a-pair.ts';

const programmeTimeZone = readSettings(readFileSync('content/programme.yaml', 'utf8')).structure
  .timeZone;
const day = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * day);
const instant = (days: number) => daysAgo(days).toISOString();
/** A day as a person types it in the form: JJ/MM/AAAA. */
// The day in the programme's time zone, as the form judges it: from 23:00 UTC on, Paris is
// already on the next day, and « tomorrow » in UTC would be today there.
const typed = (days: number) =>
  dateIn(programmeTimeZone, daysAgo(days)).split('-').reverse().join('/');

export interface PairWithCodes {
  pairId: string;
  codes: { mentor: string; mentee: string };
}

/**
 * A pair of the data repository at `status` (`active`: signed two months ago; `closed`: closed
 * a year ago, too long ago for a bilan), with a fresh code for each member, written as
 * `npm run pair -- <pairId> codes` writes them: only the codes' hashes are stored.
 */
export async function addPairWithCodes(
  store: DataStore,
  n: number,
  status: 'active' | 'closed',
): Promise<PairWithCodes> {
  const id = (kind: string) => `${kind}-${String(n).padStart(2, '0')}suiv`;
  const pair: Pair = aPair(id('mentor'), id('mentee'), 'accepted');
  const signedOn = instant(status === 'closed' ? 500 : 60).slice(0, 10);
  pair.events = [
    { type: 'proposed', at: instant(status === 'closed' ? 520 : 80) },
    { type: 'accepted', at: instant(status === 'closed' ? 510 : 70) },
    {
      type: 'signed',
      at: instant(status === 'closed' ? 500 : 60),
      signatures: { mentor: signedOn, mentee: signedOn, structure: signedOn },
    },
    ...(status === 'closed'
      ? [{ type: 'closed' as const, at: instant(365), outcome: 'as-planned' as const }]
      : []),
  ];
  pair.status = status;
  // A fixture the reader would drop would make every refusal pass for the wrong reason.
  const checked = checkPair(pair);
  if (!checked.ok) throw new Error(`Invalid fixture pair: ${JSON.stringify(checked.problems)}`);
  const codes = {
    mentor: newFollowUpCode(crypto.getRandomValues(new Uint8Array(10))),
    mentee: newFollowUpCode(crypto.getRandomValues(new Uint8Array(10))),
  };
  const owner = (role: 'mentor' | 'mentee') => ({
    path: followUpCodePath(followUpCodeHash(normalizeFollowUpCode(codes[role])!)),
    content:
      JSON.stringify(
        { schemaVersion: 1, pairId: pair.id, role, issuedAt: pair.events[2]!.at },
        null,
        2,
      ) + '\n',
  });
  await store.commit(
    [
      { path: pairPath(pair.id), content: JSON.stringify(pair, null, 2) + '\n' },
      owner('mentor'),
      owner('mentee'),
    ],
    `Fixture pair ${n}`,
  );
  return { pairId: pair.id, codes };
}

type Entries = [string, string][];
type Fields = Record<string, string | readonly string[] | undefined>;

function entries(fields: Fields): Entries {
  return Object.entries(fields).flatMap(([name, value]) =>
    value === undefined
      ? []
      : (typeof value === 'string' ? [value] : value).map((v): [string, string] => [name, v]),
  );
}

/** A « point d'étape »: two meetings of the last weeks, and « plutôt bien ». */
export const aCheckInForm = (code: string, change: Fields = {}): Entries =>
  entries({
    'access.code': code,
    'meetings.first.date': typed(5),
    'meetings.first.mode': 'visio',
    'meetings.first.duration': '30-60',
    'meetings.second.date': typed(33),
    'meetings.second.mode': 'presentiel',
    'meetings.second.duration': '60-120',
    'mood.rating': '4',
    ...change,
  });

/** A bilan, its words kept within the pair unless `change` says otherwise. */
export const aBilanForm = (code: string, change: Fields = {}): Entries =>
  entries({
    'access.code': code,
    'outcome.objectivesReached': 'partly',
    'outcome.satisfaction': '5',
    'outcome.wouldRecommend': 'yes',
    'outcome.changes': ['confidence', 'clearer-project'],
    'words.text': 'Nos rendez-vous du mercredi vont nous manquer.',
    'words.sharing': 'pair-only',
    ...change,
  });

/** A meeting's day tomorrow: what the form refuses (« dans le futur »). */
export const tomorrow = typed(-1);

/**
 * Codes the intake must refuse in one and the same way: mistyped (a letter base 32 does not
 * have), well formed but nobody's, and a real one whose pair is no longer under way.
 */
export const wrongCodes = (closedPair: PairWithCodes) => ({
  mistyped: 'K7QM-3XRT-9BDA-6HPU',
  unknown: newFollowUpCode(crypto.getRandomValues(new Uint8Array(10))),
  pairClosed: closedPair.codes.mentee,
});
