import type { ApplicationKind } from '../../schemas/data-layout.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import type { Application } from '../../schemas/validators.ts';
import type { SensitiveTerms } from './report-quotes.ts';

interface OpenIdentity {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  legalRepresentative?: { name: string; email: string; phone: string };
}

/**
 * The names, organisations and contacts the records hold, for masking quotes: every applicant's
 * (and legal representative's) names and contacts, mentors' employers, schools and the
 * organisations people asked to avoid, and the coordinators' names. Undefined when one identity
 * is still sealed: its names are unknown, so no quote can be shown to be free of them. Pure.
 */
export function sensitiveTerms(
  applications: readonly Application<ApplicationKind>[],
  coordinators: readonly { name: string }[],
): SensitiveTerms | undefined {
  const names: string[] = coordinators
    .map((c) => c.name)
    .filter((n) => !n.startsWith('[À compléter'));
  const organisations: string[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  for (const application of applications) {
    if (isSealed(application.identity)) return undefined;
    const identity = application.identity as unknown as OpenIdentity;
    names.push(identity.firstName, identity.lastName, `${identity.firstName} ${identity.lastName}`);
    emails.push(identity.email);
    phones.push(identity.phone);
    if (identity.legalRepresentative) {
      names.push(identity.legalRepresentative.name);
      emails.push(identity.legalRepresentative.email);
      phones.push(identity.legalRepresentative.phone);
    }
    const profile = application.profile as {
      organisation?: string;
      organisationsToAvoid?: string[];
      eligibility?: { school?: string };
    };
    if (profile.organisation) organisations.push(profile.organisation);
    organisations.push(...(profile.organisationsToAvoid ?? []));
    if (profile.eligibility?.school) organisations.push(profile.eligibility.school);
  }
  return { names, organisations, emails, phones };
}
