/** Values that schema texts refer to as `{commune}`, `{structure}`…, taken from the settings. */
export interface TextTokens {
  /** The programme's communes: « Issy-les-Moulineaux », or « A, B ou C ». */
  commune: string;
  /** The structure's short name, as in « à l’{structure} ». */
  structure: string;
  /** The minimum duration of a mentoring, in months. */
  duration: string;
  /** The most mentorés a mentor may take at once. */
  capacityMax: string;
}

const tokenPattern = /\{(commune|structure|duration|capacityMax)\}/g;

/** Replaces `{commune}`, `{structure}`, `{duration}` and `{capacityMax}` in a text. */
export function fillTokens(text: string, tokens: TextTokens): string {
  return text.replace(tokenPattern, (_, name: keyof TextTokens) => tokens[name]);
}

/** The tokens of a programme, from its settings. */
export function tokensFrom(settings: {
  structure: { shortName: string };
  eligibility: { communes: readonly string[] };
  mentoring: { minimumDurationMonths: number; mentorCapacityMax: number };
}): TextTokens {
  const communes = settings.eligibility.communes;
  return {
    commune:
      communes.length > 1
        ? `${communes.slice(0, -1).join(', ')} ou ${communes.at(-1)}`
        : communes[0]!,
    structure: settings.structure.shortName,
    duration: String(settings.mentoring.minimumDurationMonths),
    capacityMax: String(settings.mentoring.mentorCapacityMax),
  };
}
