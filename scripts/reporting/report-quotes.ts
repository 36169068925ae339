import type { FollowUp } from '../../schemas/follow-up.schema.ts';

/** What a quote must never name: taken from the records (and the settings) of the programme. */
export interface SensitiveTerms {
  /** First names, last names, full names: of applicants, legal representatives, coordinators. */
  names: readonly string[];
  /** Employers, schools, organisations to avoid. */
  organisations: readonly string[];
  emails: readonly string[];
  phones: readonly string[];
}

/** The qualitative part of a report: quotes, or why there are none. */
export type ReportQuotes = { quotes: string[] } | { withheld: string };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isWordCharacter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const spaced = (text: string) =>
  fold(text)
    .replace(/[\s\-‐‑’']+/gu, ' ')
    .trim();

/**
 * `text` with each whole-word occurrence of `term` replaced by `mask`, ignoring case, accents,
 * and spaces, hyphens or apostrophes between words (« Jean-Pierre » is « jean pierre »).
 */
function maskTerm(text: string, term: string, mask: string): string {
  const wanted = spaced(term);
  if (wanted.length < 2) return text;
  // The folded text, character by character, with where each character came from.
  let folded = '';
  const origin: number[] = [];
  [...text].reduce((offset, character) => {
    let f = spaced(character) || (/\s|[-‐‑’']/u.test(character) ? ' ' : '');
    // Runs of spaces count as one, as in the term.
    if (f === ' ' && folded.endsWith(' ')) f = '';
    for (const unit of f) {
      folded += unit;
      origin.push(offset);
    }
    return offset + character.length;
  }, 0);
  origin.push(text.length);
  let result = '';
  let kept = 0;
  for (let at = folded.indexOf(wanted); at !== -1; at = folded.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    if (isWordCharacter(folded[at - 1]) || isWordCharacter(folded[end])) continue;
    const from = origin[at]!;
    if (from < kept) continue;
    result += text.slice(kept, from) + mask;
    kept = origin[end]!;
  }
  return result + text.slice(kept);
}

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Nine digits or more, with spaces, dots or dashes between them: a French or international number.
const phonePattern = /(?:\+|\b00)?\d(?:[\s.\-/]?\d){8,}/g;

/**
 * A quote with every name, organisation, e-mail address and phone number found in the records
 * masked, and any e-mail address or phone number masked whatever it is. Pure.
 */
export function scrubQuote(text: string, terms: SensitiveTerms): string {
  let quote = text.replace(emailPattern, '[courriel]').replace(phonePattern, '[téléphone]');
  const parts = (values: readonly string[]) =>
    values.flatMap((v) => [v, ...v.split(/[\s\-‐‑’']+/u)]).filter((v) => spaced(v).length >= 2);
  // Longest first, so that a full name is masked as one before its parts are.
  const masks = [
    // An organisation whole only: its words alone (« Lycée », « Entreprise ») are common words.
    ...terms.organisations.map((term) => ({ term, mask: '[organisation]' })),
    ...parts(terms.names).map((term) => ({ term, mask: '[nom]' })),
    ...terms.emails.map((term) => ({ term, mask: '[courriel]' })),
  ].sort((a, b) => spaced(b.term).length - spaced(a.term).length);
  for (const { term, mask } of masks) quote = maskTerm(quote, term, mask);
  return quote;
}

/**
 * What the bilans say (issue 13): only the texts whose authors chose « may be quoted
 * anonymously », never one shared with the coordinators only, each scrubbed of the names,
 * organisations and contacts of the records. Without the terms (the identities could not be
 * opened, so their names are unknown) no quote is published: a name could slip through. In an
 * order that says nothing of who wrote them or when. Pure.
 */
export function reportQuotes(
  bilans: readonly FollowUp[],
  terms: SensitiveTerms | undefined,
  threshold: number,
): ReportQuotes {
  const texts = bilans
    .filter((b) => b.type === 'bilan' && b.words?.sharing === 'anonymous')
    .map((b) => b.words!.text.trim())
    .filter((text) => text !== '');
  if (texts.length === 0) return { quotes: [] };
  // How many quotes there are is a count too: fewer than the threshold, none is shown.
  if (texts.length < threshold)
    return {
      withheld: `Moins de ${threshold} participants ont accepté que leur bilan soit cité anonymement pendant cette période : pour qu’on ne puisse pas les reconnaître, aucune citation n’est publiée.`,
    };
  if (!terms)
    return {
      withheld:
        'Les citations ne sont pas publiées : les identités n’ont pas toutes pu être ouvertes (clé de la coordination absente, ou candidature illisible), et sans tous les noms il n’est pas possible de vérifier qu’elles ne nomment personne.',
    };
  return {
    quotes: texts
      .map((text) => scrubQuote(text, terms))
      .sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0)),
  };
}
