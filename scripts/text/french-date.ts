/** `2027-07-09` (or an instant, `2027-07-09T10:00:00Z`) -> `09/07/2027`, as French readers write it. */
export function frenchDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}
