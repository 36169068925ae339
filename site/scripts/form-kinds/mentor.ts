// What the browser checks a mentor's application with, loaded once it is sent (one chunk).
import type { SchemaNode } from '../../../schemas/schema-walk.ts';
import { mentorApplicationFormSchema } from '../../../schemas/mentor-application-form.ts';
import validate from '../../../schemas/generated/mentor-form-validator.js';

export const schema = mentorApplicationFormSchema as SchemaNode;
export { validate };
