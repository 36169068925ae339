import { breakLines, type Faces, type Line } from './break-lines.ts';
import { plainText, type Block, type Run } from './convention-source.ts';
import { page, textWidth, textMark, type PageLayout } from './page-marks.ts';

interface Style {
  size: number;
  leading: number;
  before: number;
  after: number;
}

const styles = {
  heading2: { size: 12.5, leading: 16, before: 15, after: 5 },
  heading3: { size: 11, leading: 14.5, before: 9, after: 3 },
  paragraph: { size: 10.25, leading: 14.4, before: 0, after: 6.5 },
  item: { size: 10.25, leading: 14.4, before: 0, after: 2.5 },
} as const satisfies Record<string, Style>;

const listIndent = 16;

/** A piece the pages are filled with: lines that may split (with two lines at least on each side), or not. */
interface Chunk {
  lines: Line[];
  style: Style;
  indent: number;
  bullet?: string;
  /** Kept on the same page as the first lines of the next chunk (a heading). */
  keepWithNext?: boolean;
  /** Never split (the signature block). */
  whole?: { height: number; draw: (top: number, layout: PageLayout) => void };
  extraAfter?: number;
}

function textChunks(blocks: readonly Block[], faces: Faces): Chunk[] {
  const chunks: Chunk[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'heading') {
      const style = block.level === 2 ? styles.heading2 : styles.heading3;
      const runs: Run[] = block.runs.map((r) => ({ ...r, bold: true }));
      chunks.push({
        lines: breakLines(runs, faces, style.size, textWidth),
        style,
        indent: 0,
        keepWithNext: true,
      });
    } else if (block.type === 'paragraph')
      chunks.push({
        lines: breakLines(block.runs, faces, styles.paragraph.size, textWidth),
        style: styles.paragraph,
        indent: 0,
        // « Le mentor s’engage à : » stays with the start of the list it announces.
        ...(/:\s*$/.test(plainText(block.runs)) && blocks[index + 1]?.type === 'list'
          ? { keepWithNext: true }
          : {}),
      });
    else
      block.items.forEach((item, i) =>
        chunks.push({
          lines: breakLines(item, faces, styles.item.size, textWidth - listIndent),
          style: styles.item,
          indent: listIndent,
          bullet: block.ordered ? `${i + 1}.` : '•',
          extraAfter: i === block.items.length - 1 ? styles.paragraph.after - styles.item.after : 0,
        }),
      );
  });
  return chunks;
}

/** How many of a chunk's lines go on a page with `room` points left (0: none). */
function linesThatFit(chunk: Chunk, room: number, atTop: boolean): number {
  const before = atTop ? 0 : chunk.style.before;
  const fit = Math.max(0, Math.floor((room - before) / chunk.style.leading));
  const n = chunk.lines.length;
  if (fit >= n) return n;
  // No lone first line at a page's foot, no lone last line at the next page's head.
  if (fit < 2 || n < 4) return atTop ? Math.max(1, fit) : 0;
  return Math.min(fit, n - 2);
}

/**
 * The height chunk `i` needs on the page it starts, with what must stay with it: a heading (or
 * a sentence announcing a list) with the whole of the next chunk's kept part, recursively (a
 * `###` under a `##`), and the signature block whole; a chunk of fewer than four lines does not
 * split, a longer one needs its first two lines.
 */
function keptHeight(chunks: readonly Chunk[], i: number, atTop: boolean): number {
  const chunk = chunks[i];
  if (!chunk) return 0;
  if (chunk.whole) return chunk.whole.height + (atTop ? 0 : styles.heading2.before);
  const before = atTop ? 0 : chunk.style.before;
  const n = chunk.lines.length;
  if (!chunk.keepWithNext) return before + (n < 4 ? n : 2) * chunk.style.leading;
  return (
    before +
    n * chunk.style.leading +
    chunk.style.after +
    (chunk.extraAfter ?? 0) +
    keptHeight(chunks, i + 1, false)
  );
}

/**
 * The convention's text laid out on A4 pages: headings never alone at a page's foot, no single
 * line of a paragraph or a list item left at a page's foot or head, and `closing` (the
 * signature block) never split, with at least the text's last paragraph on its page.
 */
export function layOutBody(
  blocks: readonly Block[],
  faces: Faces,
  closing: { height: number; draw: (top: number, layout: PageLayout) => void },
): PageLayout[] {
  const chunks = textChunks(blocks, faces);
  // The last words of the text stay with the signatures: a signature page is never blank.
  const last = chunks.at(-1);
  if (last) last.keepWithNext = true;
  chunks.push({ lines: [], style: styles.paragraph, indent: 0, whole: closing });
  const pages: PageLayout[] = [{ marks: [], fields: [] }];
  // `y` is the top of the free space; a line's baseline sits at y - size (roughly its ascent).
  let y = page.top + styles.paragraph.size;
  let atTop = true;
  const room = () => y - (page.bottom - 4);
  const newPage = () => {
    pages.push({ marks: [], fields: [] });
    y = page.top + styles.paragraph.size;
    atTop = true;
  };
  for (let i = 0; i < chunks.length; i += 1) {
    const chunk = chunks[i]!;
    if (chunk.whole) {
      const before = atTop ? 0 : styles.heading2.before;
      if (chunk.whole.height + before > room() && !atTop) newPage();
      if (!atTop) y -= styles.heading2.before;
      chunk.whole.draw(y, pages.at(-1)!);
      y -= chunk.whole.height;
      atTop = false;
      continue;
    }
    if (chunk.keepWithNext && keptHeight(chunks, i, atTop) > room() && !atTop) newPage();
    let lines = chunk.lines;
    let first = true;
    while (lines.length > 0) {
      const fit = linesThatFit({ ...chunk, lines }, room(), atTop);
      if (fit === 0) {
        newPage();
        continue;
      }
      if (!atTop && first) y -= chunk.style.before;
      const layout = pages.at(-1)!;
      lines.slice(0, fit).forEach((line, k) => {
        const baseline = y - chunk.style.size;
        if (chunk.bullet && first && k === 0)
          layout.marks.push(textMark(page.left + 4, baseline, chunk.style.size, chunk.bullet));
        layout.marks.push({
          type: 'text',
          x: page.left + chunk.indent,
          y: baseline,
          size: chunk.style.size,
          pieces: line.pieces,
        });
        y -= chunk.style.leading;
      });
      atTop = false;
      first = false;
      lines = lines.slice(fit);
      if (lines.length > 0) newPage();
    }
    y -= chunk.style.after + (chunk.extraAfter ?? 0);
  }
  return pages;
}
