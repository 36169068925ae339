import { Temporal } from 'temporal-polyfill';

// A coordinator types the first meeting's date and hour the way they write them (issue 12).
const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const iso = /^(\d{4})-(\d{2})-(\d{2})$/;
const hourOnly = /^(\d{1,2})\s*h$/i;
const hourAndMinutes = /^(\d{1,2})\s*[h:]\s*(\d{2})$/i;

const two = (n: number) => String(n).padStart(2, '0');

function parseDate(text: string): Temporal.PlainDate | undefined {
  const d = dayFirst.exec(text);
  const i = iso.exec(text);
  const [year, month, day] = d
    ? [Number(d[3]), Number(d[2]), Number(d[1])]
    : i
      ? [Number(i[1]), Number(i[2]), Number(i[3])]
      : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  try {
    // `reject`, not the default `constrain`: 31/02 is a typing mistake, not the 28th.
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

function parseHour(text: string): string | undefined {
  const h = hourOnly.exec(text);
  const hm = hourAndMinutes.exec(text);
  const hour = Number((h ?? hm)?.[1] ?? NaN);
  const minute = hm ? Number(hm[2]) : 0;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return undefined;
  return `${two(hour)}:${two(minute)}`;
}

/**
 * A date and an hour as a coordinator types them, as the local wall time
 * `firstMeetingInvitation` takes ('YYYY-MM-DDTHH:mm'), or undefined when either is not one.
 * Dates: `10/12/2026` (day first; `.` or `-` also separate), `2026-12-10`. Hours: `18h`,
 * `18h30`, `18:30`, `9h05`, `18 h 30`. Whether that wall time exists in the structure's time
 * zone is `firstMeetingInvitation`'s check. Pure.
 */
export function parseFrenchDateTime(date: string, hour: string): string | undefined {
  const day = parseDate(date.trim());
  const time = parseHour(hour.trim());
  return day && time ? `${day.toString()}T${time}` : undefined;
}
