import { describe, expect, it } from 'vitest';
import { busiestTimes } from './busiest-times.ts';

describe('a structure’s busiest times', () => {
  it('counts the busiest hour, day and week (Monday to Sunday)', () => {
    const instants = [
      '2026-11-01T18:10:00.000Z', // a Sunday: the week of 26 October
      '2026-11-02T18:05:00.000Z',
      '2026-11-02T18:55:00.000Z',
      '2026-11-02T19:00:00.000Z',
      '2026-11-08T09:00:00.000Z', // Sunday, same week as the 2nd
    ];
    expect(busiestTimes(instants)).toEqual({
      hour: { at: '2026-11-02T18:00Z', applications: 2 },
      day: { at: '2026-11-02', applications: 3 },
      week: { at: '2026-11-02', applications: 4 },
    });
  });
});
