import { parseCommandLine } from './parse-command-line.ts';
import { applicationPath } from '../../schemas/data-layout.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { dateIn } from '../../schemas/rules-context.ts';
import { describePerson } from './describe-person.ts';
import { checkWho, findPeople, personFrom } from './person-records.ts';
import type { PrivacyDependencies } from './privacy-dependencies.ts';
import { UsageError } from './usage-error.ts';
import { frenchDate } from '../text/french-date.ts';

const usage = `Utilisation :
  npm run subject-access -- <id | adresse électronique> [--out <dossier>] [--key <fichier de clé>]
    écrit tout ce que le dépôt de données contient sur une personne (RGPD, droit d’accès) :
    acces-<id>.json (les données, lisibles par une machine) et acces-<id>.txt (le résumé en
    français), dans le dossier binome-acces de votre dossier personnel, ou celui de --out
    (ne choisissez jamais un dossier qui fait partie d’un dépôt Git : ces fichiers contiennent
    l’identité de la personne).`;

/**
 * `npm run subject-access`: everything held about a person, found by id or by e-mail address,
 * as two files to send them: the data (JSON, for portability) and a French summary. The files
 * are readable by their owner only; the terminal gets their names, never their content.
 */
export async function runSubjectAccess(
  args: readonly string[],
  deps: PrivacyDependencies & {
    writeFile: (path: string, text: string) => Promise<void>;
    /** Where the files go without --out: a private folder, outside any repository. */
    defaultOut: string;
    /** What article 15 says comes with the data: who, why, to whom, how long (accessNotice). */
    notice: string;
  },
): Promise<void> {
  const parsed = parseCommandLine(
    args,
    usage,
    { key: { type: 'string' }, out: { type: 'string' } },
    deps.print,
  );
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [who, ...extra] = positionals;
  if (!who || extra.length) throw new UsageError(usage);
  // Said before the key is asked for: a mistyped argument is the first thing to fix.
  checkWho(who);
  const identities = await deps.identities(values.key);
  const { set, ids } = await findPeople(deps.store, who, identities);
  const today = dateIn(deps.timeZone, deps.now());
  // All or nothing: an answer that leaves out someone's identity, or a record that could not be
  // read, would tell the person we hold less than we do.
  for (const id of ids) {
    const unopened = set.unopened.find((u) => u.id === id);
    if (unopened)
      throw new UsageError(
        `Rien n’a été écrit. L’identité de ${id} n’a pas pu être ouverte : ${unopened.reason}.`,
      );
    const damaged = set.unreadable.find((u) => u.path === applicationPath(id));
    if (damaged)
      throw new UsageError(
        `Rien n’a été écrit. La candidature de ${id} n’a pas pu être lue : ${damaged.reason}. Corrigez-la, puis relancez.`,
      );
  }
  for (const id of ids) {
    const person = await personFrom(deps.store, set, id);
    // Their own follow-up answers, not the other member's; the codes' hashes mean nothing to them.
    const data: Record<string, unknown> = {
      about: id,
      producedOn: today,
      information: deps.notice,
      ...person,
      followUps: person.followUps.filter((f) => f.record.role === person.kind).map((f) => f.record),
    };
    delete data['followUpCodes'];
    const base = `${(values.out ?? deps.defaultOut).replace(/\/$/, '')}/acces-${id}`;
    await deps.writeFile(`${base}.json`, JSON.stringify(data, null, 2) + '\n');
    const summary =
      `Vos données personnelles dans le programme de mentorat, au ${frenchDate(today)}\n\n` +
      describePerson(person, deps.tokens) +
      `\n${deps.notice}\n`;
    await deps.writeFile(`${base}.txt`, frenchTypography(summary));
    deps.print(
      `Écrit : ${base}.json et ${base}.txt (à transmettre à la personne, puis à supprimer).`,
    );
  }
}
