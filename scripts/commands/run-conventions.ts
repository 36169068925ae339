import {
  applicationPath,
  conventionPath,
  folders,
  isPairId,
  pairOfPath,
} from '../../schemas/data-layout.ts';
import type { OpenedMenteeApplication } from '../../schemas/mentee-application.schema.ts';
import type { OpenedMentorApplication } from '../../schemas/mentor-application.schema.ts';
import { holdingStatuses, type Pair } from '../../schemas/pair.schema.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { findPlaceholders } from '../../schemas/read-settings.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import type { ConventionAssets } from '../convention/build-template.ts';
import {
  ConventionMaker,
  changedSinceWritten,
  fingerprintOf,
} from '../convention/convention-maker.ts';
import { conventionParticulars } from '../convention/convention-particulars.ts';
import { openDataKey } from '../privacy/open-identity.ts';
import { openConvention, sealConvention } from '../privacy/seal-convention.ts';
import type { DataStore, FileChange } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import {
  conventionFileName,
  pairOfConventionFile,
  type ConventionFolder,
} from './convention-folder.ts';
import { parseCommandLine } from './parse-command-line.ts';
import type { Progress } from './progress.ts';
import { UsageError } from './usage-error.ts';

const usage = `Utilisation :
  npm run conventions [-- <binôme>…] [--tous] [--refaire] [--key <fichier de clé>]
    écrit la convention de mentorat remplie (PDF) de chaque binôme accepté dont la convention
    n’est pas encore à jour, dans le dossier des conventions (sur le dépôt local : data/conventions).
    <binôme>          seulement ces binômes (par exemple pair-7f3k9q-a1b2c3), même s’ils sont
                      déjà en cours ou en pause
    --tous            aussi les binômes en cours ou en pause
    --refaire         réécrit aussi les conventions déjà à jour
    --key <fichier>   le fichier de la clé privée de la coordination (sinon celle que npm start a
                      créée) ; lue pour ouvrir les identités, jamais enregistrée`;

/** Fields to write by hand, for a person: why, since the value itself is never said. */
export function handwrittenList(fields: readonly string[]): string {
  return `${fields.map((f) => `« ${f} »`).join(', ')} (nom absent de la candidature, ou écrit avec des caractères que la police de caractères du PDF ne contient pas)`;
}

export interface ConventionsDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  assets: () => Promise<ConventionAssets>;
  identities: (keyFile?: string) => Promise<string[]>;
  folder: ConventionFolder;
  now: () => Date;
  print: (line: string) => void;
  progress: Progress;
  /**
   * Refuse settings whose values the convention prints are still « [À compléter : …] » (on
   * GitHub, where conventions are real); otherwise they are only pointed out (a trial).
   */
  refusePlaceholders?: boolean;
}

export interface ConventionsOutcome {
  written: string[];
  upToDate: string[];
  failed: { id: string; reason: string }[];
  removed: string[];
  /** Conventions changed since they were written (signed on screen): kept as they are. */
  kept: string[];
  /** Pairs whose convention has something to write by hand (by label, never by value). */
  handwritten: { id: string; fields: string[] }[];
}

/** Which pairs get a convention: the ones named, or the accepted ones (all holding ones with --tous). */
function selected(pairs: readonly Pair[], named: readonly string[], all: boolean): Pair[] {
  if (named.length > 0) return named.map((id) => pairs.find((p) => p.id === id)!);
  return pairs.filter((p) => (all ? holdingStatuses.includes(p.status) : p.status === 'accepted'));
}

/**
 * `npm run conventions`, and the conventions job on GitHub (issue 11): the filled convention of
 * each accepted pair, written to a folder. Opening identities needs the coordinators' key; a
 * pair whose people cannot be opened is reported and the others go on. A convention already up
 * to date (its fingerprint: same particulars, text, settings and fonts) is not written again;
 * a convention whose pair main no longer has, or one of whose members was erased, is removed
 * from the folder; one changed since it was written (signed on screen) is never overwritten.
 */
export async function runConventions(
  args: readonly string[],
  deps: ConventionsDependencies,
): Promise<ConventionsOutcome | undefined> {
  const parsed = parseCommandLine(
    args,
    usage,
    {
      key: { type: 'string' },
      tous: { type: 'boolean' },
      refaire: { type: 'boolean' },
    },
    deps.print,
  );
  if (!parsed) return undefined;
  const { values, positionals } = parsed;
  const wrong = positionals.find((p) => !isPairId(p));
  if (wrong !== undefined)
    throw new UsageError(
      // Never repeated: it may be a name.
      `Un des arguments n’est pas un identifiant de binôme (par exemple pair-7f3k9q-a1b2c3) : donnez des identifiants, jamais un nom.\n\n${usage}`,
    );
  const { pairs, unreadable } = await readRecords(deps.store, { folders: [folders.pairs] });
  const missing = positionals.find((id) => !pairs.some((p) => p.id === id));
  if (missing) throw new UsageError(`Le binôme ${missing} n’existe pas dans le dépôt de données.`);
  const chosen = selected(pairs, positionals, values.tous === true);
  const outcome: ConventionsOutcome = {
    written: [],
    upToDate: [],
    failed: [],
    removed: [],
    kept: [],
    handwritten: [],
  };

  // The folder keeps the conventions of the pairs main has, closed ones included (kept as long
  // as their pair, by the retention periods): a pair deleted by the retention loses its own.
  // A pair whose file cannot be read right now (a hand edit gone wrong) keeps its convention.
  const known = new Set([...pairs.map((p) => p.id), ...unreadable.map((u) => pairOfPath(u.path))]);
  for (const name of await deps.folder.list()) {
    const id = pairOfConventionFile(name);
    if (id && !known.has(id)) {
      await deps.folder.remove(name);
      outcome.removed.push(id);
    }
  }

  if (chosen.length === 0) {
    deps.print(
      outcome.removed.length > 0
        ? `Aucune convention à écrire ; ${outcome.removed.length} retirée(s) du dossier (binômes supprimés ou effacés).`
        : 'Aucun binôme accepté n’attend sa convention.',
    );
    return outcome;
  }

  const unfinished = [
    ...findPlaceholders(deps.settings.structure.address, 'structure.address'),
    ...findPlaceholders(deps.settings.mentoring.coordinators ?? [], 'mentoring.coordinators'),
  ].map((p) => p.field);
  if (unfinished.length > 0) {
    const what = `les réglages (content/programme.yaml) ont encore des valeurs « [À compléter : …] » que la convention imprimerait : ${unfinished.join(', ')}`;
    if (deps.refusePlaceholders)
      throw new UsageError(`Aucune convention produite : ${what}. Complétez-les, puis relancez.`);
    deps.print(`Attention : ${what}.`);
  }
  const identities = await deps.identities(values.key);
  const people = chosen.flatMap((p) => [applicationPath(p.mentor), applicationPath(p.mentee)]);
  const set = await readRecords(deps.store, { folders: [], paths: people, identities });
  const maker = new ConventionMaker(await deps.assets());
  const now = deps.now();
  // `conventions.delivery: commit`: a sealed copy in the repository too, which only both
  // members' data keys open (scripts/privacy/seal-convention.ts).
  const archive = deps.settings.conventions?.delivery === 'commit';
  const archived: FileChange[] = [];
  // Both data keys of a pair, opened once however often its sealed copy is read or written.
  const keys = new Map<string, Promise<{ mentor: string; mentee: string }>>();
  const keysOf = (pair: Pair) => {
    let opened = keys.get(pair.id);
    if (!opened) {
      opened = (async () => ({
        mentor: await openDataKey(await deps.store.keys.read(pair.mentor), identities),
        mentee: await openDataKey(await deps.store.keys.read(pair.mentee), identities),
      }))();
      keys.set(pair.id, opened);
    }
    return opened;
  };
  deps.progress.start(chosen.length, 'Conventions');
  for (const pair of chosen) {
    const reason = problem(pair, set);
    if (reason === 'erased') {
      // One of them was erased while the pair holds: their convention must not stay printable.
      await deps.folder.remove(conventionFileName(pair.id));
      outcome.removed.push(pair.id);
      deps.progress.step(pair.id, 'retirée\u00a0: une personne effacée');
      continue;
    }
    if (typeof reason === 'string') {
      outcome.failed.push({ id: pair.id, reason });
      deps.progress.step(pair.id, 'en échec');
      continue;
    }
    const particulars = conventionParticulars(pair, reason.mentor, reason.mentee, deps.settings);
    const coordinators = deps.settings.mentoring.coordinators ?? [];
    if (pair.coordinator && !coordinators.some((c) => c.id === pair.coordinator))
      deps.print(
        `Le binôme ${pair.id} est suivi par « ${pair.coordinator} », qui n’est pas dans mentoring.coordinators des réglages : sa convention nomme ${coordinators.length ? 'la première personne de la liste' : 'personne'}.`,
      );
    if (particulars.start === '') {
      // Neither its cohort in the settings nor a date of acceptance: no date to print.
      outcome.failed.push({
        id: pair.id,
        reason: `sa cohorte ${pair.cohort} n’est plus dans les réglages et il n’a pas de date d’acceptation`,
      });
      deps.progress.step(pair.id, 'en échec');
      continue;
    }
    const name = conventionFileName(pair.id);
    const fingerprint = await maker.fingerprint(particulars);
    const existing = await deps.folder.read(name);
    if (existing && !values.refaire && changedSinceWritten(existing)) {
      // Signed on screen, or saved again by a viewer: a person's work is never overwritten.
      outcome.kept.push(pair.id);
      deps.progress.step(pair.id, 'modifiée depuis, gardée');
      continue;
    }
    // The archived copy (delivery: commit), opened only when it is needed.
    const archivedCopy = async (): Promise<Uint8Array | undefined> => {
      const sealed = await deps.store.readFile(conventionPath(pair.id));
      if (sealed === undefined) return undefined;
      try {
        return await openConvention(sealed, await keysOf(pair));
      } catch {
        return undefined; // A copy that no longer opens is made again.
      }
    };
    let upToDate =
      !values.refaire && existing !== undefined && fingerprintOf(existing) === fingerprint;
    if (!values.refaire && archive) {
      const copy = await archivedCopy();
      const copyUpToDate = copy !== undefined && fingerprintOf(copy) === fingerprint;
      if (copyUpToDate && !upToDate) {
        // A workflow's fresh artifact folder gets the archived copy, as it was.
        await deps.folder.write(name, copy);
        upToDate = true;
      } else if (upToDate && !copyUpToDate)
        archived.push({
          path: conventionPath(pair.id),
          content: await sealConvention(existing!, await keysOf(pair)),
        });
    }
    if (upToDate) {
      outcome.upToDate.push(pair.id);
      deps.progress.step(pair.id, 'déjà à jour');
      continue;
    }
    const filled = await maker.fill(particulars, now, fingerprint);
    await deps.folder.write(name, filled.bytes);
    if (archive)
      archived.push({
        path: conventionPath(pair.id),
        content: await sealConvention(filled.bytes, await keysOf(pair)),
      });
    outcome.written.push(pair.id);
    if (filled.handwritten.length > 0)
      outcome.handwritten.push({ id: pair.id, fields: filled.handwritten.map((h) => h.field) });
    deps.progress.step(pair.id, existing ? 'mise à jour' : 'écrite');
  }
  if (archived.length > 0)
    try {
      await deps.store.commit(
        archived,
        `Keep the sealed conventions of ${archived.length} pair(s)`,
      );
    } catch (error) {
      // The PDFs are written all the same: only their sealed copies wait for the next run.
      if (error instanceof TypeError || error instanceof RangeError) throw error;
      for (const file of archived)
        outcome.failed.push({
          id: file.path.replace(/^.*\/|\.pdf\.age$/g, ''),
          reason:
            'convention écrite, mais sa copie chiffrée n’a pas pu être enregistrée dans le dépôt de données (relancez la commande)',
        });
    }
  deps.progress.done();
  report(outcome, deps);
  return outcome;
}

function problem(
  pair: Pair,
  set: Awaited<ReturnType<typeof readRecords>>,
): string | { mentor: OpenedMentorApplication; mentee: OpenedMenteeApplication } {
  const open = (id: string) => {
    const unopened = set.unopened.find((u) => u.id === id);
    if (unopened) return `l’identité de ${id} n’a pas pu être ouverte : ${unopened.reason}`;
    const unreadable = set.unreadable.find((u) => u.path === applicationPath(id));
    if (unreadable) return `la candidature de ${id} n’a pas pu être lue`;
    const record = set.applications.find((a) => a.id === id);
    if (!record) return 'erased' as const;
    if (isSealed(record.identity)) return `l’identité de ${id} est restée chiffrée`;
    return record;
  };
  const mentor = open(pair.mentor);
  if (typeof mentor === 'string') return mentor;
  const mentee = open(pair.mentee);
  if (typeof mentee === 'string') return mentee;
  return {
    mentor: mentor as unknown as OpenedMentorApplication,
    mentee: mentee as unknown as OpenedMenteeApplication,
  };
}

function report(outcome: ConventionsOutcome, deps: ConventionsDependencies): void {
  const { written, upToDate, failed, removed, kept, handwritten } = outcome;
  deps.print(
    `${written.length} convention(s) écrite(s), ${upToDate.length} déjà à jour` +
      (failed.length ? `, ${failed.length} en échec` : '') +
      (removed.length ? `, ${removed.length} retirée(s) (binômes supprimés ou effacés)` : '') +
      (kept.length ? `, ${kept.length} gardée(s) telle(s) quelle(s)` : '') +
      ` — dossier : ${deps.folder.where}`,
  );
  for (const h of handwritten)
    deps.print(
      `À compléter à la main sur la convention de ${h.id} : ${handwrittenList(h.fields)}.`,
    );
  for (const id of kept)
    deps.print(
      `La convention de ${id} a été modifiée depuis qu’elle a été écrite (signée à l’écran ?) : gardée telle quelle ; --refaire la remplacerait.`,
    );
  for (const f of failed) deps.print(`Convention de ${f.id} non écrite : ${f.reason}.`);
}
