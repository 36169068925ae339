import { parseCommandLine } from './parse-command-line.ts';
import {
  conventionPath,
  folders,
  followUpCodePath,
  isPairId,
  pairOfPath,
  retentionBranch,
} from '../../schemas/data-layout.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { retentionPlan, type RetentionItem } from '../records/retention-plan.ts';
import type { FileChange } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { validateBranch } from './validate-branch.ts';
import { escapeFrenchMarkdown } from '../text/escape-markdown.ts';
import { erasureChange } from './erase-person.ts';
import { personFrom } from './person-records.ts';
import type { PrivacyDependencies } from './privacy-dependencies.ts';
import { pairOfConventionFile } from './convention-folder.ts';
import { destroyErasedKeys } from './run-erase.ts';
import { UsageError } from './usage-error.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { frenchDate } from '../text/french-date.ts';

const usage = `Utilisation :
  npm run retention              propose de supprimer ce qui a dépassé sa durée de conservation
                                 (branche ${retentionBranch}, une pull request à relire)
  npm run retention -- --apply   fusionne cette proposition, puis détruit les clés des personnes
                                 effacées`;

/** The pull request's body: ids, rules and reasons, never a name. */
export function retentionBody(items: readonly RetentionItem[], today: string): string {
  const line = (item: RetentionItem) =>
    `| ${item.type === 'person' ? `\`${item.id}\` (personne\u00a0: candidature, décision, clé)` : `\`${item.path}\``} | ${escapeFrenchMarkdown(item.reason)} |`;
  const shown = items.slice(0, 500);
  return [
    frenchTypography(
      `Au ${frenchDate(today)}, ${items.length === 1 ? 'un élément a' : `${items.length} éléments ont`} dépassé la durée de conservation fixée dans les réglages (\`dataProtection.retention\`).`,
    ),
    '',
    frenchTypography(
      'Fusionner cette pull request les supprime des données actuelles du dépôt (branche main), puis détruit la clé de données de chaque personne effacée : son identité ne peut plus être lue dans aucune version de l’historique. Ce que les bilans comptent est gardé dans `erasures/`, sans rien qui permette d’identifier quelqu’un.',
    ),
    '',
    frenchTypography(
      'Cette pull request est refaite chaque semaine d’après les réglages : pour garder des données plus longtemps, ne la fusionnez pas et changez la durée dans `dataProtection.retention` (content/programme.yaml).',
    ),
    '',
    '| ce qui est supprimé | motif |',
    '| --- | --- |',
    ...shown.map(line),
    ...(items.length > shown.length
      ? ['', `… et ${items.length - shown.length} autres (voir les fichiers modifiés).`]
      : []),
  ].join('\n');
}

/**
 * `npm run retention` (and the scheduled retention workflow): proposes, as one pull request on
 * the branch `conservation`, to delete what is past its retention period; `--apply` (and the
 * workflow, once the pull request is merged) merges it and destroys the erased people's keys.
 * Keys are destroyed only after the merge: an unmerged proposal loses nothing.
 */
export async function runRetention(
  args: readonly string[],
  deps: PrivacyDependencies & {
    settings: ProgrammeSettings;
    today: string;
  },
): Promise<void> {
  const parsed = parseCommandLine(
    args,
    usage,
    { apply: { type: 'boolean', default: false }, merged: { type: 'boolean', default: false } },
    deps.print,
  );
  if (!parsed) return;
  if (parsed.positionals.length) throw new UsageError(usage);
  const { values } = parsed;
  const { store } = deps;
  if (values.apply || values.merged) {
    if (values.apply) {
      // Checked again now: someone screened or paired since the proposal is no longer due.
      const [proposed, current] = await Promise.all([
        readRecords(store, { branch: retentionBranch, folders: ['erasures'] }),
        readRecords(store),
      ]);
      const due = new Set(
        retentionPlan(current, deps.settings, deps.today).flatMap((i) =>
          i.type === 'person' ? [i.id] : [],
        ),
      );
      const stale = [...proposed.erasures.keys()].filter(
        (id) => !current.erasures.has(id) && !due.has(id),
      );
      if (stale.length)
        throw new UsageError(
          `Cette proposition de conservation est dépassée : ${stale.join(', ')} ${stale.length > 1 ? 'ne sont' : 'n’est'} plus à effacer aujourd’hui. Relancez npm run retention pour la refaire, puis --apply.`,
        );
      await store.mergeBranch(retentionBranch, 'Apply the retention periods');
    }
    const { destroyed, kept } = await destroyErasedKeys(deps);
    await removePrintableConventions(deps);
    deps.print(
      destroyed.length
        ? `Clés de données détruites : ${destroyed.join(', ')}.`
        : 'Aucune clé à détruire : les personnes effacées n’en avaient plus.',
    );
    if (kept.length)
      deps.print(
        `Clés gardées, car ces personnes ont eu une décision ou un binôme depuis la proposition, ou leur candidature est revenue : ${kept.join(', ')}. Leur candidature a été supprimée à tort : annulez cette suppression (« Revert » sur la pull request) ; leur clé l’ouvre encore.`,
      );
    return;
  }
  const set = await readRecords(store);
  const items = retentionPlan(set, deps.settings, deps.today);
  if (items.length === 0) {
    deps.print('Rien n’a dépassé sa durée de conservation aujourd’hui.');
    return;
  }
  const files: FileChange[] = [];
  const remove: string[] = [];
  for (const item of items) {
    if (item.type === 'file') remove.push(item.path);
    else {
      const change = erasureChange(
        await personFrom(store, set, item.id),
        'retention',
        deps.today,
        deps.timeZone,
      );
      if (change) {
        files.push(...change.files);
        remove.push(...change.remove);
      }
    }
  }
  // The sealed conventions of the pairs deleted, or of an erased person's pairs, go with them
  // (a path that is not there is ignored): nothing that names them stays in main.
  const deleted = remove.flatMap((path) => {
    const id = pairOfPath(path);
    return id && isPairId(id) ? [id] : [];
  });
  const pairIds = new Set(deleted);
  for (const item of items)
    if (item.type === 'person')
      for (const pair of set.pairs)
        if (pair.mentor === item.id || pair.mentee === item.id) pairIds.add(pair.id);
  for (const id of pairIds) remove.push(conventionPath(id));
  // A deleted pair's follow-ups (check-ins, bilans: issue 12) go with it.
  for (const id of deleted) remove.push(...(await store.listFiles(`${folders.followups}/${id}`)));
  // And their follow-up codes, which would otherwise name a pair that no longer exists.
  const gone = new Set(deleted);
  for (const [hash, owner] of set.followUpCodes)
    if (gone.has(owner.pairId)) remove.push(followUpCodePath(hash));
  // Rebuilt from main every time: a proposal made stale by an erasure since (which would
  // conflict) is replaced, never left to merge.
  await store.ensureBranch(retentionBranch, { reset: true });
  // A pair deleted here is not also rewritten (without its free words) for its erased people.
  const removed = new Set(remove);
  await store.commit(
    files.filter((f) => !removed.has(f.path)),
    'Delete what is past its retention period',
    { branch: retentionBranch, remove: [...removed] },
  );
  const thread = await store.upsertPullRequest({
    branch: retentionBranch,
    title: frenchTypography(
      `Conservation des données : ${items.length} suppression${items.length > 1 ? 's' : ''} à valider`,
    ),
    body: retentionBody(items, deps.today),
  });
  // A pull request opened with the workflow's token starts no workflow: validate it here.
  await validateBranch(store, deps.settings, { number: thread.number, branch: retentionBranch });
  deps.print(
    `Proposition de suppression : ${items.length} élément${items.length > 1 ? 's' : ''} (${thread.url}). Relisez-la, puis fusionnez-la${deps.onGitHub ? ' sur GitHub' : ' avec npm run retention -- --apply'}.`,
  );
}

/**
 * On the embedded default, the printable conventions (`<data>/conventions`) of pairs that main
 * no longer holds, or whose member is erased: once the retention is applied, none stays on disk.
 */
async function removePrintableConventions(deps: PrivacyDependencies): Promise<void> {
  if (!deps.conventions) return;
  const set = await readRecords(deps.store, { folders: ['pairs', 'erasures'] });
  const pairs = new Map(set.pairs.map((p) => [p.id, p]));
  // A pair file that cannot be read right now (a hand edit gone wrong) keeps its convention.
  const unreadable = new Set(set.unreadable.map((u) => pairOfPath(u.path)));
  for (const name of await deps.conventions.list()) {
    const id = pairOfConventionFile(name);
    if (!id || unreadable.has(id)) continue;
    const pair = pairs.get(id);
    if (!pair || set.erasures.has(pair.mentor) || set.erasures.has(pair.mentee))
      await deps.conventions.remove(name);
  }
}
