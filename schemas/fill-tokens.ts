/** Values that schema texts refer to as `{commune}` and `{duration}`, taken from the settings. */
export interface TextTokens {
  commune: string;
  duration: string;
}

/** Replaces `{commune}` and `{duration}` in a label, help text or message. */
export function fillTokens(text: string, tokens: TextTokens): string {
  return text.replace(/\{(commune|duration)\}/g, (_, name: keyof TextTokens) => tokens[name]);
}

/** The tokens of a programme: its communes (« Issy-les-Moulineaux ») and minimum duration. */
export function tokensFrom(settings: {
  eligibility: { communes: readonly string[] };
  mentoring: { minimumDurationMonths: number };
}): TextTokens {
  const communes = settings.eligibility.communes;
  return {
    commune:
      communes.length > 1
        ? `${communes.slice(0, -1).join(', ')} ou ${communes.at(-1)}`
        : communes[0]!,
    duration: String(settings.mentoring.minimumDurationMonths),
  };
}
