import { parseCommandLine, personId } from './parse-command-line.ts';
import { describePerson } from './describe-person.ts';
import { findPeople, personFrom } from './person-records.ts';
import type { PrivacyDependencies } from './privacy-dependencies.ts';
import { UsageError } from './usage-error.ts';

const usage = `Utilisation :
  npm run reveal -- <id> [--key <fichier de clé>]
    affiche tout ce que le dépôt de données contient sur une personne, identité comprise
    (mentee-… ou mentor-…). La clé de la coordination ouvre l’identité ; elle est lue ici,
    jamais enregistrée.`;

/**
 * `npm run reveal -- <id>`: a coordinator's view of one person, identity opened with their key,
 * printed to their terminal only (never a file, a log or a comment).
 */
export async function runReveal(args: readonly string[], deps: PrivacyDependencies): Promise<void> {
  const parsed = parseCommandLine(args, usage, { key: { type: 'string' } }, deps.print);
  if (!parsed) return;
  const id = personId(parsed.positionals, usage);
  const { values } = parsed;
  const identities = await deps.identities(values.key);
  const { set } = await findPeople(deps.store, id, identities);
  const person = await personFrom(deps.store, set, id);
  // Revealing is opening: a record whose identity stays shut is a failure, said plainly.
  if (person.unopened)
    throw new UsageError(`L’identité de ${id} n’a pas pu être ouverte : ${person.unopened}.`);
  deps.print(describePerson(person, deps.tokens));
}
