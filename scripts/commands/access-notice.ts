import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';

/**
 * What the GDPR (article 15) says a person receives with a copy of their data, besides the data:
 * who holds it, why, who it goes to, for how long, their rights, where to complain. From the
 * settings, the same as the « Données personnelles » page. Pure.
 */
export function accessNotice(
  settings: Pick<ProgrammeSettings, 'dataProtection' | 'publication' | 'structure' | 'encryption'>,
): string {
  const { controller, dpo, retention, processors } = settings.dataProtection;
  const hosts = [settings.publication.host, ...processors];
  return [
    `Responsable du traitement : ${controller.name}, ${controller.address} (${controller.email}). Délégué à la protection des données : ${dpo.email}, ${dpo.address}.`,
    `Finalités : traiter votre candidature, former les binômes du programme de mentorat et les suivre, rédiger la convention de mentorat, produire des statistiques anonymes sur le programme. Bases légales : l’exécution de la convention de mentorat et les mesures prises à votre demande avant sa signature (RGPD, article 6, paragraphe 1, point b) ; pour les statistiques, l’intérêt légitime de ${controller.name} (point f).`,
    `Décision automatisée : aucune. Un outil propose des binômes ; l’équipe de coordination décide.`,
    `Source : ces données viennent de vous (votre formulaire de candidature) et de l’équipe de coordination (décisions, binômes).`,
    `Destinataires : l’équipe de coordination de l’${settings.structure.shortName} ; une fois le binôme formé, l’autre membre du binôme reçoit votre prénom et vos coordonnées. Hébergeurs : ${hosts.map((h) => `${h.name}, ${h.country}`).join(' ; ')}. ${settings.encryption.identities === 'plain' ? 'Votre identité y est enregistrée sans chiffrement.' : 'Votre identité y est enregistrée chiffrée.'}`,
    ...(hosts.some((h) => h.transferFramework)
      ? [
          `Transferts hors de l’Espace économique européen : encadrés par ${[...new Set(hosts.flatMap((h) => h.transferFramework ?? []))].join(' et par ')}.`,
        ]
      : []),
    `Durées de conservation : une candidature sans binôme, ${retention.applicationWithoutPairMonths} mois après la dernière décision prise sur elle (ou après sa réception, si aucune décision n’a été prise) ; les données d’un binôme et de ses membres, ${retention.afterMentoringEndsMonths} mois après la fin du mentorat.`,
    `Vos droits : accès, rectification, effacement, limitation, opposition, portabilité (le fichier JSON joint), en écrivant à ${controller.email} ou au délégué à la protection des données. Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).`,
  ].join('\n\n');
}
