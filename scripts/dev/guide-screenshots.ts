// The README's pictures of what coordinators read: a pairing pull request and a report.
// GitHub's own page cannot be reached from here, so the pull request is drawn locally from the
// Markdown the matching writes (its body and its review file), in a page laid out like GitHub's
// conversation view; the report is the real page `npm run report` writes. Synthetic people only,
// generated from a fixed seed, so two runs give the same pictures.
//   node scripts/dev/guide-screenshots.ts   (part of `npm run screenshots`)
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Page } from 'playwright-core';
import { readSettings } from '../../schemas/read-settings.ts';
import { pullRequestTitle } from '../commands/write-proposal.ts';
import { followUpRulesFrom } from '../followup/follow-up-rules.ts';
import { buildPool } from '../matching/build-pool.ts';
import { matchPool } from '../matching/match-pool.ts';
import { renderPullRequestBody, renderReview } from '../matching/render-review.ts';
import { compileReport } from '../reporting/compile-report.ts';
import { reportPeriod } from '../reporting/report-period.ts';
import { launchChromium } from './browser.ts';
import { generateCohort } from './matching-people.ts';
import { syntheticSchoolYear } from './pair-year.ts';
import { scriptArguments } from './script-arguments.ts';

const usage = `Utilisation : node scripts/dev/guide-screenshots.ts   (une partie de npm run screenshots)
    prend les deux images du README qui montrent ce que lisent les coordinateurs : une pull
    request de binômes proposés (dessinée d’après la description et la revue que l’appariement
    écrit, mise en page comme sur GitHub) et le premier écran d’un bilan du programme, pour un
    programme fictif (docs/screenshots/review-pull-request.png et report.png).`;
// --help prints the usage and does nothing else: no browser started, no file written.
scriptArguments(usage, {});

const outDir = resolve('docs/screenshots');
/** The same budget as the other pictures of the README. */
const maxBytes = 150 * 1024;
const width = 1000;
const settings = readSettings(await readFile('content/programme.yaml', 'utf8'));
const cohort = '2026-2027';
const today = '2026-11-30';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Markdown to HTML for the few constructs the review writes (headings, lists, tables, links,
 * bold, code and `<br>`). Text is always escaped; raw HTML other than a line break is shown as
 * text, as GitHub would sanitise it. Links lead nowhere: this is a picture.
 */
function toHtml(node: Nodes): string {
  const inner = () => ('children' in node ? node.children.map((c) => toHtml(c)).join('') : '');
  switch (node.type) {
    case 'root':
      return inner();
    case 'heading':
      return `<h${node.depth}>${inner()}</h${node.depth}>`;
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'text':
      return escapeHtml(node.value);
    case 'strong':
      return `<strong>${inner()}</strong>`;
    case 'emphasis':
      return `<em>${inner()}</em>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
    case 'link':
      return `<a>${inner()}</a>`;
    case 'list':
      return node.ordered ? `<ol>${inner()}</ol>` : `<ul>${inner()}</ul>`;
    case 'listItem':
      // A tight list's paragraphs are not set apart, as on GitHub.
      return `<li>${node.children
        .map((c) =>
          c.type === 'paragraph' ? c.children.map((d) => toHtml(d)).join('') : toHtml(c),
        )
        .join('')}</li>`;
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '<br>' : escapeHtml(node.value);
    case 'break':
      return '<br>';
    case 'thematicBreak':
      return '<hr>';
    case 'table': {
      const [head, ...rows] = node.children;
      const cells = (row: typeof head, tag: 'th' | 'td') =>
        `<tr>${(row?.children ?? []).map((cell) => `<${tag}>${cell.children.map((c) => toHtml(c)).join('')}</${tag}>`).join('')}</tr>`;
      return `<table><thead>${cells(head, 'th')}</thead><tbody>${rows.map((r) => cells(r, 'td')).join('')}</tbody></table>`;
    }
    default:
      return inner();
  }
}

const markdownToHtml = (markdown: string): string =>
  toHtml(
    fromMarkdown(markdown, {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    }) as Root,
  );

/** A small cohort, proposed exactly as `npm run match` proposes it: its body and its review. */
function pairingProposal(): { body: string; review: string } {
  // One mentoré more than the mentors' places can take, so that the review explains who is left.
  const { applications, decisions } = generateCohort(9, 5, 7);
  const pool = buildPool({
    cohort,
    capacityMax: settings.mentoring.mentorCapacityMax,
    applications,
    decisions,
    pairs: [],
    forced: [],
    edits: [],
  });
  const proposal = matchPool(pool, 'best', settings.matching, today);
  const edits = { forced: 0, withdrawn: 0, forbidden: 0 };
  return {
    body: renderPullRequestBody(proposal, edits, today, `reviews/${cohort}.md`),
    review: renderReview(proposal, pool, edits, today),
  };
}

/** GitHub's conversation view, as far as a picture needs it: its colours, sizes and boxes. */
function pullRequestPage({ body, review }: { body: string; review: string }): string {
  const style = `
    * { box-sizing: border-box; }
    body { margin: 0; background: #fff; color: #1f2328; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
    header.top { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 12px 24px; color: #59636e; }
    header.top b { color: #1f2328; }
    main { padding: 16px 24px 24px; }
    h1.title { font-size: 26px; font-weight: 400; margin: 0 0 8px; }
    h1.title span { color: #59636e; font-weight: 300; }
    .state { display: inline-block; background: #1f883d; color: #fff; border-radius: 2em; padding: 4px 12px; font-weight: 500; margin-right: 8px; }
    .meta { color: #59636e; padding-bottom: 16px; border-bottom: 1px solid #d1d9e0; }
    .meta code, .branch { background: #ddf4ff; color: #0969da; border-radius: 6px; padding: 1px 6px; font: 12px ui-monospace, monospace; }
    nav.tabs { display: flex; gap: 24px; border-bottom: 1px solid #d1d9e0; margin-bottom: 16px; }
    nav.tabs span { padding: 8px 0; color: #59636e; }
    nav.tabs span.on { color: #1f2328; font-weight: 600; border-bottom: 2px solid #fd8c73; }
    .comment { border: 1px solid #d1d9e0; border-radius: 6px; margin-bottom: 16px; }
    .comment > .head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; border-radius: 6px 6px 0 0; }
    .comment > .head b { color: #1f2328; }
    .markdown { padding: 16px; }
    .markdown > :first-child { margin-top: 0; }
    .markdown > :last-child { margin-bottom: 0; }
    .markdown h1 { font-size: 2em; font-weight: 600; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 0 0 16px; }
    .markdown h2 { font-size: 1.5em; font-weight: 600; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 24px 0 16px; }
    .markdown p, .markdown ul, .markdown table { margin: 0 0 16px; }
    .markdown ul { padding-left: 2em; }
    .markdown a { color: #0969da; text-decoration: underline; }
    .markdown code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, monospace; }
    .markdown table { border-collapse: collapse; display: block; overflow: hidden; }
    .markdown th, .markdown td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
    .markdown th { font-weight: 600; }
    .markdown tr:nth-child(2n) td { background: #f6f8fa; }
    .markdown td { font-size: 13px; }
    .markdown.clipped { max-height: 236px; overflow: hidden; }
    .more { border-top: 1px solid #d1d9e0; padding: 8px 16px; color: #0969da; text-align: center; }
  `;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(pullRequestTitle(cohort))}</title><style>${style}</style></head><body>
<header class="top"><b>structure</b> / <b>mentorat-donnees</b> · Private</header>
<main>
  <h1 class="title">${escapeHtml(pullRequestTitle(cohort))} <span>#12</span></h1>
  <p class="meta"><span class="state">Open</span><b>binome-app</b> wants to merge 1 commit into <code>main</code> from <code>binomes/${cohort}</code></p>
  <nav class="tabs"><span class="on">Conversation</span><span>Commits 1</span><span>Checks 1</span><span>Files changed 12</span></nav>
  <section class="comment"><div class="head"><b>binome-app</b> bot commented</div><div class="markdown">${markdownToHtml(body)}</div></section>
  <section class="comment"><div class="head"><b>reviews/${cohort}.md</b> · la revue (lien « la revue »), à partir de son tableau</div><div class="markdown clipped">${markdownToHtml(review.slice(review.indexOf('## Binômes')))}</div><div class="more">Afficher toute la revue</div></section>
</main></body></html>`;
}

/**
 * A school year of a small synthetic programme, compiled as `npm run report` compiles it:
 * pairs with their signatures, pauses, closings, check-ins and bilans (the report bench's
 * generator, on a scale where most counts are published).
 */
function reportPage(): string {
  return compileReport({
    period: reportPeriod(cohort, settings.cohorts),
    day: '2027-08-31',
    records: syntheticSchoolYear(90, 21),
    settings: { ...settings, followUp: followUpRulesFrom(settings), threshold: 5 },
    // No identities were opened: the page says there are no quotes, and why.
    terms: undefined,
    programme: settings.structure.name,
  }).html;
}

/**
 * The page's top, cut after the last whole block (of those `blocks` selects) that fits in
 * `height` pixels: no line of text is cut in half.
 */
async function shoot(page: Page, name: string, height: number, blocks: string) {
  const path = join(outDir, name);
  const bottom = await page.evaluate(
    ({ limit, selector }) => {
      const bottoms = Array.from(
        document.querySelectorAll(selector),
        (el) => el.getBoundingClientRect().bottom + window.scrollY,
      ).filter((b) => b <= limit);
      return Math.max(...bottoms, 200) + 16;
    },
    { limit: height, selector: blocks },
  );
  await page.screenshot({
    path,
    animations: 'disabled',
    caret: 'hide',
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, bottom) },
  });
  const { size } = await stat(path);
  console.log(`${path}: ${Math.round(size / 1024)} KB`);
  if (size > maxBytes) throw new Error(`${name} is over ${maxBytes / 1024} KB.`);
}

await mkdir(outDir, { recursive: true });
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    deviceScaleFactor: 1,
    locale: 'fr-FR',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    // Nothing to fetch: both pages are whole in themselves.
    offline: true,
  });
  const page = await context.newPage();
  await page.setContent(pullRequestPage(pairingProposal()));
  await shoot(page, 'review-pull-request.png', 1400, 'body > *, main > *');
  await page.setContent(reportPage());
  await shoot(page, 'report.png', 1600, 'header > *, main > section > *');
  await context.close();
} finally {
  await browser.close();
}
