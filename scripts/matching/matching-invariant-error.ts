/**
 * Our bug, not bad input: the compiled scores and the rules disagree, a solution breaks a rule,
 * or the weights would lose precision. Nothing is written when it is thrown.
 */
export class MatchingInvariantError extends Error {
  override name = 'MatchingInvariantError';
}
