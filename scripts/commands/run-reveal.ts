import { parseArgs } from 'node:util';
import { isApplicationId } from '../../schemas/data-layout.ts';
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
  if (args.includes('--help') || args.includes('-h')) return deps.print(usage);
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { key: { type: 'string' } },
    }));
  } catch {
    throw new UsageError(usage);
  }
  const [id, ...extra] = positionals;
  if (!id || extra.length || !isApplicationId(id)) throw new UsageError(usage);
  const identities = await deps.identities(values.key);
  const { set } = await findPeople(deps.store, id, identities);
  const person = await personFrom(deps.store, set, id);
  // Revealing is opening: a record whose identity stays shut is a failure, said plainly.
  if (person.unopened)
    throw new UsageError(`L’identité de ${id} n’a pas pu être ouverte : ${person.unopened}.`);
  deps.print(describePerson(person, deps.tokens));
}
