import type { FieldProblem } from '../../schemas/format-errors.ts';
import type { FormKind } from '../../schemas/validators.ts';

/** Why the intake did not store a form: what the person reads, and what the log says. */
export interface Refusal {
  code: string;
  status: number;
  /** For the person, in French. */
  message: string;
  problems?: FieldProblem[];
  headers?: Record<string, string>;
}

const catalogue = {
  'method-not-allowed': [
    405,
    'Cette adresse ne reçoit que les candidatures envoyées avec le formulaire du site.',
  ],
  'unsupported-content-type': [
    415,
    'Votre candidature n’est pas arrivée dans le format attendu. Envoyez-la avec le formulaire du site.',
  ],
  'bad-request': [
    400,
    'Cette demande n’a pas pu être comprise. Revenez au formulaire du site, puis renvoyez-le.',
  ],
  aborted: [
    400,
    'Votre candidature n’est pas arrivée en entier, peut-être à cause de la connexion. Vérifiez votre connexion, puis renvoyez-la.',
  ],
  'proof-of-work-replayed': [
    400,
    'La vérification automatique anti-robot a échoué. Rechargez la page, puis renvoyez le formulaire : vos réponses sont conservées dans cet onglet.',
  ],
  'already-sent': [
    409,
    'Cette candidature a déjà été envoyée, avec d’autres réponses. Pour la corriger, contactez l’équipe du programme ({structure}) en donnant votre numéro de candidature.',
  ],
  'invalid-encoding': [
    400,
    'Votre candidature contient des caractères illisibles, peut-être à cause d’un copier-coller. Vérifiez vos réponses, puis renvoyez-la.',
  ],
  'too-large': [
    413,
    'Votre candidature est trop longue. Raccourcissez les textes libres (par exemple « Ce que vous attendez du mentorat »), puis renvoyez-la.',
  ],
  'origin-not-allowed': [
    403,
    'Cette candidature ne vient pas du site du programme. Remplissez le formulaire sur le site du programme.',
  ],
  honeypot: [
    400,
    'Un champ caché, qui doit rester vide, a été rempli, peut-être par un outil de remplissage automatique. Rechargez la page, remplissez le formulaire vous-même, puis renvoyez-le.',
  ],
  'too-fast': [
    400,
    'Par sécurité, le formulaire ne peut pas être envoyé juste après l’ouverture de la page. Relisez vos réponses, patientez quelques secondes, puis renvoyez-le.',
  ],
  'proof-of-work-invalid': [
    400,
    'La vérification automatique anti-robot a échoué. Rechargez la page, puis renvoyez le formulaire : vos réponses sont conservées dans cet onglet.',
  ],
  'rate-limited': [
    429,
    'Beaucoup de candidatures ont été envoyées depuis votre connexion en peu de temps. Réessayez dans une heure, ou contactez l’équipe du programme ({structure}).',
  ],
  invalid: [
    422,
    'Votre candidature n’a pas été envoyée : corrigez les points ci-dessous, puis renvoyez-la.',
  ],
  'store-unavailable': [
    503,
    'Votre candidature n’a pas pu être enregistrée à cause d’un problème technique de notre côté : rien n’a été enregistré. Réessayez dans quelques minutes.',
  ],
  'internal-error': [
    500,
    'Votre candidature n’a pas pu être enregistrée à cause d’une erreur de notre côté : rien n’a été enregistré. Réessayez plus tard, ou contactez l’équipe du programme ({structure}).',
  ],
  'not-found': [404, 'Cette adresse n’existe pas.'],
  // Every reason a follow-up code is not taken (mistyped, unknown, revoked, a pair not under
  // way, a bilan already sent) reads the same: telling them apart would tell a stranger which
  // codes exist. So it says what to do, never why.
  'follow-up-code-refused': [
    422,
    'Votre réponse n’a pas été envoyée : vérifiez votre code de suivi.',
  ],
  'code-attempts-limited': [
    429,
    'Trop de codes de suivi non reconnus ont été essayés depuis votre connexion. Par sécurité, réessayez dans une heure, ou contactez l’équipe du programme ({structure}).',
  ],
} as const satisfies Record<string, readonly [number, string]>;

/**
 * The same refusals, worded for a follow-up form (« votre réponse »): a participant sending a
 * « point d'étape » is not applying. Codes missing here read the same for every form.
 */
const followUpWording: Partial<Record<keyof typeof catalogue, string>> = {
  'method-not-allowed':
    'Cette adresse ne reçoit que les réponses envoyées avec les formulaires de suivi du site.',
  'unsupported-content-type':
    'Votre réponse n’est pas arrivée dans le format attendu. Envoyez-la avec le formulaire du site.',
  aborted:
    'Votre réponse n’est pas arrivée en entier, peut-être à cause de la connexion. Vérifiez votre connexion, puis renvoyez-la.',
  'already-sent':
    'Ce formulaire a déjà été envoyé, avec d’autres réponses. Pour corriger votre réponse, contactez l’équipe du programme ({structure}).',
  'invalid-encoding':
    'Votre réponse contient des caractères illisibles, peut-être à cause d’un copier-coller. Vérifiez-la, puis renvoyez-la.',
  'too-large': 'Votre réponse est trop longue. Raccourcissez le texte libre, puis renvoyez-la.',
  'origin-not-allowed':
    'Cette réponse ne vient pas du site du programme. Remplissez le formulaire sur le site du programme.',
  'rate-limited':
    'Beaucoup de formulaires ont été envoyés depuis votre connexion en peu de temps. Réessayez dans une heure, ou contactez l’équipe du programme ({structure}).',
  invalid: 'Votre réponse n’a pas été envoyée : corrigez les points ci-dessous, puis renvoyez-la.',
  'store-unavailable':
    'Votre réponse n’a pas pu être enregistrée à cause d’un problème technique de notre côté : rien n’a été enregistré. Réessayez dans quelques minutes.',
  'internal-error':
    'Votre réponse n’a pas pu être enregistrée à cause d’une erreur de notre côté : rien n’a été enregistré. Réessayez plus tard, ou contactez l’équipe du programme ({structure}).',
};

/** What the code's field says when a follow-up code is refused (`follow-up-code-refused`). */
export function refusedCodeProblem(structure: string): FieldProblem {
  return {
    field: 'access.code',
    message: `Ce code de suivi ne permet pas d’envoyer ce formulaire. Vérifiez-le sur la fiche de suivi remise avec votre convention, puis renvoyez le formulaire. Si le problème continue, contactez l’équipe du programme (${structure}).`,
  };
}

/** Whether a form is one of the participants' follow-up forms (issue 12). */
export const isFollowUpForm = (kind: FormKind | undefined): kind is 'check-in' | 'bilan' =>
  kind === 'check-in' || kind === 'bilan';

export type RefusalCode = keyof typeof catalogue;

/**
 * The refusal of that code, with its status and French message, worded for `form` (an
 * application's when absent); `{structure}` in a message is the structure's name from the
 * settings (« Espace Jeunes Anne Frank »).
 */
export function refusal(
  code: RefusalCode,
  extra: Partial<Pick<Refusal, 'problems' | 'headers'>> & {
    structure?: string;
    form?: FormKind | undefined;
  } = {},
): Refusal {
  const { structure = 'le programme', form, ...rest } = extra;
  const [status, template] = catalogue[code];
  const worded = (isFollowUpForm(form) && followUpWording[code]) || template;
  return { code, status, message: worded.replaceAll('{structure}', structure), ...rest };
}
