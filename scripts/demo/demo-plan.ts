// What happens to the demo's people and pairs (issue 16): who is accepted, how each pair lives its
// half-year. Drawn from a seeded generator apart from Faker's (dev/matching-people.ts), so that the
// plan is the same on every run whatever Faker draws, and decided from positions and pair ids
// only: the plan never sees a name.

export type ScreeningFate =
  'accepted' | 'waitlisted' | 'declined' | 'withdrawn' | 'interviewed' | 'new';

/**
 * Each applicant's screening, by position: nearly every mentor is taken; of the mentorés, most,
 * with a few waiting for a place, declined (not eligible after the interview), withdrawn, and
 * the last arrivals not yet screened.
 */
export function screeningFates(
  count: number,
  kind: 'mentor' | 'mentee',
  random: () => number,
): ScreeningFate[] {
  return Array.from({ length: count }, (_, i): ScreeningFate => {
    if (i === count - 1 && count > 4) return 'new';
    if (i === count - 2 && count > 4) return 'interviewed';
    const roll = random();
    if (kind === 'mentor') return roll < 0.93 ? 'accepted' : roll < 0.97 ? 'declined' : 'withdrawn';
    return roll < 0.84
      ? 'accepted'
      : roll < 0.9
        ? 'waitlisted'
        : roll < 0.96
          ? 'declined'
          : 'withdrawn';
  });
}

/** How one pair lives its half-year. */
export interface PairLife {
  pairId: string;
  /** Months (1 = February … 5 = June) in which the mentoré sends a « point d'étape ». */
  checkInMonths: number[];
  /** Months in which the mentor sends one too. */
  mentorCheckInMonths: number[];
  /** Goes silent after this month (no more meetings reported), or never. */
  silentAfter?: number;
  /** Ends before the planned date, for this reason code of `/cloture`. */
  closesEarly?: { month: number; reason: string };
  /** Paused in April, resumed in May. */
  pauses: boolean;
  /** The month the mid-point review is recorded: April, or May for the pair paused in April. */
  midPoint?: number;
  /** Months in which the team calls the pair (twice in February, then monthly). */
  contactMonths: number[];
  /** Meetings of a month (1 or 2). */
  meetingsPerMonth: number[];
  /** Mood of each check-in, 1 to 5. */
  mood: number[];
}

/** The months the demo simulates, February to June of the cohort's year. */
export const months = [1, 2, 3, 4, 5] as const;

/** The month the paused pair stops (April, for exams); it resumes at the start of the next. */
export const pauseMonth = 3;

/**
 * The half-year of every pair: most meet once or twice a month and say so; about one in eight
 * goes silent after a month or two; exactly one ends early (a mentoré no longer available); one
 * pauses during exams.
 */
export function pairLives(pairIds: readonly string[], random: () => number): PairLife[] {
  const n = pairIds.length;
  const early = n > 2 ? Math.floor(random() * n) : -1;
  let paused = n > 3 ? Math.floor(random() * n) : -1;
  if (paused >= 0 && paused === early) paused = (paused + 1) % n;
  // One pair in eight goes silent (one at least), chosen among the others.
  const silent = new Set<number>();
  for (
    let tries = 0;
    n > 4 && silent.size < Math.max(1, Math.round(n / 8)) && tries < 10 * n;
    tries += 1
  ) {
    const i = Math.floor(random() * n);
    if (i !== early && i !== paused) silent.add(i);
  }
  return pairIds.map((pairId, i) => {
    const silentAfter = silent.has(i) ? 1 + Math.floor(random() * 2) : undefined;
    const closesEarly = i === early ? { month: 2, reason: 'indisponible' } : undefined;
    const lastMonth = closesEarly ? closesEarly.month : (silentAfter ?? 5);
    // Nobody meets during the pause (April): neither member sends a check-in that month.
    const meets = (m: number) => m <= lastMonth && (i !== paused || m !== pauseMonth);
    const checkInMonths = months.filter((m) => meets(m) && random() < 0.9);
    const mentorCheckInMonths = months.filter((m) => meets(m) && random() < 0.45);
    return {
      pairId,
      checkInMonths,
      mentorCheckInMonths,
      ...(silentAfter !== undefined ? { silentAfter } : {}),
      ...(closesEarly ? { closesEarly } : {}),
      pauses: i === paused,
      ...(closesEarly === undefined && silentAfter === undefined && random() < 0.85
        ? { midPoint: i === paused ? pauseMonth + 1 : pauseMonth }
        : {}),
      // The team calls each pair while it lives; a silent pair stops answering, and is flagged.
      contactMonths: months.filter((m) => m <= lastMonth && (i !== paused || m !== pauseMonth)),
      meetingsPerMonth: months.map(() => (random() < 0.25 ? 2 : 1)),
      mood: months.map(() => 3 + Math.floor(random() * 3)),
    };
  });
}
