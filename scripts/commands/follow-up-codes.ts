import { folders, followUpCodePath } from '../../schemas/data-layout.ts';
import type { FollowUpCode } from '../../schemas/follow-up.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { checkFollowUpCode } from '../../schemas/validators.ts';
import {
  followUpCodeHash,
  newFollowUpCode,
  normalizeFollowUpCode,
} from '../followup/follow-up-code.ts';
import { followUpSheet } from '../followup/follow-up-sheet.ts';
import type { DataStore, FileChange } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import type { Delivery } from './delivery.ts';

export type ParticipantRole = 'mentor' | 'mentee';

/** New follow-up codes for some of a pair's members: what to commit, and the codes to hand over. */
export interface CodeIssue {
  files: FileChange[];
  /** The owner files of the codes they replace: a lost or leaked code stops working. */
  remove: string[];
  /** What the replaced files held when read: the commit's guard. */
  unchanged: Map<string, string | undefined>;
  codes: Partial<Record<ParticipantRole, string>>;
}

/**
 * Follow-up codes for `roles` of `pair`, replacing any earlier ones. Only each code's hash goes
 * into the data repository (`followup-codes/<hash>.json`, naming the pair and the role).
 */
export async function issueCodes(
  store: DataStore,
  pair: Pair,
  roles: readonly ParticipantRole[],
  now: Date,
  random: (bytes: number) => Uint8Array,
): Promise<CodeIssue> {
  const { followUpCodes } = await readRecords(store, { folders: [folders.followUpCodes] });
  const remove = [...followUpCodes]
    .filter(([, owner]) => owner.pairId === pair.id && roles.includes(owner.role))
    .map(([hash]) => followUpCodePath(hash));
  // Two coordinators at once: the second finds the codes it replaces gone, and writes nothing
  // (two valid codes for one person would be one too many).
  const texts = await store.readFiles(remove);
  const unchanged = new Map(remove.map((path, i) => [path, texts[i]] as const));
  const files: FileChange[] = [];
  const codes: CodeIssue['codes'] = {};
  for (const role of roles) {
    const code = newFollowUpCode(random(8));
    const owner: FollowUpCode = {
      schemaVersion: 1,
      pairId: pair.id,
      role,
      issuedAt: now.toISOString(),
    };
    // Our own record: a failure here is a bug, caught before anything is written.
    if (!checkFollowUpCode(owner).ok) throw new Error('Built an invalid follow-up code owner.');
    files.push({
      path: followUpCodePath(followUpCodeHash(normalizeFollowUpCode(code)!)),
      content: JSON.stringify(owner, null, 2) + '\n',
    });
    codes[role] = code;
  }
  return { files, remove, unchanged, codes };
}

/** The owner files of every code of a pair (its end, its deletion, an erasure). */
export async function codeFilesOf(
  store: DataStore,
  pairIds: ReadonlySet<string>,
): Promise<string[]> {
  const { followUpCodes } = await readRecords(store, { folders: [folders.followUpCodes] });
  return [...followUpCodes]
    .filter(([, owner]) => pairIds.has(owner.pairId))
    .map(([hash]) => followUpCodePath(hash));
}

/**
 * Hands the codes over as one sheet per participant, through `deliver` (a folder on a terminal,
 * the job's artifact on GitHub): never into a comment, a log or a commit. Says where, in French.
 */
export async function deliverCodes(
  deliver: Delivery,
  pair: Pair,
  codes: CodeIssue['codes'],
  settings: ProgrammeSettings,
): Promise<string> {
  const roles = (['mentor', 'mentee'] as const).filter((role) => codes[role]);
  return deliver(
    roles.map((role) => ({
      path: `fiches-de-suivi/${pair.id}-${role === 'mentor' ? 'mentor' : 'mentore'}.txt`,
      content: followUpSheet({
        pairId: pair.id,
        role,
        code: codes[role]!,
        siteUrl: settings.site.url,
        structure: settings.structure,
      }),
    })),
  );
}

/** The bytes codes are made of: the caller's, or the platform's cryptographic randomness. */
export function random(deps: {
  random?: (bytes: number) => Uint8Array;
}): (bytes: number) => Uint8Array {
  return deps.random ?? ((bytes) => crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Where the new follow-up codes went, for the coordinator (the codes only on a terminal). */
export async function handedOver(
  deps: {
    deliver?: Delivery | undefined;
    showCodes?: boolean | undefined;
    settings: ProgrammeSettings;
  },
  pair: Pair,
  codes: CodeIssue | undefined,
): Promise<string> {
  if (!codes || !deps.deliver)
    return `Aucun code de suivi n’a été créé ici : npm run pair -- ${pair.id} codes les crée, sur un terminal.`;
  const where = await deliverCodes(deps.deliver, pair, codes.codes, deps.settings);
  const shown = deps.showCodes
    ? ` (${(['mentor', 'mentee'] as const)
        .filter((role) => codes.codes[role])
        .map((role) => `${role === 'mentor' ? 'mentor' : 'mentoré'} : ${codes.codes[role]}`)
        .join(' ; ')})`
    : '';
  return `Codes de suivi${shown} : une fiche par participant, à lui remettre, ${where}. Ils ne seront plus affichés ; npm run pair -- ${pair.id} codes en refait.`;
}
