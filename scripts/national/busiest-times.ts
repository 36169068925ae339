/** The most applications one structure received in an hour, a day and a week (Monday to Sunday). */
export interface BusiestTimes {
  hour: { at: string; applications: number };
  day: { at: string; applications: number };
  week: { at: string; applications: number };
}

/** The busiest hour, day and week of these submission instants (UTC). Pure. */
export function busiestTimes(instants: readonly string[]): BusiestTimes {
  const most = (keyOf: (instant: string) => string) => {
    const counts = new Map<string, number>();
    for (const instant of instants) {
      const key = keyOf(instant);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let best = { at: '', applications: 0 };
    for (const [at, applications] of counts)
      if (applications > best.applications || (applications === best.applications && at < best.at))
        best = { at, applications };
    return best;
  };
  const mondayOf = (instant: string) => {
    const day = new Date(`${instant.slice(0, 10)}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return day.toISOString().slice(0, 10);
  };
  return {
    hour: most((i) => `${i.slice(0, 13)}:00Z`),
    day: most((i) => i.slice(0, 10)),
    week: most(mondayOf),
  };
}
