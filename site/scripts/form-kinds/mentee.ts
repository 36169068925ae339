// What the browser checks a mentoré's application with, loaded once it is sent (one chunk).
import type { SchemaNode } from '../../../schemas/schema-walk.ts';
import { menteeApplicationFormSchema } from '../../../schemas/mentee-application-form.ts';
import validate from '../../../schemas/generated/mentee-form-validator.js';

export const schema = menteeApplicationFormSchema as SchemaNode;
export { validate };
