/**
 * A word as a coordinator may type it, without its accents and in lower case: « clôture »,
 * « signée », « Désaccord » and « /décision » are understood as their plain spelling.
 */
export function foldedWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
