/** The follow-up's rhythm (content/programme.yaml, `followUp`), with the defaults. */
export interface FollowUpRules {
  /** The first meeting, at the Espace Jeunes, within this many days of the start. */
  firstMeetingWithinDays: number;
  /** The coordinator's contacts with the pair in its first month… */
  contactsInFirstMonth: number;
  /** …then one every this many days. */
  contactEveryDays: number;
  /** A participants' check-in every this many days… */
  checkInEveryDays: number;
  /** …overdue this many days after it was due. */
  checkInGraceDays: number;
  /** No meeting recorded for this many days: the pair is flagged. */
  inactiveAfterDays: number;
}

export const defaultFollowUpRules: FollowUpRules = {
  firstMeetingWithinDays: 21,
  contactsInFirstMonth: 2,
  contactEveryDays: 30,
  checkInEveryDays: 30,
  checkInGraceDays: 7,
  inactiveAfterDays: 45,
};

/** The rules of the settings (`followUp`), each missing value taking its default. */
export function followUpRulesFrom(settings: { followUp?: Partial<FollowUpRules> }): FollowUpRules {
  return { ...defaultFollowUpRules, ...settings.followUp };
}

/** `date` (YYYY-MM-DD) plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}
