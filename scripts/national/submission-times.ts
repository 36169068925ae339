import { addDays } from '../followup/follow-up-rules.ts';

/** The first and last days a generated school year takes applications (the cohort's close). */
export const applicationsFrom = '2026-09-01';
export const applicationsUntil = '2026-12-11';

// How busy each day is, relative to an ordinary weekday: the rentrée, the week the cohort opens
// (a mailing, a school assembly) and the days before it closes are the rushes that bound what
// one structure's intake must take at once. Weekends are quieter.
function dayWeight(day: string): number {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.6 : 1;
  let rush = 1;
  if (day >= '2026-09-07' && day <= '2026-10-04') rush = 2;
  if (day >= '2026-11-02' && day <= '2026-11-08')
    rush = 9 - (Date.parse(day) - Date.parse('2026-11-02')) / 86_400_000;
  if (day >= '2026-12-05') rush = 4;
  return weekend * rush;
}

// People apply at lunch and in the evening, hardly at night (Paris time).
const hourWeights = [
  0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 1, 1.2, 1.3, 1.4, 1.8, 1.6, 1.3, 1.3, 1.5, 1.8, 2.2,
  2.6, 2.8, 2.6, 1.8, 0.8,
];

const days: string[] = [];
for (let day = applicationsFrom; day <= applicationsUntil; day = addDays(day, 1)) days.push(day);
const cumulative = (weights: readonly number[]) => {
  let sum = 0;
  const running = weights.map((w) => (sum += w));
  return running.map((r) => r / sum);
};
const dayCumulative = cumulative(days.map(dayWeight));
const hourCumulative = cumulative(hourWeights);
const pickIndex = (running: readonly number[], u: number) => {
  let low = 0;
  let high = running.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (running[middle]! < u) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * When a generated person applies: a day of the season by its weight, an hour by the day's
 * rhythm, as a UTC instant (Paris is taken as UTC+1 all season: an hour off in September and
 * October, which moves no one to another day's rush). Pure: `random` is the programme's.
 */
export function submissionTime(random: () => number): string {
  const day = days[pickIndex(dayCumulative, random())]!;
  const localHour = pickIndex(hourCumulative, random());
  const minute = Math.floor(random() * 60);
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCMinutes((localHour - 1) * 60 + minute);
  return at.toISOString();
}
