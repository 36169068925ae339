import { folders, reportBranch, reportFolder } from '../../schemas/data-layout.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { followUpRulesFrom } from '../followup/follow-up-rules.ts';
import { isDay } from '../followup/pair-transitions.ts';
import { KeyFileError } from '../privacy/age-identities.ts';
import { compileReport, type CompiledReport } from '../reporting/compile-report.ts';
import { reportDay, reportPeriod, ReportPeriodError } from '../reporting/report-period.ts';
import { reportRulesFrom } from '../reporting/report-settings.ts';
import { reportFiles } from '../reporting/report-summary.ts';
import { sensitiveTerms } from '../reporting/sensitive-terms.ts';
import type { DataStore, FileChange } from '../store/data-store.ts';
import { readRecords } from '../store/read-records.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { UsageError } from './usage-error.ts';

export const reportUsage = `Utilisation :
  npm run report -- --period <période> [--date AAAA-MM-JJ] [--key <fichier>]
      compile le bilan du programme pour la période : un mois (2026-11), une année scolaire
      (2026-2027, du 1er septembre au 31 août) ou une cohorte des réglages (cohorte-2026-2027).
      Effectifs seulement, jamais un nom ni un identifiant ; un effectif inférieur au seuil des
      réglages (5) est écrit « moins de 5 », et ce qui permettrait de le retrouver est masqué.
      Écrit reports/<période>/ (la page, son PDF, ses graphiques, les chiffres en CSV) dans le
      dépôt de données, et en affiche le résumé.
      --date : arrête les chiffres à ce jour (par défaut aujourd’hui, ou la fin de la période).
      --key : la clé privée de la coordination, qui ouvre les noms pour les retirer des citations
      (sans elle, les citations ne sont pas publiées).`;

/** The record folders a report counts from. */
export const reportedFolders = [
  folders.mentor,
  folders.mentee,
  folders.screening,
  folders.pairs,
  folders.erasures,
  folders.followups,
] as const;

export interface ReportDependencies {
  store: DataStore;
  settings: ProgrammeSettings;
  now: () => Date;
  print: (line: string) => void;
  /** The coordinators' private keys; rejects with a KeyFileError when there are none. */
  identities: (keyFile?: string) => Promise<string[]>;
  /** The PDF of the page, or undefined when this machine has no browser to print it with. */
  pdf: (html: string) => Promise<Uint8Array | undefined>;
  /** Where the report goes: straight into main, or proposed as a pull request. */
  delivery: 'commit' | 'pull-request';
  /** The CSVs of the reports compiled earlier in the same run (not yet on main). */
  alsoCompiled?: string[];
  /** Also writes the files to read them on this machine (the local repository is bare). */
  copy?: (period: string, files: readonly FileChange[]) => Promise<string>;
}

export interface ReportOutcome {
  period: string;
  /** The report's CSV, for the next report of the same run. */
  csv: string;
  /** `reports/<period>` */
  folder: string;
  /** Whether anything changed since the last report of this period. */
  changed: boolean;
  pdf: boolean;
  quotes: 'published' | 'withheld' | 'none';
  pullRequest?: { number: number; url: string };
  summary: string;
}

/**
 * Compiles a period's report from the records (issue 13) and writes `reports/<period>/`: into
 * main, or on the branch `rapports/<period>` proposed as a pull request, per the settings. The
 * same report as the last one (same page, charts and figures) writes nothing. Shared by
 * `npm run report` and the « Rapports » job. Throws a UsageError (French) for a bad period.
 */
export async function compileAndWriteReport(
  periodText: string,
  deps: ReportDependencies,
  options: { date?: string; keyFile?: string } = {},
): Promise<ReportOutcome> {
  const { settings, store } = deps;
  let period;
  try {
    period = reportPeriod(periodText, settings.cohorts);
  } catch (error) {
    if (error instanceof ReportPeriodError) throw new UsageError(error.message);
    throw error;
  }
  if (options.date !== undefined && !isDay(options.date))
    throw new UsageError('La date doit être un jour qui existe, écrit AAAA-MM-JJ.');
  const now = dateIn(settings.structure.timeZone, deps.now());
  // A later day would count as missing what is not yet due, and as reached what is not yet.
  if (options.date !== undefined && options.date > now)
    throw new UsageError(
      'La date ne peut pas être après aujourd’hui : les chiffres s’arrêtent au plus tard ce jour.',
    );
  const today = options.date ?? now;
  let day;
  try {
    day = reportDay(period, today);
  } catch (error) {
    if (error instanceof ReportPeriodError) throw new UsageError(error.message);
    throw error;
  }
  // The names are needed only to mask them in the quotes: without the key, no quote.
  let identities: string[] | undefined;
  try {
    identities = await deps.identities(options.keyFile);
  } catch (error) {
    if (!(error instanceof KeyFileError)) throw error;
    deps.print(`${error.message} Le bilan est compilé sans citation.`);
  }
  const records = await readRecords(store, {
    folders: reportedFolders,
    ...(identities ? { identities } : {}),
  });
  const rules = reportRulesFrom(settings);
  const folder = reportFolder(period.id);
  // The other reports already published (and those compiled in the same run): the counts they
  // share with this one must be hidden here exactly as there.
  const others = (await store.listFiles(folders.reports)).filter(
    (path) => path.endsWith(`/${reportFiles.csv}`) && !path.startsWith(`${folder}/`),
  );
  // A figure file is some tens of kilobytes; a huge one was not written by a report.
  const readable = (text: string | undefined): text is string =>
    text !== undefined && text.length < 1_000_000;
  const otherReports = [
    ...(await store.readFiles(others)).filter(readable),
    ...(deps.alsoCompiled ?? []),
  ];
  const compiled: CompiledReport = compileReport({
    period,
    day,
    records,
    settings: { ...settings, followUp: followUpRulesFrom(settings), threshold: rules.threshold },
    // Every application read and opened, or no quote: a name left unknown could not be masked.
    terms:
      identities &&
      records.unopened.length === 0 &&
      !records.unreadable.some((u) => u.path.startsWith('applications/'))
        ? sensitiveTerms(records.applications, settings.mentoring.coordinators ?? [])
        : undefined,
    programme: settings.structure.name,
    otherReports,
  });
  if (compiled.warning) deps.print(compiled.warning);
  const quotes =
    'withheld' in compiled.published.quotes
      ? 'withheld'
      : compiled.published.quotes.quotes.length > 0
        ? 'published'
        : 'none';
  if (records.unreadable.length > 0)
    deps.print(
      `${records.unreadable.length} fichier${records.unreadable.length > 1 ? 's' : ''} du dépôt n’${records.unreadable.length > 1 ? 'ont' : 'a'} pas pu être lu${records.unreadable.length > 1 ? 's' : ''} et n’${records.unreadable.length > 1 ? 'y sont' : 'y est'} pas compté${records.unreadable.length > 1 ? 's' : ''} (la validation du dépôt les nomme).`,
    );

  const branch = deps.delivery === 'pull-request' ? reportBranch(period.id) : 'main';
  const texts: FileChange[] = compiled.files.map((f) => ({
    path: `${folder}/${f.path}`,
    content: f.content,
  }));
  // Same page, charts and figures as the report already on main (or proposed): nothing to do.
  // The PDF is left out of the comparison, as Chromium stamps each one with its date.
  const compareWith = async (ref: string) => {
    const current = await store.readFiles(
      texts.map((f) => f.path),
      { branch: ref },
    );
    return texts.every((f, i) => current[i] === f.content);
  };
  const onMain = await store.listFiles(folder, { branch: 'main' });
  const sameAsMain = await compareWith('main');
  const sameAsProposal = branch !== 'main' && !sameAsMain && (await compareWith(branch));
  // A report first compiled where no browser could print it gets its PDF once one can.
  const current = sameAsProposal ? await store.listFiles(folder, { branch }) : onMain;
  const pdfMissing = !current.includes(`${folder}/${reportFiles.pdf}`);
  const pdf =
    (sameAsMain || sameAsProposal) && !pdfMissing ? undefined : await deps.pdf(compiled.html);
  const unchanged = (sameAsMain || sameAsProposal) && pdf === undefined;
  if (sameAsMain && branch !== 'main' && !(await compareWith(branch)) && unchanged) {
    // The records went back to what main's report counts: an older proposal is no longer true.
    await store.ensureBranch(branch, { reset: true });
    deps.print(
      `La proposition de bilan ${period.id} ne correspond plus aux données : sa branche est remise comme le bilan publié (plus rien à fusionner).`,
    );
  }
  const summary = frenchTypography(compiled.summary({ pdf: pdf !== undefined }));
  const outcome: ReportOutcome = {
    period: period.id,
    csv: compiled.files.find((f) => f.path === reportFiles.csv)!.content,
    folder,
    changed: !unchanged,
    pdf: pdf !== undefined,
    quotes,
    summary,
  };
  if (unchanged) {
    deps.print(`Le bilan ${period.id} n’a pas changé depuis le dernier : rien n’est écrit.`);
    return outcome;
  }
  const files: FileChange[] = [
    ...texts,
    ...(pdf ? [{ path: `${folder}/${reportFiles.pdf}`, content: pdf }] : []),
    { path: `${folder}/${reportFiles.readme}`, content: summary },
  ];
  // The charts of a table no longer drawn, or a PDF that could not be printed this time, go.
  const written = new Set(files.map((f) => f.path));
  const remove = onMain.filter((path) => !written.has(path));
  const message = `Compile the report for ${period.id}`;
  if (branch === 'main') await store.commit(files, message, { remove });
  else {
    // Rebuilt from main every time: the proposal is always the report of today's records.
    await store.ensureBranch(branch, { reset: true });
    await store.commit(files, message, { branch, remove });
    const thread = await store.upsertPullRequest({
      branch,
      title: frenchTypography(`Bilan du programme : ${period.label}`),
      body: `${summary}\n---\n\n${frenchTypography(
        'Relisez ce bilan, en particulier les citations (« Ce que disent les bilans », dans rapport.html), puis fusionnez cette pull request pour le publier dans le dépôt.',
      )}\n`,
    });
    outcome.pullRequest = { number: thread.number, url: thread.url };
  }
  if (deps.copy) deps.print(`Fichiers à ouvrir : ${await deps.copy(period.id, files)}.`);
  if (!pdf)
    deps.print(
      'Pas de PDF : aucun navigateur Chromium ou Chrome sur cette machine (BINOME_CHROMIUM peut en donner le chemin).',
    );
  return outcome;
}

/** `npm run report -- --period <période> [--date AAAA-MM-JJ] [--key <fichier>]`. */
export async function runReport(
  args: readonly string[],
  deps: ReportDependencies,
): Promise<ReportOutcome | undefined> {
  const parsed = parseCommandLine(
    args,
    reportUsage,
    { period: { type: 'string' }, date: { type: 'string' }, key: { type: 'string' } },
    deps.print,
  );
  if (!parsed) return undefined;
  const { period, date, key } = parsed.values;
  if (parsed.positionals.length > 0 || period === undefined) throw new UsageError(reportUsage);
  const outcome = await compileAndWriteReport(period, deps, {
    ...(date !== undefined ? { date } : {}),
    ...(key !== undefined ? { keyFile: key } : {}),
  });
  // The summary is Markdown escaped for GitHub; a terminal shows its characters as they are.
  deps.print(
    outcome.summary.replace(/&#([0-9]+);/g, (_, code: string) => String.fromCharCode(Number(code))),
  );
  if (outcome.pullRequest)
    deps.print(
      `Proposé pour relecture : pull request n° ${outcome.pullRequest.number} (${outcome.pullRequest.url}).`,
    );
  return outcome;
}
