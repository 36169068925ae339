import { Ajv2020 } from 'ajv/dist/2020.js';

/** Annotation keywords our schemas carry for the forms; they never change validation. */
export const annotationKeywords = ['x-error', 'x-autocomplete', 'x-input'] as const;

/**
 * The one Ajv configuration used on the server and to precompile the browser validators, so both
 * accept and refuse exactly the same values. `code.esm` and `source` serve the precompilation.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, code: { source: true, esm: true } });
  ajv.addVocabulary([...annotationKeywords]);
  return ajv;
}
