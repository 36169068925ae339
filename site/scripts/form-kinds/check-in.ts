// What the browser checks a « point d'étape » with, loaded once it is sent (one chunk).
import type { SchemaNode } from '../../../schemas/schema-walk.ts';
import { checkInFormSchema } from '../../../schemas/follow-up-forms.ts';
import validate from '../../../schemas/generated/check-in-form-validator.js';

export const schema = checkInFormSchema as SchemaNode;
export { validate };
