import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChart, type BarChartSpec, type ChartValue } from './bar-chart.ts';

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: (Element | string)[];
}

/** Decodes the five entities the chart may use, and numeric ones; any other `&`, `<` or `>` is an error. */
function decode(raw: string): string {
  if (/[&<>]/.test(raw.replace(/&(?:amp|lt|gt|quot|#\d+|#x[\da-f]+);/gi, '')))
    throw new Error(`bare & < or > in ${JSON.stringify(raw)}`);
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
  return raw.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : named[e]!,
  );
}

/**
 * A strict, small XML reader for what the chart writes (no prolog, comments or CDATA): balanced
 * tags, double-quoted unique attributes, known entities, characters XML allows, one root.
 */
function parseXml(xml: string): Element {
  if (!xml.isWellFormed() || /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.test(xml))
    throw new Error('a character XML forbids');
  const token = /<\/([\w:-]+)>|<([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/y;
  const document: Element = { name: '#document', attrs: {}, children: [] };
  const stack = [document];
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const parent = stack.at(-1)!;
    if (m[1] !== undefined) {
      if (parent.name !== m[1]) throw new Error(`</${m[1]}> closes <${parent.name}>`);
      stack.pop();
    } else if (m[2] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const [, name, value] of (m[3] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (name! in attrs) throw new Error(`attribute ${name} twice on <${m[2]}>`);
        attrs[name!] = decode(value!);
      }
      const element: Element = { name: m[2], attrs, children: [] };
      parent.children.push(element);
      if (!m[4]) stack.push(element);
    } else parent.children.push(decode(m[5]!));
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> never closed`);
  const roots = document.children.filter((c) => typeof c !== 'string');
  const stray = document.children.filter((c) => typeof c === 'string' && c.trim() !== '');
  if (roots.length !== 1 || stray.length) throw new Error('not exactly one root element');
  return roots[0]!;
}

const elements = (e: Element): Element[] =>
  e.children.flatMap((c) => (typeof c === 'string' ? [] : [c, ...elements(c)]));
const find = (e: Element, name: string, cls?: string): Element[] =>
  elements(e).filter((c) => c.name === name && (cls === undefined || c.attrs['class'] === cls));
/** The element's own text, without its <title> tooltip. */
const textOf = (e: Element): string => e.children.filter((c) => typeof c === 'string').join('');
const titleOf = (e: Element): string | undefined => {
  const title = e.children.find((c) => typeof c !== 'string' && c.name === 'title');
  return title === undefined || typeof title === 'string' ? undefined : textOf(title);
};

const aSpec = (overrides: Partial<BarChartSpec> = {}): BarChartSpec => ({
  id: 'inscriptions',
  title: 'Inscriptions par mois',
  description: 'Mentors et mentorés inscrits chaque mois.',
  categories: ['Septembre 2026', 'Octobre 2026'],
  series: [
    { label: 'Mentors', values: [{ value: 12 }, { value: 1234 }] },
    { label: 'Mentorés', values: [{ hidden: 'small' }, { hidden: 'secondary' }] },
  ],
  threshold: 5,
  ...overrides,
});
const one = (...values: ChartValue[]): Partial<BarChartSpec> => ({
  categories: values.map((_, i) => `Mois ${i + 1}`),
  series: [{ label: 'Candidatures', values }],
});
const isTick = (t: Element): boolean =>
  t.attrs['text-anchor'] === 'middle' && /^[\d\u202f,]+$/.test(textOf(t));
/** The x of each tick of the axis, by its label. */
const ticks = (svg: Element): Map<string, number> =>
  new Map(
    find(svg, 'text')
      .filter(isTick)
      .map((t) => [textOf(t), Number(t.attrs['x'])]),
  );
const barWidths = (svg: Element): number[] =>
  find(svg, 'rect', 'bar').map((b) => Number(b.attrs['width']));

describe('the SVG bar chart', () => {
  it('is one well-formed <svg>, labelled by its <title> and <desc>, which come first', () => {
    // The checker itself rejects what it should.
    for (const bad of [
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a>&nbsp;</a>',
      '<a>1 < 2</a>',
      '<a/><b/>',
    ])
      expect(() => parseXml(bad), bad).toThrow();
    const raw = barChart(aSpec());
    expect(raw.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const svg = parseXml(raw);
    const { attrs } = svg;
    expect([attrs['role'], attrs['aria-labelledby'], attrs['width']]).toEqual([
      'img',
      'inscriptions-title inscriptions-desc',
      '640',
    ]);
    expect(attrs['viewBox']).toBe(`0 0 640 ${attrs['height']}`);
    const [first, second] = svg.children.filter((c) => typeof c !== 'string');
    expect([first?.name, first?.attrs['id'], second?.name, second?.attrs['id']]).toEqual([
      'title',
      'inscriptions-title',
      'desc',
      'inscriptions-desc',
    ]);
    expect(textOf(first!)).toBe('Inscriptions par mois');
    for (const bar of find(svg, 'rect', 'bar')) expect(titleOf(bar)).toMatch(/\u00a0: /);
  });

  it('draws no bar for a hidden value, writes « moins de 5 » or « masqué », and never its count', () => {
    // A caller's bug: a hidden value still carrying its count. The count must not leak.
    const leaky = { hidden: 'small', value: 3 } as unknown as ChartValue;
    const series: BarChartSpec['series'] = [
      { label: 'Mentors', values: [{ value: 12 }, { value: 20 }] },
      { label: 'Mentorés', values: [leaky, { hidden: 'secondary' }] },
    ];
    const svg = parseXml(barChart(aSpec({ series })));
    expect(find(svg, 'rect', 'bar')).toHaveLength(2);
    expect(find(svg, 'text', 'hidden-value').map(textOf)).toEqual(['moins de 5', 'masqué']);
    expect(find(svg, 'text', 'hidden-value').map(titleOf)).toEqual([
      'Septembre 2026, mentorés\u00a0: moins de 5',
      'Octobre 2026, mentorés\u00a0: masqué',
    ]);
    const words = [...find(svg, 'text'), ...find(svg, 'title'), ...find(svg, 'desc')].map(textOf);
    expect(words.filter((w) => /3/.test(w))).toEqual([]);
  });

  it('lets hidden values play no part in the axis, and still draws a chart when all are hidden', () => {
    const some = parseXml(barChart(aSpec(one({ value: 2 }, { hidden: 'small' }))));
    expect([...ticks(some).keys()]).toEqual(['0', '1', '2']);
    expect(barWidths(some)).toEqual([ticks(some).get('2')! - ticks(some).get('0')!]);
    const none = parseXml(barChart(aSpec(one({ hidden: 'small' }, { hidden: 'secondary' }))));
    expect([...ticks(none).keys()]).toEqual(['0', '1']);
    expect(find(none, 'rect', 'bar')).toHaveLength(0);
    expect(barChart(aSpec(one({ hidden: 'small' })))).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('escapes every text it is given', () => {
    const raw = barChart(
      aSpec({ title: 'Titre "cité" & l’autre', categories: ['A & B <script>', 'Octobre 2026'] }),
    );
    expect(raw).toContain('>A &amp; B &lt;script&gt;<');
    expect(raw).toContain('Titre &quot;cité&quot; &amp; l’autre');
    expect(raw).not.toContain('<script');
    expect(textOf(find(parseXml(raw), 'text').find((t) => textOf(t).startsWith('A &'))!)).toBe(
      'A & B <script>',
    );
  });

  it('lists every value in words in the description, in French typography', () => {
    const svg = parseXml(barChart(aSpec()));
    expect(textOf(find(svg, 'desc')[0]!)).toBe(
      'Mentors et mentorés inscrits chaque mois. Septembre 2026\u00a0: mentors 12, mentorés moins de 5\u202f; Octobre 2026\u00a0: mentors 1\u202f234, mentorés masqué.',
    );
  });

  it('gives the same bytes for the same input', () => {
    const spec = aSpec();
    expect(barChart(structuredClone(spec))).toBe(barChart(spec));
  });

  it('sizes bars on the axis: a nice maximum spans it, the others in proportion', () => {
    const svg = parseXml(barChart(aSpec(one({ value: 20 }, { value: 5 }, { value: 10 }))));
    const axis = ticks(svg);
    expect([...axis.keys()]).toEqual(['0', '5', '10', '15', '20']);
    const full = axis.get('20')! - axis.get('0')!;
    expect(barWidths(svg)).toEqual([full, Math.round(full * 2.5) / 10, Math.round(full * 5) / 10]);
    expect(find(svg, 'rect', 'bar').every((b) => Number(b.attrs['x']) === axis.get('0'))).toBe(
      true,
    );
  });

  it('rounds the axis up to a nice number beyond the largest count', () => {
    const svg = parseXml(barChart(aSpec(one({ value: 17 }))));
    const axis = ticks(svg);
    expect([...axis.keys()]).toEqual(['0', '5', '10', '15', '20']);
    expect(barWidths(svg)).toEqual([Math.round((axis.get('20')! - axis.get('0')!) * 8.5) / 10]);
  });

  it('cuts a long category label at 260 px with « … », keeping it whole in the tooltip', () => {
    const long = 'Quartier prioritaire de la politique de la ville, secteur nord';
    const svg = parseXml(barChart(aSpec({ categories: [long, 'Octobre 2026'] })));
    const label = find(svg, 'text').find((t) => textOf(t).startsWith('Quartier'))!;
    expect(textOf(label)).toBe(`${long.slice(0, 36)}…`);
    expect(titleOf(label)).toBe(long);
    expect(titleOf(find(svg, 'rect', 'bar')[0]!)).toBe(`${long}, mentors\u00a0: 12`);
    expect(find(svg, 'rect', 'bar')[0]!.attrs['x']).toBe('272');
  });

  it('colours bars at least 3:1 against white, one colour per series, text in #1a1a1a', () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const values = [{ value: 1 }, { value: 2 }];
    const svg = parseXml(
      barChart(aSpec({ series: ['A', 'B', 'C', 'D'].map((label) => ({ label, values })) })),
    );
    const fills = [...new Set(find(svg, 'rect', 'bar').map((b) => b.attrs['fill']!))];
    expect(fills).toHaveLength(4);
    for (const fill of fills) expect(1.05 / (luminance(fill) + 0.05)).toBeGreaterThanOrEqual(3);
    expect(svg.attrs['fill']).toBe('#1a1a1a');
    expect(elements(svg).every((e) => e.attrs['fill'] === undefined || e.name === 'rect')).toBe(
      true,
    );
  });

  it('stays well-formed with one bar per published value, whatever the labels and counts', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('&', '<', '>', '"', "'", '\0', '\ud800', '\u2028'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
    });
    const value: fc.Arbitrary<ChartValue> = fc.oneof(
      fc.nat({ max: 1e7 }).map((v) => ({ value: v })),
      fc.constantFrom<ChartValue>({ hidden: 'small' }, { hidden: 'secondary' }),
    );
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 6 }),
        fc.array(text, { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(value),
        (categories, labels, values) => {
          const series = labels.map((label) => ({
            label,
            values: categories.map(() => values.next().value),
          }));
          const raw = barChart({
            id: 'c',
            title: labels[0]!,
            description: '',
            categories,
            series,
            threshold: 5,
            unit: labels[0]!,
          });
          const svg = parseXml(raw);
          expect(find(svg, 'rect', 'bar')).toHaveLength(
            series.flatMap((s) => s.values).filter((v) => 'value' in v).length,
          );
          expect(raw).not.toMatch(/NaN|undefined|Infinity/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
