/** `2027-01-11` -> `lundi 11 janvier 2027`; the first of a month is written `1er`. */
export function longFrenchDate(date: string): string {
  const text = new Date(`${date}T12:00:00Z`).toLocaleDateString('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return text.replace(/^(\S+ )1 /, '$11er ');
}
