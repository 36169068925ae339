import type { ParseArgsConfig } from 'node:util';
import { parseCommandLine } from '../commands/parse-command-line.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The options of a developer's script (a benchmark, the screenshots): with `--help`, its usage
 * and exit 0 before anything runs (no browser, no file written); with an unknown option or a
 * stray word, its usage on stderr and exit 2.
 */
export function scriptArguments<const O extends Options>(usage: string, options: O) {
  let parsed;
  try {
    parsed = parseCommandLine(process.argv.slice(2), usage, options, (text) => console.log(text));
  } catch {
    console.error(usage);
    process.exit(2);
  }
  if (!parsed) process.exit(0);
  if (parsed.positionals.length > 0) {
    console.error(usage);
    process.exit(2);
  }
  return parsed.values;
}
