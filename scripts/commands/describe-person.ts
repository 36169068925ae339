import type { TextTokens } from '../../schemas/fill-tokens.ts';
import { pairSchema } from '../../schemas/pair.schema.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { screeningDecisionSchema } from '../../schemas/screening-decision.schema.ts';
import { formSchemas } from '../../schemas/validators.ts';
import { describeRecord, linesToText } from '../text/describe-record.ts';
import type { PersonRecords } from './person-records.ts';
import { choiceTitle } from '../text/choice-title.ts';
import { frenchDate as frenchDay } from '../text/french-date.ts';

const pairStatusTitle = (status: string) =>
  choiceTitle(pairSchema.properties.status.oneOf, status)
    ?.replace(/ \(.*\)$/, '')
    .toLowerCase() ?? status;

const statusTitle = (status: string) =>
  choiceTitle(screeningDecisionSchema.properties.status.oneOf, status) ?? status;

/**
 * One person as a coordinator reads them (`npm run reveal`) and as they receive their data
 * (the summary of a subject access): every record, in French, with the form's own words.
 */
export function describePerson(person: PersonRecords, tokens: TextTokens): string {
  const role = person.kind === 'mentor' ? 'candidature de mentor' : 'candidature de mentoré';
  const parts: string[] = [`${person.id} (${role})`];
  const { application } = person;
  if (application) {
    parts.push(
      `Candidature reçue le ${frenchDay(application.submittedAt)}, cohorte ${application.cohort}.`,
    );
    const schema = formSchemas[person.kind] as SchemaNode;
    const { identity, profile, commitments } = application as unknown as Record<
      string,
      Record<string, unknown>
    >;
    parts.push(
      isSealed(identity)
        ? `Identité : chiffrée, non ouverte${person.unopened ? ` (${person.unopened})` : ''}.`
        : linesToText(describeRecord(schema, { identity: identity! }, tokens)),
    );
    parts.push(
      linesToText(describeRecord(schema, { profile: profile!, commitments: commitments! }, tokens)),
    );
    if ('legalRepresentativeAuthorisation' in application) {
      // The record as sent is never rewritten: the representative's signature is the `signed`
      // event of the mentoré's pair (issue 12).
      const signed = person.pairs
        .flatMap((p) => p.events)
        .find((e) => e.type === 'signed' && e.signatures?.representative);
      parts.push(
        `Autorisation du représentant légal : ${
          application.legalRepresentativeAuthorisation === 'given'
            ? 'donnée par la signature de la convention'
            : signed?.signatures?.representative
              ? `donnée par la signature de la convention le ${frenchDay(signed.signatures.representative)}`
              : 'en attente de la signature de la convention'
        }.`,
      );
    }
  } else parts.push('Candidature : aucune (effacée, ou jamais reçue).');
  if (person.decision) {
    const history = person.decision.history
      .map(
        (h) =>
          `  - ${frenchDay(h.at)} : ${statusTitle(h.status).toLowerCase()}${h.reason ? ` (« ${h.reason} »)` : ''}`,
      )
      .join('\n');
    parts.push(`Sélection : ${statusTitle(person.decision.status).toLowerCase()}.\n${history}`);
  }
  if (person.pairs.length)
    parts.push(
      `Binômes :\n${person.pairs.map((p) => `  - ${p.id} : ${p.mentor} et ${p.mentee}, cohorte ${p.cohort}, ${pairStatusTitle(p.status)}`).join('\n')}`,
    );
  // Their own answers only: the other member's are about the pair as they see it.
  const own = person.followUps.filter((f) => f.record.role === person.kind);
  if (own.length) {
    const checkIns = own.filter((f) => f.record.type === 'check-in').length;
    const bilans = own.filter((f) => f.record.type === 'bilan');
    parts.push(
      `Suivi : ${checkIns} point${checkIns > 1 ? 's' : ''} d’étape envoyé${checkIns > 1 ? 's' : ''}${
        bilans.length
          ? `, et le bilan de fin de mentorat${bilans.some((b) => b.record.words) ? ' (avec le texte que vous avez choisi de transmettre)' : ''}`
          : ''
      } ; le détail de chaque réponse est dans le fichier joint.`,
    );
  }
  if (person.matchingEdits.length)
    parts.push(
      `Modifications de l’appariement par l’équipe de coordination qui mentionnent cette personne (binômes interdits ou retirés), cohortes : ${person.matchingEdits.map((e) => e.cohort).join(', ')}.`,
    );
  if (person.erasure)
    parts.push(
      `Effacement : le ${frenchDay(person.erasure.erasedOn)}, ${person.erasure.reason === 'request' ? 'à la demande de la personne' : 'à la fin de la durée de conservation'}.`,
    );
  // Stored in clear: an application whose identity needed no key and has none.
  const plain = application !== undefined && !isSealed(application.identity) && !person.hasKey;
  if (!plain)
    parts.push(
      `Clé de chiffrement de l’identité : ${person.hasKey ? 'conservée (seule l’équipe de coordination peut lire l’identité)' : 'détruite (plus personne ne peut lire l’identité)'}.`,
    );
  else
    parts.push('Identité enregistrée sans chiffrement (réglage « encryption.identities: plain »).');
  return parts.join('\n\n') + '\n';
}
