import type { RulesContext } from './application-rules.ts';
import { tokensFrom, type TextTokens } from './fill-tokens.ts';
import type { ProgrammeSettings } from './programme.schema.ts';

/**
 * What the application rules need from the programme's settings, as plain JSON: the intake
 * computes it from the settings, the site embeds it in each form for the browser, so both judge
 * an application with the same values.
 */
export interface RulesSettings extends Omit<RulesContext, 'today'> {
  /** The programme's time zone: « today » is the date there. */
  timeZone: string;
  tokens: TextTokens;
}

/** The one place that turns the settings into what the rules need. */
export function rulesSettingsFrom(settings: ProgrammeSettings): RulesSettings {
  return {
    communes: settings.eligibility.communes,
    mentorCapacityMax: settings.mentoring.mentorCapacityMax,
    ages: settings.eligibility.ages,
    timeZone: settings.structure.timeZone,
    tokens: tokensFrom(settings),
  };
}

/** Today (`YYYY-MM-DD`) in `timeZone`. */
export function dateIn(timeZone: string, now: Date): string {
  // One formatter per zone: building one is most of the cost (half a millisecond a call).
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The context the rules judge a form in, at `now`. */
export function rulesContext(
  rules: RulesSettings,
  now: Date,
): RulesContext & { tokens: TextTokens } {
  const { timeZone, ...rest } = rules;
  return { ...rest, today: dateIn(timeZone, now) };
}
