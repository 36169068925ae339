import { describe, expect, it } from 'vitest';
import { maxCommands, parseCommands } from './parse-commands.ts';

const names = (body: string) =>
  parseCommands(body).commands.map((c) => `${c.name} ${c.args.join(' ')}`);

describe('the command lines of a comment', () => {
  it('reads every line that starts with « / », accents folded, and nothing else', () => {
    expect(
      names(
        'Bonjour,\n/retirer pair-aaaaaa-bbbbbb\n  /Décision mentee-aaaaaa acceptée Très bien\nmerci /relancer',
      ),
    ).toEqual(['retirer pair-aaaaaa-bbbbbb', 'decision mentee-aaaaaa acceptée Très bien']);
  });

  it('ignores what GitHub does not show as text: code blocks, indented code, HTML comments', () => {
    expect(
      names(
        '```\n/retirer a\n```\n    /retirer b\n\t/retirer c\n<!-- /retirer d -->\n<!--\n/retirer e\n-->\n/relancer',
      ),
    ).toEqual(['relancer ']);
  });

  it('keeps one line more than the limit, to answer it, and only counts the rest', () => {
    const parsed = parseCommands(Array.from({ length: 50 }, (_, i) => `/x ${i}`).join('\n'));
    expect(parsed.commands).toHaveLength(maxCommands + 1);
    expect(parsed.ignored).toBe(50 - maxCommands - 1);
  });

  it('quotes a line without backticks or control characters, cut short', () => {
    const [command] = parseCommands(`/retirer \`x\`\u202e${'y'.repeat(200)}`).commands;
    expect(command!.text).not.toMatch(/[`\u202e]/);
    expect(command!.text.length).toBeLessThanOrEqual(80);
  });
});
