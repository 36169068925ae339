import { describe, expect, it } from 'vitest';
import { escapeFrenchMarkdown } from './escape-markdown.ts';
import { plainReply } from './plain-reply.ts';

describe('plainReply', () => {
  it('gives back what the reply escaped, one line per command, without marks', () => {
    const answer = escapeFrenchMarkdown('✅ mentee-aaaaa4 : acceptée (motif « <b>@tous</b> »).');
    const markdown = `**Binôme** a traité vos commandes\u00a0:\n\n- \`/decision mentee-aaaaa4 acceptee\`\u00a0: ${answer}`;
    expect(plainReply(markdown)).toBe(
      'Binôme a traité vos commandes\u00a0:\n/decision mentee-aaaaa4 acceptee\u00a0: ✅ mentee-aaaaa4\u00a0: acceptée (motif «\u00a0<b>@tous</b>\u00a0»).',
    );
  });
});
