import { meetingSlots } from '../../schemas/follow-up-forms.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { FollowUpForm, FollowUpFormKind } from '../../schemas/validators.ts';

/** What the intake knows about a follow-up beyond the participant's answers. */
export interface FollowUpFacts {
  /** From the code's owner file, never from the form. */
  pairId: string;
  role: 'mentor' | 'mentee';
  /** When it arrived, as an ISO instant. */
  submittedAt: string;
  proofOfWork: 'verified' | 'absent';
  idempotencyKeyHash: string;
}

/** The answers a follow-up record keeps: everything but the envelope (date, intake). */
export type FollowUpAnswers = Omit<FollowUp, 'schemaVersion' | 'submittedAt' | 'intake'>;

/**
 * What a checked follow-up form says, as the record keeps it. Pure. The code is not kept (the
 * pair and the role say whose it was), and a bilan's words only when their author chose to
 * send them: « seulement notre binôme » means they were dropped before the form was even read.
 */
export function followUpAnswers<K extends FollowUpFormKind>(
  kind: K,
  form: FollowUpForm<K>,
  facts: Pick<FollowUpFacts, 'pairId' | 'role'>,
): FollowUpAnswers {
  const { pairId, role } = facts;
  if (kind === 'check-in') {
    const { meetings = {}, mood } = form as FollowUpForm<'check-in'>;
    const seen = new Set<string>();
    const kept = meetingSlots
      .map((slot) => meetings[slot])
      .filter((m) => m !== undefined)
      .map((m) => ({ on: m.date, mode: m.mode, duration: m.duration }))
      // The same meeting typed twice is one meeting: the flags count meetings, not blocks.
      .filter((m) => {
        const key = `${m.on}|${m.mode}|${m.duration}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      // Newest first, whatever order the blocks were filled in (ISO dates sort as text).
      .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
    return {
      pairId,
      type: 'check-in',
      role,
      meetings: kept,
      rating: mood.rating,
      wantsContact: mood.wantsContact === true,
    };
  }
  const { outcome, words } = form as FollowUpForm<'bilan'>;
  const shared =
    (words.sharing === 'coordinators' || words.sharing === 'anonymous') &&
    typeof words.text === 'string' &&
    words.text.trim() !== '';
  return {
    pairId,
    type: 'bilan',
    role,
    objectivesReached: outcome.objectivesReached,
    satisfaction: outcome.satisfaction,
    wouldRecommend: outcome.wouldRecommend,
    ...(outcome.changes?.length ? { changes: outcome.changes } : {}),
    ...(shared ? { words: { text: words.text!, sharing: words.sharing } } : {}),
  } as FollowUpAnswers;
}

/** The follow-up record stored for these answers: its envelope, then the answers. Pure. */
export function assembleFollowUp(
  answers: FollowUpAnswers,
  facts: Omit<FollowUpFacts, 'pairId' | 'role'>,
): FollowUp {
  const { pairId, type, role, ...rest } = answers;
  return {
    schemaVersion: 1,
    pairId,
    type,
    role,
    submittedAt: facts.submittedAt,
    ...rest,
    intake: { idempotencyKeyHash: facts.idempotencyKeyHash, proofOfWork: facts.proofOfWork },
  } as FollowUp;
}
