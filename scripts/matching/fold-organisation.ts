// Legal forms that do not tell two organisations apart: « Dupont SAS » is « Dupont SARL » is
// « Dupont » for a conflict of interest (issue 9). French forms first, then common foreign ones.
const legalForms = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'sca',
  'scs',
  'scop',
  'scic',
  'gie',
  'selarl',
  'selas',
  'sem',
  'spl',
  'epic',
  'inc',
  'ltd',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'bv',
  'nv',
  'spa',
  'srl',
  'corp',
  'corporation',
  'co',
  'company',
  'cie',
]);

/**
 * An organisation's name folded for comparison: lower case, without accents, punctuation or
 * legal form (`Société Générale S.A.` -> `societe generale`). Empty when nothing is left, and an
 * empty name matches nothing.
 */
export function foldOrganisation(name: string): string {
  // Many people name the same school or employer: a name is folded once (a memo of a pure
  // function, bounded so that a long-running process does not grow it for ever).
  let folded = memo.get(name);
  if (folded === undefined) {
    if (memo.size >= 10_000) memo.clear();
    memo.set(name, (folded = fold(name)));
  }
  return folded;
}

const memo = new Map<string, string>();

function fold(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' et ')
    // Dotted abbreviations first (S.A.S. -> sas), then any other punctuation separates words.
    .replace(/\b(?:\p{L}\.){2,}/gu, (dotted) => dotted.replace(/\./g, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // « et Cie », « & Co » are part of the legal name, not of what the organisation is.
  const kept = words.filter(
    (word, i) => !legalForms.has(word) && !(word === 'et' && legalForms.has(words[i + 1] ?? '')),
  );
  return kept.join(' ');
}
