import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isDateTime, isEmailAddress } from './string-formats.ts';

describe('isCalendarDate', () => {
  it.each(['1980-02-29', '2000-02-29', '2024-02-29', '2026-12-31', '2026-04-30', '0001-01-01'])(
    'accepts %s',
    (date) => expect(isCalendarDate(date)).toBe(true),
  );

  it.each([
    '1980-02-31', // 31/02/1980, typed in a form
    '1981-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '14/07/2006',
    '2026-01-01T00:00:00Z',
  ])('refuses %s', (date) => expect(isCalendarDate(date)).toBe(false));

  it('agrees with the calendar of JavaScript’s Date on every day of four centuries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          expect(isCalendarDate(text)).toBe(date.getUTCDate() === day);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isDateTime', () => {
  it('accepts what Date.toISOString() writes, and offsets', () => {
    expect(isDateTime(new Date(Date.UTC(2028, 1, 29, 23, 59, 59)).toISOString())).toBe(true);
    expect(isDateTime('2026-11-23T10:00:00+01:00')).toBe(true);
  });

  it.each([
    '2026-02-30T10:00:00.000Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T10:60:00Z',
    '2026-11-23T10:00:60Z',
    '2026-11-23 10:00:00Z',
  ])('refuses %s', (value) => expect(isDateTime(value)).toBe(false));
});

describe('isEmailAddress', () => {
  const hostile = [
    '<script>alert(1)</script>@exemple.fr',
    '=HYPERLINK("https://exemple.com/x","Ouvrir")@exemple.fr',
    'zephyrine\u202e@exemple.fr',
    'zephyrine@exemple\u202e.fr',
    'zephyrine@\u2066exemple.fr',
    'zephyrine@exemple.fr\r\nBcc: x@y.z',
    'zephyrine testaccio@exemple.fr',
    '"zephyrine"@exemple.fr',
    'zephyrine@[127.0.0.1]',
  ];
  const ordinary = [
    'nom@exemple.fr',
    'prenom.nom+mentorat@sous-domaine.exemple-2.org',
    "o'neil@exemple.fr",
    'A.B@EXEMPLE.FR',
  ];
  const doubtful = ['nom@exemple', '.nom@exemple.fr', 'nom.@exemple.fr', 'nom..x@exemple.fr'];

  it.each(hostile)('refuses %j', (address) => expect(isEmailAddress(address)).toBe(false));
  it.each(ordinary)('accepts %s', (address) => expect(isEmailAddress(address)).toBe(true));
  it.each(doubtful)('refuses %s', (address) => expect(isEmailAddress(address)).toBe(false));

  it('judges like ajv-formats’ full `email` format, within the lengths mail servers accept', () => {
    const ajvFormats = fullFormats.email as RegExp;
    for (const address of [...hostile, ...ordinary, ...doubtful])
      expect(isEmailAddress(address), address).toBe(ajvFormats.test(address));
    expect(isEmailAddress(`${'a'.repeat(64)}@exemple.fr`)).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(65)}@exemple.fr`)).toBe(false);
    expect(isEmailAddress(`nom@${'a'.repeat(64)}.fr`)).toBe(false);
    expect(isEmailAddress(`nom@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.fr`)).toBe(
      true,
    );
    expect(isEmailAddress(`nom@${`${'a'.repeat(63)}.`.repeat(4)}fr`)).toBe(false);
  });
});
