import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import { htmlToText, normalizeText } from './text.ts';

/** The visible text of a page from a heading of level 2 to the next one, typography folded. */
function section(html: string, heading: string): { html: string; text: string } | undefined {
  const start = html.search(new RegExp(`<h2[^>]*>${heading}</h2>`));
  if (start === -1) return undefined;
  const end = html.indexOf('<h2', start + 1);
  const part = html.slice(start, end === -1 ? undefined : end);
  return { html: part, text: normalizeText(htmlToText(part)) };
}

const words = (value: string) => normalizeText(value).replace(/[.;]$/, '');

/**
 * Whether a list of hosts' names (« A, B et C. Pays : … ») names this one itself, not only a
 * longer name that holds it (« GitHub, Inc. » in « GitHub, Inc. (GitHub Pages) »).
 */
function names(text: string, name: string): boolean {
  const escaped = normalizeText(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[,.:] | et )${escaped}(?=\\.? Pays|, | et )`).test(text);
}

/**
 * What the « Données personnelles » page (its built HTML) fails to say from the settings (issue
 * 10): every processor with what it holds, the transfers out of the EU (only those), each
 * retention period, encryption and erasure. Each gap is one line in words; none: an empty list.
 */
export function privacyNoticeGaps(html: string, settings: ProgrammeSettings): string[] {
  const gaps: string[] = [];
  const says = (where: string, shown: string | undefined, what: string) => {
    if (!shown?.includes(words(what))) gaps.push(`« ${where} » ne dit pas : ${what}`);
  };
  const hosting = section(html, 'Hébergement des données');
  const transfers = section(html, 'Transferts hors de l’Espace économique européen');
  const retention = section(html, 'Durées de conservation');
  const rights = section(html, 'Vos droits');

  const processors = [settings.publication.host, ...settings.dataProtection.processors];
  for (const host of processors) {
    if (!hosting?.html.includes(`<strong>${host.name}</strong>`))
      gaps.push(`« Hébergement des données » ne nomme pas ${host.name}`);
    for (const what of [host.role, host.address])
      says('Hébergement des données', hosting?.text, what);
    if (!hosting?.html.includes(`href="${host.website}"`))
      gaps.push(`« Hébergement des données » n’a pas de lien vers ${host.website}`);
  }
  // Identities are encrypted unless the settings store them in clear, for a trial only.
  const plain =
    (settings as { encryption?: { identities?: string } }).encryption?.identities === 'plain';
  if (plain) says('Hébergement des données', hosting?.text, 'enregistrée sans être chiffrée');
  else {
    says('Hébergement des données', hosting?.text, 'est chiffrée avant d’être enregistrée');
    says('Hébergement des données', hosting?.text, 'Seule l’équipe de coordination du programme');
  }

  const outside = processors.filter((host) => host.transferFramework !== null);
  for (const host of outside) {
    if (!names(transfers?.text ?? '', host.name))
      gaps.push(`« Transferts hors de l’Espace économique européen » ne nomme pas ${host.name}`);
    for (const what of [`Pays : ${host.country}`, ...host.transferFramework!])
      says('Transferts hors de l’Espace économique européen', transfers?.text, what);
  }
  for (const host of processors.filter((p) => p.transferFramework === null)) {
    if (names(transfers?.text ?? '', host.name))
      gaps.push(
        `« Transferts hors de l’Espace économique européen » nomme ${host.name}, établi dans l’EEE`,
      );
  }
  if (outside.length === 0)
    says(
      'Transferts hors de l’Espace économique européen',
      transfers?.text,
      'Espace économique européen',
    );

  const { applicationWithoutPairMonths, afterMentoringEndsMonths, anonymisedStatistics } =
    settings.dataProtection.retention;
  says(
    'Durées de conservation',
    retention?.text,
    `conservée ${applicationWithoutPairMonths} mois à compter de la dernière décision prise à son sujet`,
  );
  says(
    'Durées de conservation',
    retention?.text,
    `conservés ${afterMentoringEndsMonths} mois après la fin du mentorat`,
  );
  says(
    'Durées de conservation',
    retention?.text,
    anonymisedStatistics
      ? 'Les statistiques anonymes et agrégées sur le programme sont conservées sans limite de durée'
      : 'Aucune statistique sur le programme n’est conservée',
  );

  if (!plain)
    says(
      'Vos droits',
      rights?.text,
      'votre identité gardée dans l’historique du dépôt de données devient elle aussi illisible',
    );
  return gaps;
}
