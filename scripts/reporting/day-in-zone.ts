/**
 * The day (YYYY-MM-DD) an instant falls on in `timeZone`, with one formatter for all the calls:
 * a report converts tens of thousands of instants, and `toLocaleDateString` builds a formatter
 * each time (about fifty times slower).
 */
export function dayInZone(timeZone: string): (instant: string) => string {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone });
  const days = new Map<string, string>();
  return (instant) => {
    let day = days.get(instant);
    if (day === undefined) days.set(instant, (day = format.format(new Date(instant))));
    return day;
  };
}
