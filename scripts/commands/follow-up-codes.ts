import { folders, followUpCodePath } from '../../schemas/data-layout.ts';
import { parseJson } from '../../schemas/parse-json.ts';
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
  // Every file naming the pair for these roles, a broken one too (see codeFilesNaming).
  const replaced = (await codeFilesNaming(store, new Set([pair.id]))).filter(
    (owner) => owner.role === undefined || roles.includes(owner.role as ParticipantRole),
  );
  const remove = replaced.map((owner) => owner.path);
  // Two coordinators at once: the second finds the codes it replaces gone, and writes nothing
  // (two valid codes for one person would be one too many).
  const unchanged = new Map(replaced.map((owner) => [owner.path, owner.text] as const));
  const files: FileChange[] = [];
  const codes: CodeIssue['codes'] = {};
  for (const role of roles) {
    const code = newFollowUpCode(random(10));
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

/**
 * The owner files that name one of `pairIds`, valid or not: one broken by a hand edit is
 * refused by the intake today, but would let its code work again once someone repairs it, so a
 * code replaced or revoked goes whatever its file's state (hostile review).
 */
export async function codeFilesNaming(
  store: DataStore,
  pairIds: ReadonlySet<string>,
): Promise<{ path: string; text: string | undefined; role: string | undefined }[]> {
  const paths = (await store.listFiles(folders.followUpCodes)).filter((p) => p.endsWith('.json'));
  const texts = await store.readFiles(paths);
  return paths.flatMap((path, i) => {
    const text = texts[i];
    const parsed = text === undefined ? undefined : parseJson(text);
    const value = (parsed?.ok ? parsed.value : undefined) as
      { pairId?: unknown; role?: unknown } | null | undefined;
    return typeof value?.pairId === 'string' && pairIds.has(value.pairId)
      ? [{ path, text, role: typeof value.role === 'string' ? value.role : undefined }]
      : [];
  });
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
