import { parseCommandLine } from './parse-command-line.ts';
import { isRecipient, recipientsOf } from '../privacy/age-identities.ts';
import { openDataKey } from '../privacy/open-identity.ts';
import { encryptTo, checkRecipients } from '../privacy/seal-identity.ts';
import type { PrivacyDependencies } from './privacy-dependencies.ts';
import type { Progress } from './progress.ts';
import { UsageError } from './usage-error.ts';

const silentProgress: Progress = { start() {}, step() {}, done() {} };

const usage = `Utilisation :
  npm run keys -- new --out <fichier>
      crée une paire de clés age : la clé privée dans <fichier> (lisible par vous seul),
      la clé publique (age1…) affichée, à ajouter à « encryption.recipients » des réglages.
  npm run keys -- check [--key <clé privée>]
      vérifie que la clé privée donnée ouvre toutes les clés de données enregistrées (à faire
      avec la nouvelle clé, après une rotation, avant de détruire l’ancienne).
  npm run keys -- rotate [--key <ancienne clé privée>] [--to age1… …]
      chiffre à nouveau la clé de données de chaque personne pour les clés publiques des
      réglages (et celles de --to). Ensuite, une ancienne clé privée dont la clé publique a été
      retirée des réglages n’ouvre plus rien de ce qui est enregistré : détruisez-la.`;

/**
 * `npm run keys`: makes a key pair (`new`), or rotates the programme's keys (`rotate`): every
 * data key is opened with the old coordinators' key and encrypted again to the new recipients.
 * Records are not rewritten: their identities stay sealed to their own data keys. Every key is
 * opened before any is replaced, so a wrong key changes nothing.
 */
export async function runKeys(
  args: readonly string[],
  deps: PrivacyDependencies & {
    /** What the intake seals to: the settings' keys, and on the embedded default its own. */
    recipients: readonly string[];
    /** 2 for a data repository on GitHub (coordinators and offline backup), 1 locally. */
    minimumRecipients: number;
    generate: (file: string) => Promise<string>;
    /** Where the long part goes (one request a data key on GitHub): reading, then writing. */
    progress?: Progress;
  },
): Promise<void> {
  const progress = deps.progress ?? silentProgress;
  const parsed = parseCommandLine(
    args.length ? args : ['--help'],
    usage,
    {
      key: { type: 'string' },
      out: { type: 'string' },
      to: { type: 'string', multiple: true, default: [] },
    },
    deps.print,
  );
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [action, ...extra] = positionals;
  if (extra.length) throw new UsageError(usage);
  if (action === 'new') {
    if (!values.out) throw new UsageError(usage);
    const recipient = await deps.generate(values.out);
    deps.print(
      `Clé privée écrite dans ${values.out} (ne la mettez dans aucun dépôt).\nClé publique, à ajouter à « encryption.recipients » de content/programme.yaml :\n${recipient}`,
    );
    return;
  }
  if (action === 'check') {
    const identities = await deps.identities(values.key);
    const ids = await deps.store.keys.list();
    const unopened: string[] = [];
    progress.start(ids.length, 'Clés de données vérifiées');
    for (const id of ids) {
      try {
        await openDataKey(await deps.store.keys.read(id), identities);
        progress.step(id, 'ouverte');
      } catch {
        unopened.push(id);
        progress.step(id, 'non ouverte');
      }
    }
    progress.done();
    if (unopened.length)
      throw new UsageError(
        `La clé donnée n’ouvre pas ${unopened.length} des ${ids.length} clés de données (${unopened.slice(0, 20).join(', ')}${unopened.length > 20 ? '…' : ''}) : ne détruisez aucune ancienne clé. Relancez npm run keys -- rotate avec les anciennes et les nouvelles clés privées.`,
      );
    deps.print(
      ids.length
        ? `La clé donnée ouvre ${ids.length > 1 ? `les ${ids.length} clés` : 'la clé'} de données enregistrée${ids.length > 1 ? 's' : ''}.`
        : 'Aucune clé de données n’est enregistrée.',
    );
    return;
  }
  if (action !== 'rotate') throw new UsageError(usage);
  const wrong = values.to.find((r) => !isRecipient(r));
  if (wrong !== undefined)
    throw new UsageError('Chaque --to doit être une clé publique age X25519 (age1…).');
  // The target is what the intake seals new records to (the settings' keys, and on the embedded
  // default its own key file's) and `--to`: rotated keys and new records then agree.
  const recipients = [...new Set([...deps.recipients, ...values.to])];
  checkRecipients(recipients);
  if (recipients.length < deps.minimumRecipients)
    throw new UsageError(
      `Il faut au moins ${deps.minimumRecipients} clés publiques (celle de la coordination et celle de la sauvegarde hors ligne) : complétez « encryption.recipients » ou ajoutez --to.`,
    );
  const identities = await deps.identities(values.key);
  const opened = new Map<string, string>();
  // Keys made while the rotation runs (an application arriving) are rotated too.
  for (let round = 0; round < 5; round += 1) {
    const ids = (await deps.store.keys.list()).filter((id) => !opened.has(id));
    if (ids.length === 0) break;
    let unopened = 0;
    const batch = new Map<string, string>();
    progress.start(ids.length, 'Clés de données ouvertes');
    for (const id of ids) {
      const wrapped = await deps.store.keys.read(id);
      if (wrapped === undefined) {
        progress.step(id, 'effacée entre-temps');
        continue;
      }
      try {
        batch.set(id, await openDataKey(wrapped, identities));
        progress.step(id, 'ouverte');
      } catch {
        unopened += 1;
        progress.step(id, 'non ouverte');
      }
    }
    progress.done();
    // Every key is opened before any is replaced: a wrong key changes nothing.
    if (unopened)
      throw new UsageError(
        `Les clés privées données n’ouvrent pas ${unopened} des ${ids.length} clés de données${opened.size ? ` restantes (${opened.size} déjà chiffrées à nouveau) : rien d’autre n’a été changé.` : ' : rien n’a été changé.'} Donnez toutes les clés privées qui les ouvrent (anciennes et nouvelles, une par ligne du fichier --key).`,
      );
    progress.start(batch.size, 'Clés de données chiffrées à nouveau');
    for (const [id, dataKey] of batch) {
      try {
        await deps.store.keys.replace(id, await encryptTo(recipients, `${dataKey}\n`));
        progress.step(id, 'chiffrée à nouveau');
      } catch (error) {
        throw new UsageError(
          `La rotation s’est arrêtée après ${opened.size} clé${opened.size > 1 ? 's' : ''} de données sur ${opened.size + batch.size} (${error instanceof Error ? error.name : 'erreur'}). Relancez la même commande avec les anciennes et les nouvelles clés privées : elle reprend là où elle s’est arrêtée.`,
        );
      }
      opened.set(id, dataKey);
    }
    progress.done();
  }
  const given = await recipientsOf(identities);
  const kept = given.filter((r) => recipients.includes(r));
  deps.print(
    `${opened.size} clé${opened.size > 1 ? 's' : ''} de données chiffrée${opened.size > 1 ? 's' : ''} à nouveau pour ${recipients.length} clé${recipients.length > 1 ? 's' : ''} publique${recipients.length > 1 ? 's' : ''}.` +
      (kept.length === given.length
        ? ' Toutes les clés privées données ouvrent encore les données : pour en retirer une, enlevez sa clé publique de « encryption.recipients », puis relancez.'
        : ` Les clés privées données dont la clé publique n’est plus dans les réglages n’ouvrent plus ces clés de données. Avant de les détruire (et leurs copies) : vérifiez que l’accueil des candidatures (npm start, ou le service qui l’héberge) a redémarré avec les nouvelles clés publiques, relancez cette rotation une dernière fois pour les candidatures arrivées entre-temps, puis vérifiez avec npm run keys -- check --key <nouvelle clé>.${kept.length ? ` (Ouvrent encore les données : ${kept.join(', ')}.)` : ''}`),
  );
}
