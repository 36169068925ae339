import type { FromSchema } from 'json-schema-to-ts';
import { idPatterns } from './data-layout.ts';
import {
  menteeApplicationFormSchema,
  type MenteeApplicationForm,
} from './mentee-application-form.ts';
import { envelopeProperties, envelopeRequired } from './record-envelope.ts';
import { storedIdentityCondition, type SealedIdentity } from './sealed-identity.ts';

export { menteeApplicationFormSchema, type MenteeApplicationForm };

/** A student's application as stored: `applications/mentees/<id>.json`. */
export const menteeApplicationSchema = {
  $id: 'mentee-application',
  title: 'Candidature de mentoré',
  type: 'object',
  additionalProperties: false,
  required: [...envelopeRequired, ...menteeApplicationFormSchema.required],
  properties: {
    ...envelopeProperties,
    id: { type: 'string', pattern: idPatterns.mentee },
    ...menteeApplicationFormSchema.properties,
    // Stored sealed (encrypted), unless the settings explicitly choose plain storage.
    identity: { ...storedIdentityCondition, else: menteeApplicationFormSchema.properties.identity },
    // A minor cannot give their legal representative's authorisation themselves: it is pending
    // until the representative signs the convention (issue 8). Set by the intake for a minor.
    legalRepresentativeAuthorisation: {
      title: 'Autorisation du représentant légal',
      oneOf: [
        { const: 'pending', title: 'En attente de la signature de la convention' },
        { const: 'given', title: 'Donnée par la signature de la convention' },
      ],
    },
  },
} as const;

/** As stored: the identity sealed, or plain when the settings say so (`storedIdentity`). */
export type MenteeApplication = Omit<FromSchema<typeof menteeApplicationSchema>, 'identity'> & {
  identity: SealedIdentity | MenteeApplicationForm['identity'];
};
/** A record whose identity has been opened (or was stored plain). */
export type OpenedMenteeApplication = Omit<MenteeApplication, 'identity'> & {
  identity: MenteeApplicationForm['identity'];
};
