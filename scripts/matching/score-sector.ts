import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { sectorLabel } from './labels.ts';
import { sectorKeywords } from './sector-keywords.ts';
import type { RuleScore } from './rule-score.ts';

/** How the mentor's sector relates to what the mentoré aims at and studies. */
export type SectorFit = 'target' | 'studies' | 'none';

/** Every point for a sector the mentoré aims at, half for one close to their studies. */
export function sectorPoints(weight: number, fit: SectorFit): number {
  return fit === 'target' ? weight : fit === 'studies' ? Math.floor((weight + 1) / 2) : 0;
}

const wordsOf = (folded: string): string[] => folded.split(' ').filter((w) => w.length >= 4);

/** Whether the folded field of study names something of `sector` (word starts). */
export function studiesCloseTo(fieldFolded: string, sector: string): boolean {
  const field = ` ${fieldFolded}`;
  return (sectorKeywords[sector] ?? []).some((keyword) => field.includes(` ${keyword}`));
}

/**
 * The fit of a mentor's sector for a mentoré. Two « autre » sectors fit when they share a word.
 * `close` may be a memo of `studiesCloseTo` (the compiled scoring passes one).
 */
export function sectorFit(
  mentee: MenteeProfile,
  mentor: Pick<MentorProfile, 'sector' | 'sectorOther'>,
  close: (field: string, sector: string) => boolean = studiesCloseTo,
): SectorFit {
  if (mentor.sector === 'autre') {
    const mentorWords = wordsOf(mentor.sectorOther);
    const sameOther =
      mentee.sectors.includes('autre') &&
      wordsOf(mentee.sectorOther).some((w) => mentorWords.includes(w));
    if (sameOther) return 'target';
    return mentorWords.some((w) => ` ${mentee.fieldFolded}`.includes(` ${w}`)) ? 'studies' : 'none';
  }
  if (mentee.sectors.includes(mentor.sector)) return 'target';
  return close(mentee.fieldFolded, mentor.sector) ? 'studies' : 'none';
}

/** Sector: the mentor's sector against the mentoré's target sectors and field of study. */
export function scoreSector(
  mentee: MenteeProfile,
  mentor: MentorProfile,
  weight: number,
): RuleScore {
  const fit = sectorFit(mentee, mentor);
  const sector = `« ${sectorLabel(mentor.sector)} »`;
  const reason =
    fit === 'target'
      ? `le secteur du mentor, ${sector}, est l’un de ceux que vise le mentoré`
      : fit === 'studies'
        ? `le secteur du mentor, ${sector}, est proche des études du mentoré`
        : `le secteur du mentor, ${sector}, n’est ni visé par le mentoré ni proche de ses études`;
  return { rule: 'sector', points: sectorPoints(weight, fit), max: weight, reason };
}
