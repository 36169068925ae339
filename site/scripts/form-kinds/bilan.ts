// What the browser checks a bilan de fin de mentorat with, loaded once it is sent (one chunk).
import type { SchemaNode } from '../../../schemas/schema-walk.ts';
import { bilanFormSchema } from '../../../schemas/follow-up-forms.ts';
import validate from '../../../schemas/generated/bilan-form-validator.js';

export const schema = bilanFormSchema as SchemaNode;
export { validate };
