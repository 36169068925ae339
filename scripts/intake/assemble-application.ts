import { isMinorOn } from '../../schemas/application-rules.ts';
import type { ApplicationKind } from '../../schemas/data-layout.ts';
import type { Application, ApplicationForm } from '../../schemas/validators.ts';
import { chooseCohort, type Cohort } from './choose-cohort.ts';

/** What the intake knows about a submission beyond the person's answers. */
export interface SubmissionFacts {
  /** The fresh pseudonymous id. */
  id: string;
  /** When it arrived, as an ISO instant, and that day in the programme's time zone. */
  submittedAt: string;
  today: string;
  /** Whether a valid proof of work came with it (without one, a coordinator checks it). */
  proofOfWork: 'verified' | 'absent';
  idempotencyKeyHash: string;
}

/**
 * The application record stored for a checked form: the person's answers as they sent them,
 * inside the envelope the intake adds (id, date, cohort, how it arrived). Pure.
 */
export function assembleApplication<K extends ApplicationKind>(
  form: ApplicationForm<K>,
  facts: SubmissionFacts,
  cohorts: readonly Cohort[],
): Application<K> {
  const verified = facts.proofOfWork === 'verified';
  return {
    schemaVersion: 1,
    id: facts.id,
    submittedAt: facts.submittedAt,
    cohort: chooseCohort(cohorts, facts.today),
    intake: {
      proofOfWork: facts.proofOfWork,
      fillTime: verified ? 'ok' : 'unknown',
      needsReview: !verified,
      idempotencyKeyHash: facts.idempotencyKeyHash,
    },
    ...form,
    // A minor's authorisation comes with the representative's signature of the convention.
    ...(isMinorOn(form.identity.birthDate, facts.today)
      ? { legalRepresentativeAuthorisation: 'pending' }
      : {}),
  } as Application<K>;
}
