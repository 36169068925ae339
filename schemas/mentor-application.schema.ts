import type { FromSchema } from 'json-schema-to-ts';
import { idPatterns } from './data-layout.ts';
import {
  mentorApplicationFormSchema,
  type MentorApplicationForm,
} from './mentor-application-form.ts';
import { envelopeProperties, envelopeRequired } from './record-envelope.ts';
import { storedIdentityCondition, type SealedIdentity } from './sealed-identity.ts';

export { mentorApplicationFormSchema, type MentorApplicationForm };

/** A professional's application as stored: `applications/mentors/<id>.json`. */
export const mentorApplicationSchema = {
  $id: 'mentor-application',
  title: 'Candidature de mentor',
  type: 'object',
  additionalProperties: false,
  required: [...envelopeRequired, ...mentorApplicationFormSchema.required],
  properties: {
    ...envelopeProperties,
    id: { type: 'string', pattern: idPatterns.mentor },
    ...mentorApplicationFormSchema.properties,
    // Stored sealed (encrypted), unless the settings explicitly choose plain storage.
    identity: { ...storedIdentityCondition, else: mentorApplicationFormSchema.properties.identity },
  },
} as const;

/** As stored: the identity sealed, or plain when the settings say so (`storedIdentity`). */
export type MentorApplication = Omit<FromSchema<typeof mentorApplicationSchema>, 'identity'> & {
  identity: SealedIdentity | MentorApplicationForm['identity'];
};
/** A record whose identity has been opened (or was stored plain). */
export type OpenedMentorApplication = Omit<MentorApplication, 'identity'> & {
  identity: MentorApplicationForm['identity'];
};
