import { _, Ajv2020 } from 'ajv/dist/2020.js';
import { stringFormats } from './string-formats.ts';

/** Annotation keywords our schemas carry for the forms; they never change validation. */
export const annotationKeywords = [
  'x-error',
  'x-autocomplete',
  'x-input',
  'x-count-max',
  'x-required-when',
  'x-applies-when',
  'x-error-all',
  'x-links',
  'x-at-hand',
] as const;

/**
 * The one Ajv configuration used on the server and to precompile the browser validators, so both
 * accept and refuse exactly the same values. `code.esm` and `source` serve the precompilation.
 */
export function createAjv(
  options: {
    forBrowser?: boolean;
    /** Compiled ahead of time for the server (a Worker): formats by name, messages kept. */
    precompiled?: boolean;
  } = {},
): Ajv2020 {
  // The browser shows our own messages (`x-error`), so Ajv's English ones are left out there.
  // Precompiled code cannot hold a function: it names the formats `stringFormats`, which
  // scripts/dev/build-validators.ts imports from string-formats.ts into each validator.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    messages: !options.forBrowser,
    code: {
      source: true,
      esm: true,
      optimize: true,
      ...(options.forBrowser || options.precompiled ? { formats: _`stringFormats` } : {}),
    },
  });
  ajv.addVocabulary([...annotationKeywords]);
  for (const [name, check] of Object.entries(stringFormats)) ajv.addFormat(name, check);
  return ajv;
}
