import { Ajv2020 } from 'ajv/dist/2020.js';

/** Annotation keywords our schemas carry for the forms; they never change validation. */
export const annotationKeywords = ['x-error', 'x-autocomplete', 'x-input'] as const;

/**
 * The one Ajv configuration used on the server and to precompile the browser validators, so both
 * accept and refuse exactly the same values. `code.esm` and `source` serve the precompilation.
 */
export function createAjv(options: { forBrowser?: boolean } = {}): Ajv2020 {
  // The browser shows our own messages (`x-error`), so Ajv's English ones are left out there.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    messages: !options.forBrowser,
    code: { source: true, esm: true, optimize: true },
  });
  ajv.addVocabulary([...annotationKeywords]);
  return ajv;
}
