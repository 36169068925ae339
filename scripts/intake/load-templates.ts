import type { IntakeTemplates } from './respond.ts';

/** The pages of the built site the intake answers with, by their slug (see IntakeTemplates). */
export const templatePages = {
  receipt: 'candidature-recue',
  problems: 'candidature-non-envoyee',
  followUpReceipt: 'reponse-recue',
  followUpProblems: 'reponse-non-envoyee',
  forms: {
    mentor: 'devenir-mentor',
    mentee: 'trouver-un-mentor',
    'check-in': 'point-etape',
    bilan: 'bilan-du-mentorat',
  },
} as const;

/**
 * The intake's templates, each page read by `page(slug)`: from the disk by the Node host, at
 * build time for a Worker (which has no disk).
 */
export async function loadTemplates(
  page: (slug: string) => Promise<string>,
): Promise<IntakeTemplates> {
  const { forms } = templatePages;
  return {
    receipt: await page(templatePages.receipt),
    problems: await page(templatePages.problems),
    followUpReceipt: await page(templatePages.followUpReceipt),
    followUpProblems: await page(templatePages.followUpProblems),
    forms: {
      mentor: await page(forms.mentor),
      mentee: await page(forms.mentee),
      'check-in': await page(forms['check-in']),
      bilan: await page(forms.bilan),
    },
  };
}
