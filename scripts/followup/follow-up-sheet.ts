/** What a participant's follow-up sheet says: who it is for by role, never by name. */
export interface FollowUpSheetInput {
  pairId: string;
  role: 'mentor' | 'mentee';
  code: string;
  /** The site's address (`https://…`), or '' when it is not published yet. */
  siteUrl: string;
  /** The structure's short name and how to reach it. */
  structure: { shortName: string; phone: string; email: string };
}

/**
 * A participant's follow-up sheet, to print or send: their personal code and where to use it.
 * Plain text (it prints anywhere, and a coordinator may paste it into a message). Pure.
 */
export function followUpSheet(input: FollowUpSheetInput): string {
  const { structure } = input;
  const site = input.siteUrl.replace(/\/$/, '');
  const page = (slug: string) => (site ? `${site}/${slug}/` : `la page « ${slug} » du site`);
  const who = input.role === 'mentor' ? 'du mentor' : 'du mentoré ou de la mentorée';
  return [
    `Fiche de suivi ${who} — binôme ${input.pairId}`,
    '',
    `Votre code de suivi : ${input.code}`,
    '',
    'Il est à vous seul : il permet de répondre aux formulaires de suivi au nom de votre binôme,',
    'sans donner votre nom. Ne le communiquez à personne.',
    '',
    `Chaque mois, un point d’étape (une minute) : ${page('point-etape')}`,
    `À la fin du mentorat, le bilan : ${page('bilan-du-mentorat')}`,
    '',
    'Aucun de ces formulaires ne demande le contenu de vos échanges.',
    `Code perdu, question ou difficulté : ${structure.shortName}, ${structure.phone}, ${structure.email}.`,
    '',
  ].join('\n');
}
