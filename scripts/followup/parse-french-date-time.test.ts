import { describe, expect, it } from 'vitest';
import { parseFrenchDateTime } from './parse-french-date-time.ts';

describe('parseFrenchDateTime', () => {
  it('reads the dates and hours a coordinator types', () => {
    for (const [date, hour, expected] of [
      ['10/12/2026', '18h', '2026-12-10T18:00'],
      ['10/12/2026', '18h30', '2026-12-10T18:30'],
      ['10/12/2026', '18:30', '2026-12-10T18:30'],
      ['2026-12-10', '18h30', '2026-12-10T18:30'],
      ['2026-12-10', '18H30', '2026-12-10T18:30'],
      ['1/2/2027', '9h05', '2027-02-01T09:05'],
      ['01.02.2027', '9h', '2027-02-01T09:00'],
      ['01-02-2027', '09:00', '2027-02-01T09:00'],
      [' 29/02/2028 ', ' 18 h 30 ', '2028-02-29T18:30'],
      ['31/12/2026', '0h', '2026-12-31T00:00'],
      ['31/12/2026', '23h59', '2026-12-31T23:59'],
    ])
      expect([date, hour, parseFrenchDateTime(date ?? '', hour ?? '')]).toEqual([
        date,
        hour,
        expected,
      ]);
  });

  it('returns undefined for what is not a date or not an hour', () => {
    for (const [date, hour] of [
      ['31/02/2026', '18h'],
      ['29/02/2027', '18h'],
      ['32/12/2026', '18h'],
      ['10/13/2026', '18h'],
      ['2026-12-1', '18h'],
      ['2026/12/10', '18h'],
      ['10/12/26', '18h'],
      ['10 décembre 2026', '18h'],
      ['', '18h'],
      ['10/12/2026', '24h'],
      ['10/12/2026', '18h60'],
      ['10/12/2026', '18h5'],
      ['10/12/2026', '18:'],
      ['10/12/2026', '1830'],
      ['10/12/2026', '18'],
      ['10/12/2026', '6pm'],
      ['10/12/2026', ''],
    ])
      expect([date, hour, parseFrenchDateTime(date ?? '', hour ?? '')]).toEqual([
        date,
        hour,
        undefined,
      ]);
  });
});
