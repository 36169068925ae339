import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectedFields } from '../../schemas/collected-fields.ts';
import { fillTokens, tokensFrom } from '../../schemas/fill-tokens.ts';
import { frenchDate, nextCohort } from '../../schemas/next-cohort.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import { dateIn, rulesSettingsFrom } from '../../schemas/rules-context.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import { formSchemas } from '../../schemas/validators.ts';
import { builtPages, distDir } from '../../scripts/dev/built-site.ts';
import { renderResultPage } from '../../scripts/intake/render-result-page.ts';
import { privacyNoticeGaps } from '../helpers/privacy-notice.ts';
import { htmlToText, markdownBlocks, normalizeText } from '../helpers/text.ts';

const applicationPages = ['devenir-mentor/index.html', 'trouver-un-mentor/index.html'];
// The participants' follow-up forms (issue 12).
const followUpPages = ['point-etape/index.html', 'bilan-du-mentorat/index.html'];
const formPages = [...applicationPages, ...followUpPages];
let pages: string[] = [];
beforeAll(async () => {
  pages = await builtPages();
});

describe('built pages', () => {
  it('include every page of the site', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        '404.html',
        'le-programme/index.html',
        'la-convention/index.html',
        'devenir-mentor/index.html',
        'trouver-un-mentor/index.html',
        'questions-frequentes/index.html',
        'contact/index.html',
        'mentions-legales/index.html',
        'donnees-personnelles/index.html',
        'accessibilite/index.html',
        'plan-du-site/index.html',
        'candidature-recue/index.html',
        'candidature-non-envoyee/index.html',
        'point-etape/index.html',
        'bilan-du-mentorat/index.html',
        'reponse-recue/index.html',
        'reponse-non-envoyee/index.html',
      ]),
    );
  });

  it('ship no JavaScript, but for the four forms, and stay under 30 KB gzip, stylesheets included', async () => {
    for (const page of pages) {
      const html = await readFile(join(distDir, page), 'utf8');
      // The coordinators' desk (issue 15) is a script: its own size is measured apart.
      if (!formPages.includes(page) && page !== 'coordination/index.html')
        expect(html, page).not.toMatch(/<script\b/i);
      const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
        (m) => m[1]!,
      );
      const css = await Promise.all(sheets.map((href) => readFile(join(distDir, href), 'utf8')));
      const size = gzipSync(html + css.join('')).byteLength;
      expect(size, `${page}: ${size} bytes gzip`).toBeLessThan(30 * 1024);
    }
  });

  it('are in French, with a title, a description and one h1', async () => {
    for (const page of pages) {
      const html = await readFile(join(distDir, page), 'utf8');
      expect(html, page).toMatch(/<html lang="fr"/);
      expect(html, page).toMatch(/<title>[^<]{5,}<\/title>/);
      expect(html, page).toMatch(/<meta name="description" content="[^"]{50,}"/);
      expect(html.match(/<h1\b/g), page).toHaveLength(1);
    }
  });

  it('keep the result pages and the 404 out of search engines, and only those', async () => {
    const hidden = new Set([
      '404.html',
      'candidature-recue/index.html',
      'candidature-non-envoyee/index.html',
      'reponse-recue/index.html',
      'reponse-non-envoyee/index.html',
      'coordination/index.html',
    ]);
    for (const page of pages) {
      const html = await readFile(join(distDir, page), 'utf8');
      expect([page, html.includes('<meta name="robots" content="noindex">')]).toEqual([
        page,
        hidden.has(page),
      ]);
    }
  });

  it('never show a settings key or an unreplaced template', async () => {
    for (const page of pages) {
      const text = htmlToText(await readFile(join(distDir, page), 'utf8'));
      expect(text, page).not.toMatch(
        /\{[a-zA-Z]+\}|undefined|\[object Object\]|props\.(settings|contact|communes)/,
      );
    }
  });
});

describe('the coordinators’ desk', () => {
  it('opens with one script of the site under 200 KiB gzip, which generates no code', async () => {
    const html = await readFile(join(distDir, 'coordination/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script type="module" src="/coordination/bureau.js">']);
    const entry = await readFile(join(distDir, 'coordination/bureau.js'));
    expect(gzipSync(entry).byteLength).toBeLessThan(200 * 1024);
    // The page's policy forbids eval: the validators are precompiled, nothing compiles at run time.
    for (const file of (await readdir(join(distDir, 'coordination'))).filter((f) =>
      f.endsWith('.js'),
    ))
      expect(await readFile(join(distDir, 'coordination', file), 'utf8'), file).not.toMatch(
        /new Function\(|\beval\(/,
      );
  });
});

describe('the convention page', () => {
  it('contains every paragraph, heading and list item of content/documents/convention.md', async () => {
    const source = await readFile('content/documents/convention.md', 'utf8');
    const html = await readFile(join(distDir, 'la-convention/index.html'), 'utf8');
    const text = normalizeText(htmlToText(html));
    const blocks = markdownBlocks(source);
    expect(blocks.length).toBeGreaterThan(40);
    const missing = blocks.filter((block) => !text.includes(block));
    expect(missing).toEqual([]);
  });

  it('renders the structure: numbered sections, lists and bold terms', async () => {
    const html = await readFile(join(distDir, 'la-convention/index.html'), 'utf8');
    expect(html.match(/<h2[^>]*>\d\. /g)).toHaveLength(5);
    expect(html).toMatch(/<strong>le mentor<\/strong>/);
    expect(html).toMatch(/<strong>le mentoré<\/strong>/);
    expect(html.match(/<ul>/g)!.length).toBeGreaterThanOrEqual(7);
  });

  it('offers the blank convention as a PDF, with its format and size, and says the page is its accessible version', async () => {
    const html = await readFile(join(distDir, 'la-convention/index.html'), 'utf8');
    const link = /<a href="(\/documents\/convention-de-mentorat\.pdf)"[^>]*>([^<]*)<\/a>/.exec(
      html,
    );
    expect(link, 'a link to the PDF').not.toBeNull();
    const pdf = join(distDir, link![1]!);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const kilobytes = Math.round(statSync(pdf).size / 1024);
    expect(link![2]).toContain(`(PDF, ${kilobytes}&nbsp;Ko)`);
    expect(normalizeText(htmlToText(html))).toContain('Cette page en est la version accessible');
    // The signature block, from the front matter, with the minor's representative.
    expect(html).toMatch(/<div class="signatures">[\s\S]*Représentant légal du mentoré mineur/);
  });
});

describe('French typography', () => {
  it('puts no-break spaces before « : ; ! ? » and inside guillemets, on every page', async () => {
    const faults: string[] = [];
    for (const page of pages) {
      const text = htmlToText(await readFile(join(distDir, page), 'utf8'));
      for (const match of text.matchAll(/.{0,25}( [:;!?»]|« ).{0,10}/g))
        faults.push(`${page}: …${match[0]}…`);
    }
    expect(faults).toEqual([]);
  });
});

describe('the application forms', () => {
  const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
  const rules = rulesSettingsFrom(settings);
  const forms = [
    { kind: 'mentor' as const, page: 'devenir-mentor/index.html' },
    { kind: 'mentee' as const, page: 'trouver-un-mentor/index.html' },
  ];
  const attribute = (html: string, name: string) =>
    [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => htmlToText(m[1]!));
  /** The text of a page from a heading's text to the next heading of level 2. */
  const section = (html: string, heading: string) => {
    const start = html.indexOf(heading);
    expect(start, heading).toBeGreaterThan(-1);
    return normalizeText(htmlToText(html.slice(start, html.indexOf('<h2', start))));
  };
  const titles = (kind: 'mentor' | 'mentee') =>
    collectedFields(formSchemas[kind] as SchemaNode).flatMap((group) => [
      group.title,
      ...group.fields.filter((f) => !f.checkbox).map((f) => f.title),
    ]);
  const shown = (title: string) => normalizeText(fillTokens(title, rules.tokens));

  it.each(forms)(
    '$kind: take the rules from one attribute, built by rulesSettingsFrom',
    async ({ page }) => {
      const html = await readFile(join(distDir, page), 'utf8');
      expect(attribute(html, 'data-rules').map((json) => JSON.parse(json) as unknown)).toEqual([
        rules,
      ]);
      expect(html).not.toMatch(/data-(communes|capacity-max|tokens)=/);
    },
  );

  it('offer a mentor the capacities the settings allow, no more', async () => {
    const html = await readFile(join(distDir, 'devenir-mentor/index.html'), 'utf8');
    const offered = [...html.matchAll(/name="profile\.capacity" value="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(offered).toEqual(
      Array.from({ length: settings.mentoring.mentorCapacityMax }, (_, i) => i + 1),
    );
  });

  it.each(forms)(
    '$kind: its page lists what the form asks, from the schema',
    async ({ kind, page }) => {
      const html = await readFile(join(distDir, page), 'utf8');
      const listed = section(html, 'Ce que le formulaire vous demande');
      for (const title of titles(kind)) expect(listed, title).toContain(shown(title));
    },
  );

  it('the privacy notice lists what both forms ask, from the schemas', async () => {
    const html = await readFile(join(distDir, 'donnees-personnelles/index.html'), 'utf8');
    const listed = section(html, 'Données obligatoires et facultatives');
    for (const title of [...titles('mentee'), ...titles('mentor')])
      expect(listed, title).toContain(shown(title));
    expect(listed).toContain('Si vous avez moins de 18 ans');
  });
});

// Issue 10: the privacy notice names every processor and states every period from the settings;
// tests/site/production-build.test.ts builds it again from other settings, to show none is written
// in the page itself.
describe('the privacy notice', () => {
  const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
  const read = () => readFile(join(distDir, 'donnees-personnelles/index.html'), 'utf8');

  it('names every processor, its transfers, each retention period, encryption and erasure', async () => {
    expect(privacyNoticeGaps(await read(), settings)).toEqual([]);
  });

  it('notices a processor or a period the page no longer states', async () => {
    const html = await read();
    const { processors } = settings.dataProtection;
    const dropped = html.replaceAll(`<strong>${processors[0]!.name}</strong>`, '');
    expect(privacyNoticeGaps(dropped, settings)).toEqual([
      `« Hébergement des données » ne nomme pas ${processors[0]!.name}`,
    ]);
    const months = settings.dataProtection.retention.afterMentoringEndsMonths;
    const changed = html.replace(`conservés ${months} mois`, `conservés ${months + 1} mois`);
    expect(privacyNoticeGaps(changed, settings)).toHaveLength(1);
  });

  it('writes no host and no period of its own in the page’s source', async () => {
    const source = await readFile('content/pages/donnees-personnelles.mdx', 'utf8');
    expect(source).not.toMatch(/GitHub|Cloudflare|\d+ mois/);
  });
});

// Issue 8: knowing what happens next, in words an 18-year-old reads without a dictionary.
describe('what happens next', () => {
  const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
  const read = (page: string) => readFile(join(distDir, page), 'utf8');
  const text = async (page: string) => normalizeText(htmlToText(await read(page)));
  /** The text before the first visible h2: what a phone shows first. */
  const top = (html: string) =>
    normalizeText(htmlToText(html.slice(0, html.search(/<h2(?![^>]*visually-hidden)/))));
  const cohortPages = [
    'index.html',
    'devenir-mentor/index.html',
    'trouver-un-mentor/index.html',
    'candidature-recue/index.html',
  ];

  it.each(cohortPages)(
    '%s: announces the next cohort of the build’s day, its closing and start dates',
    async (page) => {
      // The build takes « today » in the structure's time zone when it writes the pages.
      const built = dateIn(settings.structure.timeZone, statSync(join(distDir, page)).mtime);
      const next = nextCohort(settings.cohorts, built);
      const shown = top(await read(page));
      if (next.state === 'none') {
        expect(shown).toContain('Aucune nouvelle cohorte n’est encore programmée');
        return;
      }
      const { cohort } = next;
      expect(shown).toContain(normalizeText(`Prochaine cohorte : ${cohort.label}`));
      expect(shown).toContain(frenchDate(cohort.applicationsClose));
      expect(shown).toContain(`début du mentorat le ${frenchDate(cohort.start)}`);
      if (next.state === 'upcoming') expect(shown).toContain(frenchDate(cohort.applicationsOpen));
      expect(await read(page)).toContain(`<time datetime="${cohort.applicationsClose}">`);
    },
  );

  it('the home page opens with both calls to action, before any other section', async () => {
    const html = await read('index.html');
    const hero = html.slice(html.indexOf('<div class="hero"'), html.indexOf('id="pour-qui"'));
    expect([...hero.matchAll(/<a class="call" href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/trouver-un-mentor/',
      '/devenir-mentor/',
    ]);
  });

  it.each(applicationPages)(
    '%s: a « Déposer ma candidature » link before the first section jumps to the form',
    async (page) => {
      const html = await read(page);
      const link = '<a class="button" href="#formulaire">Déposer ma candidature</a>';
      expect(html).toContain(link);
      expect(html.indexOf(link)).toBeLessThan(html.search(/<h2(?![^>]*visually-hidden)/));
      const target = html.indexOf('id="formulaire"');
      expect(target).toBeGreaterThan(html.indexOf(link));
      expect(html.indexOf('<form', target)).toBeGreaterThan(target);
    },
  );

  it.each(['index.html', 'trouver-un-mentor/index.html'])(
    '%s: says who may apply in plain words, from the settings’ communes, not the convention’s',
    async (page) => {
      const words = `Vous étudiez à ${tokensFrom(settings).commune} ou vous y habitez`;
      expect(top(await read(page))).toContain(normalizeText(words));
      expect(await text(page)).not.toMatch(/Isséen|de la ville d'Issy/);
    },
  );

  it('the mentor page says who may become a mentor in plain words', async () => {
    const page = await text('devenir-mentor/index.html');
    expect(top(await read('devenir-mentor/index.html'))).toContain(
      'Vous avez une solide expérience professionnelle',
    );
    const { min, max } = settings.eligibility.ages.mentor;
    expect(page).toContain(`Il faut avoir entre ${min} et ${max} ans.`);
  });

  it('the receipt says when, how, what comes next, and how to correct or withdraw', async () => {
    const html = await read('candidature-recue/index.html');
    const receipt = normalizeText(htmlToText(html.slice(html.indexOf('<main'))));
    expect(receipt).toContain(`sous ${settings.intake.answerWithinDays} jours`);
    expect(receipt).toContain('par téléphone ou par courriel');
    const steps = ['Un entretien', 'La formation des binômes', 'La convention'].map((step) =>
      receipt.indexOf(step),
    );
    expect(steps.every((at) => at > 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(receipt).toContain('Corriger ou retirer votre candidature');
    expect(receipt).toMatch(
      /contactez l'Espace Jeunes Anne Frank en donnant votre numéro de candidature/,
    );
    expect(html.slice(html.indexOf('<main'), html.indexOf('</main>'))).toContain(
      'href="/contact/"',
    );
  });

  it('the receipt keeps all that once the intake has put the reference number in', async () => {
    const template = await read('candidature-recue/index.html');
    // The intake replaces the inside of <div id="intake-result"> up to the first </div>.
    const inside = /<div id="intake-result"[^>]*>([\s\S]*?)<\/div>/.exec(template)![1]!;
    expect(inside).not.toMatch(/<div\b/);
    const served = await renderResultPage(
      template,
      '<p>Votre numéro : mentee-7f3k9q</p>',
      200,
    ).text();
    const shown = normalizeText(htmlToText(served));
    expect(shown).toContain('mentee-7f3k9q');
    expect(shown).toContain(`sous ${settings.intake.answerWithinDays} jours`);
    expect(shown).toContain('Corriger ou retirer votre candidature');
    expect(shown).not.toContain('Cette page confirme l’envoi');
  });

  it('names the matching software one way: « un outil informatique »', async () => {
    let named = 0;
    for (const page of pages.filter((p) => !p.startsWith('la-convention'))) {
      // The forms' own texts come from the schemas (issue 8, another part).
      const shown = htmlToText((await read(page)).replace(/<form[\s\S]*?<\/form>/g, ''));
      expect(shown, page).not.toMatch(
        /programme informatique|outil de mise en relation|algorithme/,
      );
      named += shown.match(/outil informatique/g)?.length ?? 0;
    }
    expect(named).toBeGreaterThanOrEqual(4);
  });

  it('writes for every reader: no agreement about « vous » in the masculine only', async () => {
    // `\p{L}`, not `\b`: « é » is a letter, which `\b` does not know.
    const masculineOnly =
      /\bvous (êtes|serez|restez|soyez) (informé|prévenu|accompagné|rémunéré|inscrit|étudiant|intéressé|prêt|sûr|certain|seul|maître)(?!\p{L})(?! ou )/iu;
    for (const page of pages.filter((p) => !p.startsWith('la-convention'))) {
      const shown = normalizeText(
        htmlToText((await read(page)).replace(/<form[\s\S]*?<\/form>/g, '')),
      );
      expect(shown, page).not.toMatch(masculineOnly);
    }
  });
});

// Issue 8: a value still « [À compléter : …] » never stands where a person looks for a way to
// reach the Espace Jeunes; the structure's name, town and the contact page always do.
describe('ways to reach the Espace Jeunes', () => {
  it('every footer gives the structure, its town and the contact page, never a placeholder', async () => {
    const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
    for (const page of pages) {
      const html = await readFile(join(distDir, page), 'utf8');
      const footer = html.slice(html.indexOf('<footer'));
      expect(footer, page).not.toContain('À compléter');
      expect(footer, page).toContain(settings.structure.address.city);
      expect(footer, page).toMatch(/<a href="\/contact\/">Contacter l’/);
    }
  });

  it('the contact page and the receipt show no placeholder, and still say where to go', async () => {
    for (const page of ['contact/index.html', 'candidature-recue/index.html']) {
      const html = await readFile(join(distDir, page), 'utf8');
      const main = htmlToText(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
      expect(main, page).not.toContain('À compléter');
      expect(main, page).toContain('Issy-les-Moulineaux');
    }
  });
});

// Issue 12: what a participant reads before the follow-up forms, and after them.
describe('the follow-up forms’ pages', () => {
  const read = (page: string) => readFile(join(distDir, page), 'utf8');
  const main = (html: string) =>
    normalizeText(htmlToText(html.slice(html.indexOf('<main'), html.indexOf('</main>'))));
  const top = (html: string) =>
    normalizeText(htmlToText(html.slice(0, html.search(/<h2(?![^>]*visually-hidden)/))));

  it.each([
    { page: 'point-etape/index.html', kind: 'check-in', call: 'Remplir le point d’étape' },
    { page: 'bilan-du-mentorat/index.html', kind: 'bilan', call: 'Remplir le bilan' },
  ])(
    '$page: says what it asks, never the meetings’ content, who reads it and where the code is, then the form',
    async ({ page, kind, call }) => {
      const html = await read(page);
      const link = `<a class="button" href="#formulaire">${call}</a>`;
      expect(html.indexOf(link), link).toBeGreaterThan(-1);
      expect(html.indexOf(link)).toBeLessThan(html.search(/<h2(?![^>]*visually-hidden)/));
      expect(html.indexOf(`data-kind="${kind}"`)).toBeGreaterThan(html.indexOf('id="formulaire"'));
      const text = main(html);
      for (const words of [
        'Rien de ce qui se dit pendant vos rencontres n’est demandé',
        'Seule l’équipe du programme',
        'fiche de suivi remise avec votre convention',
      ])
        expect(text).toContain(normalizeText(words));
      expect(top(html)).not.toContain('candidature');
    },
  );

  it('the forms say « réponses », never « candidature », beyond their questions', async () => {
    for (const page of followUpPages) {
      const element = /<binome-application-form[\s\S]*?<\/binome-application-form>/.exec(
        await read(page),
      )![0];
      expect(htmlToText(element), page).not.toMatch(/candidature/i);
      expect(htmlToText(element), page).toContain('envoyez-les');
    }
  });

  it('the receipt and the refusal keep their text once the intake has put its message in', async () => {
    for (const [page, kept] of [
      ['reponse-recue/index.html', 'Corriger une réponse'],
      ['reponse-non-envoyee/index.html', 'Revenir au formulaire'],
    ] as const) {
      const template = await read(page);
      // The intake replaces the inside of <div id="intake-result"> up to the first </div>.
      const inside = /<div id="intake-result"[^>]*>([\s\S]*?)<\/div>/.exec(template)![1]!;
      expect(inside, page).not.toMatch(/<div\b/);
      const served = await renderResultPage(template, '<p>Message de l’intake.</p>', 200).text();
      const shown = main(served);
      expect(shown, page).toContain(normalizeText('Message de l’intake.'));
      expect(shown, page).toContain(kept);
      expect(shown, page).not.toContain('Cette page');
      expect(shown, page).not.toMatch(/candidature/i);
    }
  });

  it.each(['le-programme/index.html', 'plan-du-site/index.html'])(
    '%s: links to both follow-up forms',
    async (page) => {
      const html = await read(page);
      for (const href of ['/point-etape/', '/bilan-du-mentorat/'])
        expect(html, href).toContain(`href="${href}"`);
    },
  );
});
