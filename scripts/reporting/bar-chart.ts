import { max, range } from 'd3-array';
import { formatLocale } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';

/** One published value: a count, or hidden by statistical confidentiality. */
export type ChartValue = { value: number } | { hidden: 'small' | 'secondary' };

export interface BarChartSpec {
  /** Used to make the ids inside the SVG unique on a page: [a-z0-9-]+ */
  id: string;
  /** Short French title, goes into <title> */
  title: string;
  /** French description of what the chart shows, into <desc>; the function appends a sentence listing each value in words (e.g. « Septembre 2026 : mentors 12, mentorés moins de 5 ; … »). */
  description: string;
  /** Category labels (one group of bars per category), drawn along the vertical axis (horizontal bars, labels on the left, so long French labels fit). */
  categories: readonly string[];
  /** One or more series (e.g. « Mentors », « Mentorés »); values[i] belongs to categories[i]. With 2+ series, draw grouped bars and a legend. */
  series: readonly { label: string; values: readonly ChartValue[] }[];
  /** The threshold, to write « moins de N » for hidden small values. */
  threshold: number;
  /** Optional unit suffix for the axis caption, e.g. « candidatures ». */
  unit?: string;
}

const width = 640;
const barHeight = 22;
const categoryGap = 12;
// A pure module has no font metrics: 7 px is a generous average advance at 13 px.
const charWidth = 7;
const maxLabelWidth = 260;
// nice() and ticks() share it, so that the axis ends on a labelled tick (17 gives 0 to 20).
const tickCount = 5;
const maxLabelChars = Math.floor(maxLabelWidth / charWidth);
const textColour = '#1a1a1a';
// Each at least 4:1 on white (bars need 3:1, WCAG 1.4.11). The first two, by far the commonest
// pair, also differ in lightness (greyscale prints); the legend, the value labels and each bar's
// <title> tell series apart without colour anyway (WCAG 1.4.1).
const seriesColours = ['#1b3f73', '#c85a12', '#2a7038', '#7e57c2'];
const fontFamily = "Inter, 'Source Sans 3', Arial, sans-serif";
const { format } = formatLocale({
  decimal: ',',
  thousands: '\u202f',
  grouping: [3],
  currency: ['', '\u00a0€'],
});
const formatCount = format(',');

/** Rounded to 0.1 px: enough for any screen, and the same bytes on every machine. */
const r = (v: number): number => Math.round(v * 10) / 10;

// XML 1.0 forbids control characters and lone surrogates: one in a label would break the file.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeXml = (text: string): string =>
  text.replace(notXml, '').replace(/[&<>"']/g, (c) => entities[c] ?? c);

const isPublished = (v: ChartValue): v is { value: number } => !('hidden' in v);

// Tested on `hidden` first: an object carrying both must never let its count through.
const inWords = (v: ChartValue, threshold: number): string =>
  'hidden' in v
    ? v.hidden === 'small'
      ? `moins de ${formatCount(threshold)}`
      : 'masqué'
    : formatCount(v.value);

// « Mentors » reads « mentors » inside a sentence; an acronym (« QPV ») keeps its capitals.
const midSentence = (label: string): string =>
  label.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());

const length = (text: string): number => [...text].length;

const fit = (label: string): string =>
  length(label) <= maxLabelChars ? label : `${[...label].slice(0, maxLabelChars - 1).join('')}…`;

// « Nombre d’heures », « Nombre de candidatures »: elision before a vowel or a mute h.
const caption = (unit: string | undefined): string =>
  unit ? `Nombre ${/^[aeiouyhàâéèêîïôû]/i.test(unit) ? 'd’' : 'de '}${unit}` : 'Nombre';

function describe(spec: BarChartSpec): string {
  const listing = spec.categories.map((category, i) => {
    const values = spec.series.map((s) => {
      const words = inWords(s.values[i]!, spec.threshold);
      return spec.series.length > 1 ? `${midSentence(s.label)} ${words}` : words;
    });
    return `${category}\u00a0: ${values.join(', ')}`;
  });
  const about = spec.description.trim();
  return listing.length ? `${about} ${listing.join('\u202f; ')}.` : about;
}

function check({ id, categories, series }: BarChartSpec): void {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`barChart: id "${id}" must match [a-z0-9-]+.`);
  if (series.length > seriesColours.length)
    throw new Error(`barChart: ${series.length} series, but colours for ${seriesColours.length}.`);
  for (const s of series) {
    if (s.values.length !== categories.length)
      throw new Error(
        `barChart: series "${s.label}" has ${s.values.length} values for ${categories.length} categories.`,
      );
    if (s.values.some((v) => isPublished(v) && !(Number.isFinite(v.value) && v.value >= 0)))
      throw new Error(`barChart: series "${s.label}" has a count that is negative or not finite.`);
  }
}

/**
 * A static, accessible SVG bar chart (horizontal bars, categories on the left), as a standalone
 * document that can also be inlined in HTML. Hidden values draw no bar and play no part in the
 * scale: only « moins de N » or « masqué » is written where the bar would be.
 */
export function barChart(spec: BarChartSpec): string {
  check(spec);
  const { id, categories, series, threshold } = spec;
  const published = series.flatMap((s) => s.values.filter(isPublished).map((v) => v.value));
  const top = series.length > 1 ? 36 : 8;
  const left = Math.min(maxLabelWidth, charWidth * (max(categories, length) ?? 0)) + 12;
  const right = charWidth * (max(published, (v) => length(formatCount(v))) ?? 1) + 16;
  const step = series.length * barHeight + categoryGap;
  const bottom = top + categories.length * step;
  const height = bottom + 48;
  // From published values only, so that no hidden count shows through the axis; [0, 1] if none.
  const x = scaleLinear()
    .domain([0, max(published) || 1])
    .nice(tickCount)
    .range([left, width - right]);
  // Inner and outer paddings that add up to one gap per category: each band is exactly the bars.
  const y = scaleBand<number>()
    .domain(range(categories.length))
    .range([top, bottom])
    .paddingInner(categoryGap / step)
    .paddingOuter(categoryGap / step / 2);
  const inner = scaleBand<number>()
    .domain(range(series.length))
    .range([0, y.bandwidth()])
    .paddingInner(0.1);
  // Every text is centred on its y (dy), so rows line up with bars whatever the font.
  const text = (atX: number, atY: number, content: string, extra = ''): string =>
    `<text x="${r(atX)}" y="${r(atY)}" dy="0.35em"${extra}>${content}</text>`;
  const centred = ' text-anchor="middle"';

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(fontFamily)}" font-size="13" fill="${textColour}">`,
    `<title id="${id}-title">${escapeXml(spec.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(spec))}</desc>`,
  ];
  let legendX = 0;
  for (const [i, s] of series.length > 1 ? series.entries() : []) {
    out.push(`<rect x="${legendX}" y="10" width="12" height="12" fill="${seriesColours[i]}"/>`);
    out.push(text(legendX + 18, 16, escapeXml(s.label)));
    legendX += 18 + charWidth * length(s.label) + 20;
  }
  // Counts have no fractions: a tick at 0,5 would suggest otherwise.
  for (const t of x.ticks(tickCount).filter(Number.isInteger)) {
    out.push(`<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${top}" y2="${bottom}" stroke="#d9d9d9"/>`);
    out.push(text(x(t), bottom + 14, formatCount(t), centred));
  }
  out.push(text((left + width - right) / 2, bottom + 36, escapeXml(caption(spec.unit)), centred));

  categories.forEach((category, ci) => {
    const groupY = y(ci) ?? 0;
    const full = length(category) > maxLabelChars ? `<title>${escapeXml(category)}</title>` : '';
    const label = escapeXml(fit(category)) + full;
    out.push(text(left - 8, groupY + y.bandwidth() / 2, label, ' text-anchor="end"'));
    series.forEach((s, si) => {
      const v = s.values[ci]!;
      const barY = groupY + (inner(si) ?? 0);
      const middle = barY + inner.bandwidth() / 2;
      const name = series.length > 1 ? `${category}, ${midSentence(s.label)}` : category;
      const words = inWords(v, threshold);
      const tooltip = `<title>${escapeXml(`${name}\u00a0: ${words}`)}</title>`;
      if (!isPublished(v)) {
        const hidden = ' class="hidden-value" font-style="italic"';
        out.push(text(left + 4, middle, escapeXml(words) + tooltip, hidden));
        return;
      }
      const end = x(v.value);
      out.push(
        `<rect class="bar" x="${left}" y="${r(barY)}" width="${r(end - left)}" height="${r(inner.bandwidth())}" fill="${seriesColours[si]}">${tooltip}</rect>`,
        text(end + 4, middle, words),
      );
    });
  });
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="${textColour}"/>`);
  return `${out.join('\n')}\n</svg>\n`;
}
