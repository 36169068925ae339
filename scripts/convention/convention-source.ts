import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';

/** A stretch of text in one weight. */
export interface Run {
  text: string;
  bold: boolean;
}

/** What the convention's text is made of, in reading order. */
export type Block =
  | { type: 'heading'; level: 2 | 3; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Run[][] };

/** The labels of the signature block (front matter `signatures`). */
export interface SignatureLabels {
  heading: string;
  mentor: string;
  mentee: string;
  representative: string;
}

export interface ConventionSource {
  title: string;
  blocks: Block[];
  signatures: SignatureLabels;
}

/** The convention's Markdown holds something the PDF cannot render: the build names it. */
export class ConventionSourceError extends Error {
  override name = 'ConventionSourceError';
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  children?: MdNode[];
  position?: { start: { line: number } };
}

// Only the ASCII spaces and line breaks of the source collapse: a no-break space (U+00A0) or a
// narrow one (U+202F) is typography the structure wrote, and \s would swallow both.
const collapsible = /[ \t\r\n]+/g;

function inline(nodes: MdNode[], bold: boolean, out: Run[]): Run[] {
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode')
      out.push({ text: (node.value ?? '').replace(collapsible, ' '), bold });
    else if (node.type === 'break') out.push({ text: ' ', bold });
    else if (node.type === 'strong') inline(node.children ?? [], true, out);
    // Emphasis and links keep their words; the PDF has no italics and no live links.
    else if (node.type === 'emphasis' || node.type === 'link')
      inline(node.children ?? [], bold, out);
    else if (isComment(node)) continue;
    else throw unsupported(node);
  }
  return out;
}

/** An HTML comment (a note to whoever edits the text): nothing to draw. Other HTML is refused. */
const isComment = (node: MdNode) =>
  node.type === 'html' && /^<!--[\s\S]*-->$/.test((node.value ?? '').trim());

/** Adjacent runs of one weight merged, spaces at both ends trimmed. */
function tidy(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.bold === run.bold) last.text += run.text;
    else merged.push({ ...run });
  }
  while (merged[0] && (merged[0].text = merged[0].text.replace(/^ +/, '')) === '') merged.shift();
  while (merged.at(-1) && (merged.at(-1)!.text = merged.at(-1)!.text.replace(/ +$/, '')) === '')
    merged.pop();
  return merged.map((run, i) =>
    i > 0 && merged[i - 1]!.text.endsWith(' ')
      ? { ...run, text: run.text.replace(/^ +/, '') }
      : run,
  );
}

/** The Markdown elements the PDF refuses, named as the person who edits the text knows them. */
const elementNames: Record<string, string> = {
  table: 'un tableau',
  blockquote: 'une citation en retrait',
  thematicBreak: 'une ligne de séparation',
  code: 'un bloc de code',
  image: 'une image',
  imageReference: 'une image',
  definition: 'une définition de lien',
  footnoteReference: 'une note',
  footnoteDefinition: 'une note',
  delete: 'du texte barré',
  html: 'du HTML',
};

function unsupported(node: MdNode): ConventionSourceError {
  const line = node.position?.start.line;
  return new ConventionSourceError(
    `Le texte de la convention (content/documents/convention.md) contient ${elementNames[node.type] ?? 'un élément non pris en charge'}${line ? ` (ligne ${line})` : ''} que le PDF ne sait pas reproduire : n’utilisez que des titres, des paragraphes, des listes et du texte en gras.`,
  );
}

function listItems(list: MdNode): Run[][] {
  return (list.children ?? []).map((item) => {
    const runs: Run[] = [];
    for (const child of item.children ?? []) {
      if (child.type !== 'paragraph') throw unsupported(child);
      if (runs.length > 0) runs.push({ text: ' ', bold: false });
      inline(child.children ?? [], false, runs);
    }
    return tidy(runs);
  });
}

function frontMatter(markdown: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (!match) return { data: {}, body: markdown };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch {
    throw new ConventionSourceError(
      'L’en-tête du texte de la convention (content/documents/convention.md, entre les deux lignes « --- ») n’est pas un YAML valable.',
    );
  }
  return {
    data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {},
    body: markdown.slice(match[0].length),
  };
}

function text(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (typeof value !== 'string' || value.trim() === '')
    throw new ConventionSourceError(
      `L’en-tête du texte de la convention (content/documents/convention.md) n’a pas de « ${key} ».`,
    );
  return value;
}

/**
 * The convention's text (`content/documents/convention.md`, the source of the site's page too)
 * as blocks the PDF lays out: headings, paragraphs and lists with their bold terms. What the PDF
 * could not show faithfully (a table, a quotation block, an image) is refused by name, so that
 * the two renderings cannot quietly differ.
 */
export function parseConvention(markdown: string): ConventionSource {
  const { data, body } = frontMatter(markdown);
  const signatures = data['signatures'];
  if (!signatures || typeof signatures !== 'object')
    throw new ConventionSourceError(
      'L’en-tête du texte de la convention (content/documents/convention.md) n’a pas de « signatures ».',
    );
  const labels = signatures as Record<string, unknown>;
  const blocks: Block[] = [];
  // With GitHub's extensions, as the site reads it: a table is then seen, and refused.
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  for (const node of (tree as MdNode).children ?? []) {
    if (isComment(node)) continue;
    if (node.type === 'heading')
      blocks.push({
        type: 'heading',
        level: (node.depth ?? 2) <= 2 ? 2 : 3,
        runs: tidy(inline(node.children ?? [], false, [])),
      });
    else if (node.type === 'paragraph')
      blocks.push({ type: 'paragraph', runs: tidy(inline(node.children ?? [], false, [])) });
    else if (node.type === 'list')
      blocks.push({ type: 'list', ordered: node.ordered === true, items: listItems(node) });
    else throw unsupported(node);
  }
  return {
    title: text(data, 'title'),
    blocks: blocks.filter((b) => b.type === 'list' || b.runs.length > 0),
    signatures: {
      heading: text(labels, 'heading'),
      mentor: text(labels, 'mentor'),
      mentee: text(labels, 'mentee'),
      representative: text(labels, 'representative'),
    },
  };
}

/** The plain text of some runs. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
