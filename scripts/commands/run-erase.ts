import { parseCommandLine, personId } from './parse-command-line.ts';
import {
  applicationPath,
  conventionPath,
  erasurePath,
  folders,
  screeningPath,
} from '../../schemas/data-layout.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { holdingStatuses } from '../../schemas/pair.schema.ts';
import { StaleFileError } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { conventionFileName } from './convention-folder.ts';
import { erasureChange } from './erase-person.ts';
import { findPeople, personFrom } from './person-records.ts';
import type { PrivacyDependencies } from './privacy-dependencies.ts';
import { UsageError } from './usage-error.ts';

const usage = `Utilisation :
  npm run erase -- <id>
    efface une personne (mentee-… ou mentor-…) : sa candidature et sa décision de sélection sont
    retirées, et la clé qui ouvrait son identité est détruite. Son identité devient illisible
    partout, même dans l’historique du dépôt, où son parcours (études, objectifs) reste lisible,
    sans nom. Irréversible.`;

/**
 * The records are gone from main but the key could not be destroyed (the data repository failed
 * in between): said plainly, with what to do, since « nothing was saved » would be false.
 */
export class ErasureIncompleteError extends UsageError {
  override name = 'ErasureIncompleteError';
  constructor(id: string, options?: ErrorOptions) {
    super(
      `L’effacement de ${id} n’est pas terminé : sa candidature est retirée des données actuelles du dépôt (branche main), mais sa clé de données n’a pas pu être détruite. Relancez l’effacement avec le même identifiant (la commande, ou « Effacer une personne » sur GitHub) : il terminera le travail.`,
      options,
    );
  }
}

/** What stays after an erasure, and why it is harmless: said to the coordinator every time. */
export function whatRemains(id: string, onGitHub: boolean, pairs: readonly string[]): string {
  return [
    `Ce qui reste :`,
    `- Les versions passées de la candidature de ${id} restent dans l’historique Git (et dans chaque copie du dépôt). L’identité y est chiffrée avec la clé de données de ${id}, qui est maintenant détruite : elle ne peut plus être ouverte, même avec la clé de la coordination${onGitHub ? ' (sur GitHub, voir la dernière ligne)' : ''}.`,
    `- Le parcours de la personne (études ou métier, objectifs, disponibilités) y reste lisible, sans nom ni coordonnées : ce sont des données pseudonymisées, pas anonymes. Gardez le dépôt privé.`,
    `- erasures/${id}.json garde ce que les bilans comptent (rôle, cohorte, mois, étape de la sélection), sans rien qui identifie la personne.`,
    ...(pairs.length
      ? [
          `- Les binômes ${pairs.join(', ')} restent, car ils concernent aussi l’autre membre : ils ne désignent plus cette personne que par son identifiant, et les motifs notés sur leurs étapes ont été retirés, comme les textes libres de leurs bilans ; leurs codes de suivi ne marchent plus. Leurs conventions ne peuvent plus être produites${onGitHub ? ' ; leur copie chiffrée éventuelle est supprimée et ne peut plus être ouverte' : ', et celles du dossier des conventions ont été supprimées'}.`,
          ...(onGitHub
            ? [
                `- Les conventions déjà remises comme artefact d’une exécution de « Binômes » ou de « Conventions » restent téléchargeables jusqu’à leur expiration (conventions.artifactRetentionDays, 7 jours par défaut) : pour les supprimer tout de suite, ouvrez ces exécutions dans l’onglet « Actions » et supprimez l’artefact « conventions ». Les exemplaires imprimés ou signés se détruisent à la main.`,
              ]
            : [
                `- Les exemplaires imprimés ou envoyés de ces conventions se détruisent à la main.`,
              ]),
        ]
      : []),
    onGitHub
      ? `- Sur GitHub, une copie de la clé détruite reste quelque temps sur les serveurs de GitHub, hors d’atteinte des clones, jusqu’à leur ménage ; elle est chiffrée pour la clé de la coordination et celle de la sauvegarde. Pour qu’elle ne puisse plus jamais être ouverte : créez deux nouvelles clés (npm run keys -- new), mettez leurs clés publiques dans les réglages, lancez npm run keys -- rotate, puis détruisez les anciennes clés privées.`
      : `- Sur ce dépôt local, le fichier de la clé a été écrasé puis supprimé.`,
  ].join('\n');
}

/**
 * `npm run erase -- <id>` (and the « Effacer une personne » workflow): removes the person's
 * records from main in one commit (message: the id only), then destroys their data key, then
 * checks that it is gone. Needs no private key: erasing opens nothing. Running it again finishes
 * an erasure that stopped halfway.
 */
export async function runErase(args: readonly string[], deps: PrivacyDependencies): Promise<void> {
  const parsed = parseCommandLine(args, usage, {}, deps.print);
  if (!parsed) return;
  const id = personId(parsed.positionals, usage);
  const today = dateIn(deps.timeZone, deps.now());
  for (let attempt = 1; ; attempt += 1) {
    // The texts the change is built from are its guard, read before it: whoever writes one of
    // them from now on (a coordinator's step on a pair) makes the commit fail, and the erasure
    // starts again from what they wrote, never over it.
    const guarded = [
      ...(await deps.store.listFiles(folders.pairs)),
      ...(await deps.store.listFiles(folders.followups)),
      ...(await deps.store.listFiles(folders.followUpCodes)),
      applicationPath(id),
      screeningPath(id),
      erasurePath(id),
    ];
    const before = new Map(
      (await deps.store.readFiles(guarded)).map((text, i) => [guarded[i]!, text] as const),
    );
    const { set } = await findPeople(deps.store, id, undefined);
    const person = await personFrom(deps.store, set, id);
    const erasure = erasureChange(person, 'request', today, deps.timeZone);
    // Their pairs' sealed conventions (`conventions.delivery: commit`) go too: once the key is
    // destroyed no one can open them anyway, but nothing that names them should stay in main.
    const sealed = person.pairs.map((p) => conventionPath(p.id));
    const kept = (await deps.store.readFiles(sealed)).flatMap((text, i) =>
      text === undefined ? [] : [sealed[i]!],
    );
    const change =
      kept.length > 0
        ? { files: erasure?.files ?? [], remove: [...(erasure?.remove ?? []), ...kept] }
        : erasure;
    if (change) {
      const unchanged = new Map<string, string | undefined>();
      try {
        // Every file changed must still be as read (the erasure record still absent): a
        // coordinator erasing the same person twice at once makes one commit.
        for (const path of [...change.remove, ...change.files.map((f) => f.path)])
          unchanged.set(
            path,
            before.has(path) ? before.get(path) : await deps.store.readFile(path),
          );
        await deps.store.commit(change.files, `Erase ${id}`, { remove: change.remove, unchanged });
      } catch (error) {
        if (error instanceof StaleFileError && attempt < 3) continue;
        throw error;
      }
    }
    let destroyed: boolean;
    try {
      destroyed = await deps.store.keys.destroy(id);
      if ((await deps.store.keys.read(id)) !== undefined) throw new Error('Key still there.');
    } catch (error) {
      throw new ErasureIncompleteError(id, { cause: error });
    }
    // The embedded default's printable conventions name them: removed from <data>/conventions.
    for (const pair of person.pairs) await deps.conventions?.remove(conventionFileName(pair.id));
    deps.print(
      erasure
        ? `L’effacement de ${id} est fait : candidature${person.decision ? ', décision de sélection' : ''} et clé de données supprimées.`
        : destroyed
          ? `${id} n’avait plus de données dans la branche main ; sa clé de données restante est maintenant détruite.`
          : `L’effacement de ${id} était déjà fait ; sa clé de données est bien détruite.`,
    );
    deps.print(
      whatRemains(
        id,
        deps.onGitHub,
        person.pairs.map((p) => p.id),
      ),
    );
    return;
  }
}

/**
 * Destroys the data key of everyone main records as erased (`erasures/`): after a retention pull
 * request is merged, and whenever an erasure stopped before its key was destroyed. Returns the
 * ids whose key it destroyed.
 */
export async function destroyErasedKeys(
  deps: Pick<PrivacyDependencies, 'store'>,
): Promise<{ destroyed: string[]; kept: string[] }> {
  const set = await readRecords(deps.store, { folders: ['erasures', 'pairs'] });
  const destroyed: string[] = [];
  const kept: string[] = [];
  for (const id of [...set.erasures.keys()].sort()) {
    // Still needed: an application back on main (a coordinator who restored it), a decision on
    // main (screened after the proposal was made), or a pair in progress that names them (paired
    // after it). Their key keeps opening what a revert brings back.
    const inPair = set.pairs.some(
      (p) => (p.mentor === id || p.mentee === id) && holdingStatuses.includes(p.status),
    );
    const back = await deps.store.readFiles([applicationPath(id), screeningPath(id)]);
    // A decision on main means someone screened them after the proposal was made: still needed.
    if (inPair || back.some((text) => text !== undefined)) {
      if ((await deps.store.keys.read(id)) !== undefined) kept.push(id);
      continue;
    }
    if (await deps.store.keys.destroy(id)) destroyed.push(id);
  }
  return { destroyed, kept };
}
