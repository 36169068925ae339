import { escapeHtml } from './escape-html.ts';
import { fillTokens, type TextTokens } from './fill-tokens.ts';
import type { bilanSharing } from './follow-up-forms.ts';
import type { FieldProblem } from './format-errors.ts';
import { formRoutes } from './form-routes.ts';
import { frenchTypography } from './french-typography.ts';
import type { SchemaNode } from './schema-walk.ts';
import type { FormKind } from './validators.ts';

// The one renderer of the forms' markup (applications, and since issue 12 the participants'
// follow-up forms), driven by the schema: the site's build puts it in the form pages, and the
// intake uses it to send a form back without JavaScript, with the person's answers and the
// messages in place (issue 8). Pure: strings in, HTML out.

/** What a form looks like at a given moment: the answers sent, and what is wrong with them. */
export interface FormState {
  /** The values sent, by field name (`identity.email`); several for a list of choices. */
  values: ReadonlyMap<string, readonly string[]>;
  /** The problems, in the order of the form; their fields get their message and `aria-invalid`. */
  problems: readonly FieldProblem[];
}

export interface FormTexts {
  intro: string;
  /** Said only where a draft is kept (with JavaScript). */
  draft: string;
  summaryOne: string;
  summaryMany: string;
  sending: string;
  networkError: string;
  /** The last step's sentence, as the page is built (no list of answers without JavaScript). */
  review: string;
  /** The same sentence once the browser lists the answers, each linked to its question. */
  reviewLinked: string;
  /** Beside a text its author may keep (`keptTexts`), without JavaScript: the intake drops it. */
  keptNote?: string;
  /** The same note with JavaScript, while the choice keeps the text: the browser never sends it. */
  keptNoteScript?: string;
  /** The same note with JavaScript, while the choice shares the text. */
  sentNote?: string;
  /** What the review list says instead of a kept text. */
  keptReview?: string;
}

/**
 * content/forms.yaml: the applications' texts, and under `followUps` those of the participants'
 * follow-up forms, which send answers (« vos réponses »), not an application.
 */
export type FormTextsFile = FormTexts & { followUps: FormTexts };

/** The texts of one kind of form, from content/forms.yaml as parsed. */
export function formTextsFor(file: FormTextsFile, kind: FormKind): FormTexts {
  const { followUps, ...applications } = file;
  return kind === 'check-in' || kind === 'bilan' ? followUps : applications;
}

/**
 * A free text its author may keep within the pair (issue 12): it is sent only when `choice` holds
 * one of `sentWith`. The browser leaves it out of what it sends otherwise, and the intake drops
 * it unread if it comes anyway (a form sent without JavaScript).
 */
export interface KeptText {
  field: string;
  choice: string;
  sentWith: readonly string[];
}

/** The choices of who may read a bilan's words, as the schema spells them. */
type BilanSharing = (typeof bilanSharing.oneOf)[number]['const'];

export const keptTexts: Partial<Record<FormKind, KeptText>> = {
  bilan: {
    field: 'words.text',
    choice: 'words.sharing',
    // Listed one by one, never « all but pair-only »: a choice added to the schema keeps the
    // words on the phone until it is added here on purpose.
    sentWith: ['coordinators', 'anonymous'] satisfies BilanSharing[],
  },
};

export interface FormOptions {
  kind: FormKind;
  schema: SchemaNode;
  /** Where the form posts to and fetches its challenge from (the intake's address, or ''). */
  intakeUrl: string;
  /** `rulesSettingsFrom(settings)`, read as is by the browser. */
  rules: unknown;
  texts: FormTexts;
  tokens: TextTokens;
  /** Text of the submit button. */
  submit: string;
  /** The site's base path (`/`, or `/<repository>/` on GitHub Pages), for links to pages. */
  base?: string;
}

interface Context {
  tokens: TextTokens;
  values: ReadonlyMap<string, readonly string[]>;
  errors: ReadonlyMap<string, string>;
  base: string;
  /** « Étape 2 sur 4 » of each top-level group. */
  steps: ReadonlyMap<string, string>;
  /** The form's text its author may keep, with the note said beside it. */
  kept?: { text: KeptText; note: string | undefined };
}

const attribute = (name: string, value: string | number | undefined | false) =>
  value === undefined || value === false ? '' : ` ${name}="${escapeHtml(String(value))}"`;
const flag = (name: string, on: boolean) => (on ? ` ${name}` : '');

/** The HTML id of a field's control or group (`identity.email` -> `f-identity-email`). */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

function text(value: string | undefined, tokens: TextTokens): string | undefined {
  return value ? escapeHtml(frenchTypography(fillTokens(value, tokens))) : undefined;
}

function notes(hint: string | undefined, id: string, error: string | undefined): string {
  const hintHtml = hint ? `<p class="hint" id="${id}-hint">${hint}</p>` : '';
  const errorHtml =
    error === undefined
      ? `<p class="field-error" id="${id}-error" hidden></p>`
      : `<p class="field-error" id="${id}-error">${escapeHtml(frenchTypography(error))}</p>`;
  return hintHtml + errorHtml;
}

const requiredMark = '<span class="required" aria-hidden="true">*</span>';

/** What the browser needs to show a conditional field only when it applies. */
function conditional(node: SchemaNode): string {
  const when = node['x-applies-when'];
  return when ? attribute('data-applies-when', JSON.stringify(when)) : '';
}

/** A label's text, with the words the schema names made links to pages (in a new tab). */
function labelWithLinks(node: SchemaNode, label: string, base: string): string {
  let html = label;
  for (const link of node['x-links'] ?? []) {
    const words = escapeHtml(frenchTypography(link.text));
    const href = `${base.replace(/\/$/, '')}${link.href}`;
    html = html.replace(
      words,
      `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${words}<span class="visually-hidden"> (nouvel onglet)</span></a>`,
    );
  }
  return html;
}

function choicesOf(node: SchemaNode, tokens: TextTokens) {
  // A count (`x-count-max`) offers each number from its minimum to a maximum the settings give.
  const countMax = node['x-count-max'] ? Number(fillTokens(node['x-count-max'], tokens)) : 0;
  const counts = Array.from({ length: Math.max(0, countMax - (node.minimum ?? 1) + 1) }, (_, i) => {
    const count = (node.minimum ?? 1) + i;
    return { const: count, title: String(count) } as SchemaNode;
  });
  return node.oneOf ?? node.items?.oneOf ?? (countMax ? counts : undefined);
}

function renderField(
  node: SchemaNode,
  path: string,
  required: boolean,
  context: Context,
  level: number,
): string {
  const { tokens, values, errors } = context;
  const id = fieldId(path);
  const label = text(node.title, tokens) ?? escapeHtml(path);
  const hint = text(node.description, tokens);
  const error = errors.get(path);
  const invalid = flag('aria-invalid="true"', error !== undefined);
  const kept = context.kept?.text.field === path ? context.kept : undefined;
  const describedBy = [
    hint ? `${id}-hint` : undefined,
    kept?.note ? `${id}-kept` : undefined,
    `${id}-error`,
  ]
    .filter(Boolean)
    .join(' ');
  const sent = values.get(path) ?? [];
  const options = choicesOf(node, tokens);

  if (node.type === 'object' && node.properties) {
    const heading = `h${Math.min(level, 4)}`;
    const requiredChildren = new Set(node.required ?? []);
    const children = Object.entries(node.properties)
      .map(([key, child]) =>
        renderField(
          child,
          `${path}.${key}`,
          required && requiredChildren.has(key),
          context,
          level + 1,
        ),
      )
      .join('');
    const step = context.steps.get(path);
    return (
      `<fieldset class="group group--level-${level}" id="${id}" data-field="${escapeHtml(path)}"${conditional(node)}>` +
      `<legend><${heading} class="group__title">${
        step ? `<span class="group__step">${escapeHtml(frenchTypography(step))}</span> ` : ''
      }${label}</${heading}></legend>` +
      notes(hint, id, error) +
      children +
      `</fieldset>`
    );
  }
  if (options && (node.type === 'array' || !node.type || node.type === 'integer')) {
    const many = node.type === 'array';
    const choices = options
      .map((option, index) => {
        const value = String(option.const);
        const checked = sent.length
          ? sent.includes(value)
          : node.default !== undefined && option.const === node.default;
        return (
          `<div class="choice"><input type="${many ? 'checkbox' : 'radio'}" id="${id}-${index}"` +
          ` name="${escapeHtml(path)}" value="${escapeHtml(value)}"${flag('checked', checked)}${invalid}>` +
          `<label for="${id}-${index}">${text(option.title, tokens) ?? ''}</label></div>`
        );
      })
      .join('');
    return (
      `<fieldset class="field field--choices" id="${id}" data-field="${escapeHtml(path)}" aria-describedby="${describedBy}"` +
      `${conditional(node)}${attribute('data-max-items', many ? node.maxItems : undefined)}>` +
      `<legend>${label}${required ? requiredMark : ''}</legend>` +
      notes(hint, id, error) +
      // Where the browser says, as boxes are ticked, that the most allowed are ticked: above
      // the boxes, where a phone user sees it when a box does not tick.
      (many && node.maxItems ? `<p class="choice-limit" aria-live="polite"></p>` : '') +
      `<div class="${options.length > 6 ? 'choices choices--columns' : 'choices'}">${choices}</div>` +
      `</fieldset>`
    );
  }
  if (node.type === 'boolean') {
    const checked = sent.some((v) => v === 'on' || v === 'true');
    const errorHtml =
      error === undefined
        ? `<p class="field-error" id="${id}-error" hidden></p>`
        : `<p class="field-error" id="${id}-error">${escapeHtml(frenchTypography(error))}</p>`;
    return (
      `<div class="field field--checkbox" data-field="${escapeHtml(path)}"${conditional(node)}>` +
      errorHtml +
      `<div class="choice"><input type="checkbox" id="${id}" name="${escapeHtml(path)}"` +
      ` aria-describedby="${describedBy}"${flag('required', required)}${flag('checked', checked)}${invalid}>` +
      `<label for="${id}">${labelWithLinks(node, label, context.base)}${required ? requiredMark : ''}</label></div>` +
      (hint ? `<p class="hint" id="${id}-hint">${hint}</p>` : '') +
      `</div>`
    );
  }
  const common =
    ` id="${id}" name="${escapeHtml(path)}" aria-describedby="${describedBy}"` +
    flag('required', required) +
    attribute('autocomplete', node['x-autocomplete'] ?? 'off') +
    attribute('maxlength', node.maxLength) +
    invalid;
  const multiline = node['x-input'] === 'textarea' || node['x-input'] === 'lines';
  const control = multiline
    ? `<textarea${common} rows="${node['x-input'] === 'lines' ? 3 : 5}">${escapeHtml(
        node['x-input'] === 'lines' ? sent.join('\n') : (sent[0] ?? ''),
      )}</textarea>`
    : (() => {
        const type =
          node['x-input'] === 'email' ? 'email' : node['x-input'] === 'tel' ? 'tel' : 'text';
        const numeric = node['x-input'] === 'number' || node['x-input'] === 'date';
        return (
          `<input type="${type}"${common}` +
          attribute('inputmode', numeric ? 'numeric' : undefined) +
          attribute('spellcheck', type === 'text' ? undefined : 'false') +
          attribute('value', sent[0] || undefined) +
          `>`
        );
      })();
  // Where a text may stay with its author, what becomes of it is said beside it; the browser
  // reads the attribute to leave it out of what it sends, and to say so.
  const keptAttributes = kept
    ? attribute(
        'data-kept-unless',
        JSON.stringify({ choice: kept.text.choice, sentWith: kept.text.sentWith }),
      )
    : '';
  const keptNote = kept?.note
    ? `<p class="hint field-kept" id="${id}-kept">${escapeHtml(frenchTypography(kept.note))}</p>`
    : '';
  return (
    `<div class="field" data-field="${escapeHtml(path)}"${conditional(node)}${keptAttributes}>` +
    `<label for="${id}">${label}${required ? requiredMark : ''}</label>` +
    notes(hint, id, error) +
    keptNote +
    control +
    `</div>`
  );
}

/** The error summary: hidden until there is something to say; each message links to its field. */
function renderSummary(problems: readonly FieldProblem[], texts: FormTexts): string {
  if (problems.length === 0)
    // Hidden until the browser fills it; its heading is never empty (an empty heading is a
    // WCAG failure, even hidden, for HTML_CodeSniffer).
    return (
      '<div class="error-summary" tabindex="-1" hidden>' +
      `<h2 class="error-summary__title">${escapeHtml(frenchTypography(texts.summaryOne))}</h2>` +
      '<ul class="error-summary__list"></ul></div>'
    );
  const title =
    problems.length === 1
      ? texts.summaryOne
      : texts.summaryMany.replace('{count}', String(problems.length));
  const items = problems
    .map(
      (p) =>
        `<li><a href="#${fieldId(p.field)}">${escapeHtml(frenchTypography(p.message))}</a></li>`,
    )
    .join('');
  return (
    // Without JavaScript nothing can move the focus: `autofocus` brings the summary into view
    // and reads it out when the page the intake sends back loads.
    '<div class="error-summary" tabindex="-1" role="alert">' +
    // Its heading takes the focus, not the whole box: on a phone a long summary would be
    // scrolled to its middle, its heading and first messages above the screen.
    `<h2 class="error-summary__title" tabindex="-1" autofocus>${escapeHtml(frenchTypography(title))}</h2>` +
    `<ul class="error-summary__list">${items}</ul></div>`
  );
}

/**
 * The whole `<binome-application-form>` element of a form page. With `state`, as the intake
 * sends it back: answers filled in, the error summary at the top and each message by its field.
 */
export function renderApplicationForm(options: FormOptions, state?: FormState): string {
  const { kind, schema, intakeUrl, texts, tokens } = options;
  const base = options.base ?? '/';
  const problems = state?.problems ?? [];
  const groups = Object.keys(schema.properties ?? {});
  // Each section is a step, and checking the answers is the last one (issue 8: a person on a
  // phone knows where they are).
  const total = groups.length + 1;
  const context: Context = {
    tokens,
    values: state?.values ?? new Map(),
    errors: new Map(problems.map((p) => [p.field, p.message])),
    base,
    steps: new Map(groups.map((key, i) => [key, `Étape ${i + 1} sur ${total} :`])),
  };
  const keptText = keptTexts[kind];
  if (keptText) context.kept = { text: keptText, note: texts.keptNote };
  const fields = Object.entries(schema.properties ?? {})
    .map(([key, child]) =>
      renderField(child, key, schema.required?.includes(key) ?? false, context, 2),
    )
    .join('');
  const key = state?.values.get('idempotencyKey')?.[0] ?? '';
  const atHand = schema['x-at-hand'];
  return (
    `<binome-application-form data-kind="${kind}"` +
    attribute('data-challenge-url', `${intakeUrl}/api/altcha/challenge`) +
    attribute('data-rules', JSON.stringify(options.rules)) +
    attribute('data-texts', JSON.stringify(texts)) +
    attribute('data-submit', options.submit) +
    attribute('data-base', base) +
    `><form class="application-form" method="post"` +
    attribute('action', `${intakeUrl}${formRoutes[kind]}`) +
    ` novalidate>` +
    renderSummary(problems, texts) +
    `<p class="form-intro">${escapeHtml(
      frenchTypography(`${atHand ? `${fillTokens(atHand, tokens)} ` : ''}${texts.intro}`),
    )}</p>` +
    // True only where the browser keeps a draft: shown by the form's script.
    `<p class="form-draft" hidden>${escapeHtml(frenchTypography(texts.draft))}</p>` +
    `<div class="trap" aria-hidden="true"><label for="website-${kind}">Ne remplissez pas ce champ</label>` +
    `<input id="website-${kind}" name="website" type="text" tabindex="-1" autocomplete="off"></div>` +
    `<input type="hidden" name="idempotencyKey"${attribute('value', key)}>` +
    `<input type="hidden" name="altcha" value="">` +
    fields +
    `<section class="review" aria-labelledby="review-${kind}">` +
    `<h2 class="group__title" id="review-${kind}"><span class="group__step">${escapeHtml(
      frenchTypography(`Étape ${total} sur ${total} :`),
    )}</span> ${escapeHtml(frenchTypography('Vérifiez vos réponses'))}</h2>` +
    `<p class="hint review__hint">${escapeHtml(frenchTypography(texts.review))}</p>` +
    // Filled by the browser as the person answers; without JavaScript the form above is the review.
    `<dl class="review__answers" hidden></dl>` +
    `</section>` +
    `<p class="form-status" role="status"></p>` +
    `<button type="submit" class="button">${escapeHtml(frenchTypography(options.submit))}</button>` +
    `</form></binome-application-form>`
  );
}

/**
 * How long the form takes a person, from what it asks: about 20 seconds a short answer, 10 a
 * choice, 5 a box to tick, 2 minutes a free text (many leave it empty: counted once), plus the
 * time to read the commitments. Said in the form and on its page, so it stays true when the
 * form changes.
 */
export function estimatedMinutes(schema: SchemaNode): number {
  let seconds = 0;
  let freeTexts = 0;
  const walk = (node: SchemaNode) => {
    if (node.type === 'object' && node.properties) {
      Object.values(node.properties).forEach(walk);
      return;
    }
    if (node.type === 'boolean') seconds += 5 + (node.title?.split(' ').length ?? 0) / 3;
    else if (node['x-input'] === 'textarea' || node['x-input'] === 'lines') freeTexts += 1;
    else if (node.oneOf || node.items?.oneOf || node['x-count-max']) seconds += 10;
    else seconds += 20;
  };
  walk(schema);
  return Math.max(5, Math.ceil((seconds + Math.min(freeTexts, 1) * 120) / 60));
}

/** The element `renderApplicationForm` made, found in a built page. */
const formElement = /<binome-application-form\b[^>]*>[\s\S]*?<\/binome-application-form>/;

const unescapeHtml = (text: string) =>
  text.replace(/&#(\d+);|&quot;|&amp;|&lt;|&gt;/g, (entity, code: string | undefined) =>
    code
      ? String.fromCharCode(Number(code))
      : ({ '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' } as Record<string, string>)[
          entity
        ]!,
  );

/**
 * A built form page with its form in `state`: the same page (its text, its cohort, its menus)
 * with the form rendered again around the person's answers and messages, and « Erreur – » at the
 * start of its title, as with JavaScript. The page's own form gives the texts it was built with.
 */
export function pageWithForm(
  page: string,
  options: Omit<FormOptions, 'texts' | 'submit'>,
  state: FormState,
): string {
  const element = formElement.exec(page)?.[0];
  if (!element) throw new RangeError('This page has no application form.');
  const read = (name: string) =>
    unescapeHtml(new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1] ?? '');
  const form = renderApplicationForm(
    {
      ...options,
      texts: JSON.parse(read('data-texts')) as FormTexts,
      submit: read('data-submit'),
      base: read('data-base') || '/',
    },
    state,
  );
  return page
    .replace(formElement, () => form)
    .replace(/<title>(?!Erreur)/, state.problems.length ? '<title>Erreur – ' : '<title>');
}
