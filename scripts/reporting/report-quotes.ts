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

// Characters that do not show (soft hyphen, zero-width spaces and joiners, word joiner, BOM):
// typed inside a name, they would hide it from a plain comparison.
const invisible = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/gu;
const ligatures: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };
/** Lower case, without accents, ligatures spelt out, compatibility forms (full-width) folded. */
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(invisible, '')
    .toLowerCase()
    .replace(/[æœßøđł]/gu, (c) => ligatures[c]!);
const separators = /[\s\-‐‑–’'‘ʼ`´.]+/gu;
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
const spaced = (text: string) => fold(text).replace(separators, ' ').trim();

/**
 * `text` with each whole-word occurrence of `term` replaced by `mask`, ignoring case, accents,
 * invisible characters, and spaces, hyphens, dots or apostrophes between words (« Jean-Pierre »
 * is « jean pierre »). A word ends where letters end: « Zoé2024 » holds « Zoé ».
 */
function maskTerm(text: string, term: string, mask: string): string {
  const wanted = spaced(term);
  if (wanted.length < 2) return text;
  // The folded text, character by character, with where each character came from.
  let folded = '';
  const origin: number[] = [];
  [...text].reduce((offset, character) => {
    let f = fold(character);
    if (f !== '' && f.replace(separators, '') === '') f = ' ';
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
    if (isLetter(folded[at - 1]) || isLetter(folded[end])) continue;
    const from = origin[at]!;
    if (from < kept) continue;
    result += text.slice(kept, from) + mask;
    kept = origin[end]!;
  }
  return result + text.slice(kept);
}

// An address with its @ written out too (« prenom [at] exemple [point] fr »).
const at = String.raw`(?:@|\s*[[({]\s*(?:at|arobase|chez)\s*[\])}]\s*|\s+(?:at|arobase)\s+|\s+@\s+)`;
const dot = String.raw`(?:\.|\s*[[({]\s*(?:dot|point)\s*[\])}]\s*|\s+(?:dot|point)\s+)`;
const emailPattern = new RegExp(
  String.raw`[\p{L}\p{N}._%+-]+${at}[\p{L}\p{N}-]+(?:${dot}[\p{L}\p{N}-]+)+`,
  'giu',
);
// Nine digits or more, with spaces, dots, dashes, slashes or brackets between them: a French or
// international number (« +33 (0)6 12 34 56 78 »).
const phonePattern = /(?:\+|\b00)?\d(?:[\s.\-/()]*\d){8,}/g;

/** The digits of a phone number as they may be written: `0612345678`, and `612345678` for +33. */
const phoneDigits = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  const national = digits.replace(/^(?:00)?33/, '');
  return [...new Set([digits, national, `0${national.replace(/^0/, '')}`])].filter(
    (d) => d.length >= 8,
  );
};

/** `text` with a known number masked wherever its digits stand, whatever is written between. */
function maskPhone(text: string, phone: string): string {
  const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
  const stream = digits.map((i) => text[i]).join('');
  let result = text;
  for (const wanted of phoneDigits(phone))
    for (let at = stream.indexOf(wanted); at !== -1; at = stream.indexOf(wanted, at + 1)) {
      const from = digits[at]!;
      const to = digits[at + wanted.length - 1]! + 1;
      // Digits spread over a whole sentence are not a number any more.
      if (to - from > wanted.length * 4) continue;
      result = `${result.slice(0, from)}${'\u0000'.repeat(to - from)}${result.slice(to)}`;
    }
  return result.replace(/\u0000+/g, '[téléphone]');
}

const particles = new Set(
  'le la les l de d du des da das do dos di del della van von der den ten ter el al ben bin ibn ould mac mc st saint sainte'.split(
    ' ',
  ),
);

// Words an organisation's name shares with many others: masked whole, never alone.
const commonWords = new Set(
  'lycee college ecole universite institut entreprise societe groupe banque conseil cabinet agence atelier association centre service services france paris international fils freres et des les la le du de sas sarl sa mairie ville hopital clinique ingenierie media medias design transports transport logistique sante energie avocats consulting solutions industrie industries compagnie fondation laboratoire laboratoires professionnel general generale saint sainte'.split(
    ' ',
  ),
);

/**
 * A quote with every name, organisation, e-mail address and phone number found in the records
 * masked, and any e-mail address or phone number masked whatever it is. Names are also looked
 * for written as one word (« NDiaye », « zoelefevre » for Zoé Lefèvre); organisations whole, as
 * one word, and by their distinctive words (« Canarifique » of « Banque Canarifique »). Pure.
 */
export function scrubQuote(text: string, terms: SensitiveTerms): string {
  // Any number first (with its prefix), then the records' own, however they are cut.
  let quote = text.replace(emailPattern, '[courriel]').replace(phonePattern, '[téléphone]');
  for (const phone of terms.phones) quote = maskPhone(quote, phone);
  const words = (value: string) => spaced(value).split(' ').filter(Boolean);
  const joined = (value: string) => words(value).join('');
  // A surname's particle (« Le » Goff, « Da » Silva) is masked with the name, never alone: it is
  // one of the commonest words of the language.
  const names = terms.names.flatMap((name) => [
    name,
    joined(name),
    ...words(name).filter((w) => !particles.has(w)),
  ]);
  const organisations = terms.organisations.flatMap((name) => [
    name,
    joined(name),
    ...words(name).filter((w) => w.length >= 4 && !commonWords.has(w)),
  ]);
  // Longest first, so that a full name is masked as one before its parts are.
  const masks = [
    ...organisations.map((term) => ({ term, mask: '[organisation]' })),
    ...names.map((term) => ({ term, mask: '[nom]' })),
    ...terms.emails.map((term) => ({ term, mask: '[courriel]' })),
  ]
    .filter(({ term }) => spaced(term).length >= 2)
    .sort((a, b) => spaced(b.term).length - spaced(a.term).length);
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
