// The string formats our schemas name (`format: 'date'`…), checked the same way on the server and
// in the browser: Ajv calls these functions in both, and the precompiled validators bundle this
// file. Keep it small and free of imports: every byte reaches the form pages.

/** Days in `month` (1–12) of `year`, with the Gregorian leap years (2000 is one, 1900 is not). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A date that exists, written `YYYY-MM-DD` (RFC 3339 full-date): no 31/02, no 29/02/2023. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** An RFC 3339 date-time whose date exists and whose time is on a clock (no 24:00, no 10:61). */
export function isDateTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(
    value,
  );
  return (
    !!match &&
    isCalendarDate(match[1]!) &&
    Number(match[2]) < 24 &&
    Number(match[3]) < 60 &&
    Number(match[4]) < 60
  );
}

// An address as mail servers and people use them (RFC 5321 dot-atom local part, host name of
// letters, digits and hyphens), not everything RFC 5322 tolerates: quotes, comments, brackets,
// spaces, controls and non-ASCII letters are refused, so « <script>…@… », « =HYPERLINK(…)@… »
// and hidden direction marks never reach a record, a spreadsheet or an e-mail header.
const atom = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const emailPattern = new RegExp(
  `^(?=[^@]{1,64}@)${atom}(?:\\.${atom})*@(?:${label}\\.)+${label}$`,
  'i',
);

/** An e-mail address a person can be written to, `nom@exemple.fr` (254 characters at most). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}

/** The formats, by the name schemas give them. */
export const stringFormats = {
  date: isCalendarDate,
  'date-time': isDateTime,
  email: isEmailAddress,
};
