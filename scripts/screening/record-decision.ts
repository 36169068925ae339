import type {
  ScreeningDecision,
  ScreeningStatus,
} from '../../schemas/screening-decision.schema.ts';

/**
 * The screening record after a coordinator's decision: the new status, dated, appended to the
 * history (which keeps every earlier decision). Pure: the clock's reading comes in as `at`.
 */
export function recordDecision(
  id: string,
  previous: ScreeningDecision | undefined,
  decision: { status: ScreeningStatus; at: string; reason?: string; trainingCompletedOn?: string },
): ScreeningDecision {
  const entry = {
    status: decision.status,
    at: decision.at,
    ...(decision.reason ? { reason: decision.reason } : {}),
  };
  const training = decision.trainingCompletedOn ?? previous?.trainingCompletedOn;
  return {
    schemaVersion: 1,
    id,
    status: decision.status,
    updatedAt: decision.at,
    ...(training ? { trainingCompletedOn: training } : {}),
    history: [...(previous?.history ?? []), entry],
  };
}
