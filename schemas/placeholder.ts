// Apart from read-settings.ts, which compiles the settings' schema when loaded: what reads
// settings already checked (the intake, in a Worker too) needs this test alone.
export const placeholderPattern = /^\[À compléter[ \u00a0]: /;

/** Whether a settings value is still a "[À compléter : …]" placeholder. */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && placeholderPattern.test(value);
}
