/**
 * A coordinator's command could not be carried out as given (unknown cohort, bad id, a rule
 * that blocks it): the French message says why and what to do. Nothing was written.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
