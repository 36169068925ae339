import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isApplicationId } from '../../schemas/data-layout.ts';
import { UsageError } from './usage-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's arguments, or its French usage as a `UsageError` (Node's own message is English
 * and quotes what was typed). Undefined after `--help`, once the usage is printed.
 */
export function parseCommandLine<const O extends Options>(
  args: readonly string[],
  usage: string,
  options: O,
  print: (line: string) => void,
) {
  if (args.includes('--help') || args.includes('-h')) {
    print(usage);
    return undefined;
  }
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch {
    throw new UsageError(usage);
  }
}

/**
 * The one person a command is about, by their pseudonymous id. Anything else (a name, say) is
 * refused without being repeated: a terminal's scrollback is no place for it either.
 */
export function personId(positionals: readonly string[], usage: string): string {
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(usage);
  if (!isApplicationId(id))
    throw new UsageError(
      'Ce n’est pas un identifiant : donnez celui de la personne (mentee-… ou mentor-…), jamais son nom. Pour la retrouver par son adresse électronique : npm run subject-access -- <adresse>.',
    );
  return id;
}
