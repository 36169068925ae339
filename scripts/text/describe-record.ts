import { fillTokens, type TextTokens } from '../../schemas/fill-tokens.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { choiceTitle } from './choice-title.ts';
import { frenchDate } from './french-date.ts';

/** One line of a record described for people: the field's French title and its value. */
export interface DescribedLine {
  /** 0 for a top-level group, one more for each group inside. */
  depth: number;
  label: string;
  /** Undefined for a group heading. */
  value?: string;
}

function valueOf(node: SchemaNode, value: unknown, tokens: TextTokens): string {
  const label = (v: unknown) => {
    const title = choiceTitle(node.oneOf, v) ?? choiceTitle(node.items?.oneOf, v);
    return title ? fillTokens(title, tokens) : String(v);
  };
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (node['x-input'] === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return frenchDate(value);
  return label(value);
}

/**
 * A record as a French list of « titre : valeur », in the order and with the words of its schema
 * (the same titles as the form): what `npm run reveal` prints and the summary of a subject
 * access. Values the schema does not describe are given under their own name, never dropped. Pure.
 */
export function describeRecord(
  schema: SchemaNode,
  value: Record<string, unknown>,
  tokens: TextTokens,
  depth = 0,
): DescribedLine[] {
  const lines: DescribedLine[] = [];
  const known = schema.properties ?? {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    const node = known[key] ?? {};
    const label = node.title ? fillTokens(node.title, tokens) : key;
    if (typeof item === 'object' && !Array.isArray(item)) {
      lines.push({ depth, label });
      lines.push(...describeRecord(node, item as Record<string, unknown>, tokens, depth + 1));
    } else lines.push({ depth, label, value: valueOf(node, item, tokens) });
  }
  return lines;
}

/** The lines as indented text. */
export function linesToText(lines: readonly DescribedLine[]): string {
  return lines
    .map((l) => {
      // A question already ends its label: « Quel est… ? Réponse », not « ? : ».
      const label = l.label.replace(/\.$/, '');
      const colon = /[?:]$/.test(label) ? '' : ' :';
      return `${'  '.repeat(l.depth)}${label}${l.value === undefined ? colon : `${colon} ${l.value}`}`;
    })
    .join('\n');
}
