import { escapeHtml } from './escape-html.ts';
import { fillTokens, type TextTokens } from './fill-tokens.ts';
import type { FieldProblem } from './format-errors.ts';
import { frenchTypography } from './french-typography.ts';
import type { SchemaNode } from './schema-walk.ts';

// The one renderer of the application forms' markup, driven by the schema: the site's build
// puts it in the form pages, and the intake uses it to send a form back without JavaScript,
// with the person's answers and the messages in place (issue 8). Pure: strings in, HTML out.

/** What a form looks like at a given moment: the answers sent, and what is wrong with them. */
export interface FormState {
  /** The values sent, by field name (`identity.email`); several for a list of choices. */
  values: ReadonlyMap<string, readonly string[]>;
  /** The problems, in the order of the form; their fields get their message and `aria-invalid`. */
  problems: readonly FieldProblem[];
}

export interface FormTexts {
  intro: string;
  summaryOne: string;
  summaryMany: string;
  sending: string;
  networkError: string;
}

export interface FormOptions {
  kind: 'mentor' | 'mentee';
  schema: SchemaNode;
  /** Where the form posts to and fetches its challenge from (the intake's address, or ''). */
  intakeUrl: string;
  /** `rulesSettingsFrom(settings)`, read as is by the browser. */
  rules: unknown;
  texts: FormTexts;
  tokens: TextTokens;
  /** Text of the submit button. */
  submit: string;
}

interface Context {
  tokens: TextTokens;
  values: ReadonlyMap<string, readonly string[]>;
  errors: ReadonlyMap<string, string>;
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
  const describedBy = [hint ? `${id}-hint` : undefined, `${id}-error`].filter(Boolean).join(' ');
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
    return (
      `<fieldset class="group group--level-${level}" id="${id}" data-field="${escapeHtml(path)}">` +
      `<legend><${heading} class="group__title">${label}</${heading}></legend>` +
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
      `<fieldset class="field field--choices" id="${id}" data-field="${escapeHtml(path)}" aria-describedby="${describedBy}">` +
      `<legend>${label}${required ? requiredMark : ''}</legend>` +
      notes(hint, id, error) +
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
      `<div class="field field--checkbox" data-field="${escapeHtml(path)}">` +
      errorHtml +
      `<div class="choice"><input type="checkbox" id="${id}" name="${escapeHtml(path)}"` +
      ` aria-describedby="${describedBy}"${flag('required', required)}${flag('checked', checked)}${invalid}>` +
      `<label for="${id}">${label}${required ? requiredMark : ''}</label></div>` +
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
  return (
    `<div class="field" data-field="${escapeHtml(path)}">` +
    `<label for="${id}">${label}${required ? requiredMark : ''}</label>` +
    notes(hint, id, error) +
    control +
    `</div>`
  );
}

/** The error summary: hidden until there is something to say; each message links to its field. */
function renderSummary(problems: readonly FieldProblem[], texts: FormTexts): string {
  if (problems.length === 0)
    return (
      '<div class="error-summary" tabindex="-1" hidden>' +
      '<h2 class="error-summary__title"></h2><ul class="error-summary__list"></ul></div>'
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
    '<div class="error-summary" tabindex="-1" role="alert" autofocus>' +
    `<h2 class="error-summary__title">${escapeHtml(frenchTypography(title))}</h2>` +
    `<ul class="error-summary__list">${items}</ul></div>`
  );
}

/**
 * The whole `<binome-application-form>` element of a form page. With `state`, as the intake
 * sends it back: answers filled in, the error summary at the top and each message by its field.
 */
export function renderApplicationForm(options: FormOptions, state?: FormState): string {
  const { kind, schema, intakeUrl, texts, tokens } = options;
  const problems = state?.problems ?? [];
  const context: Context = {
    tokens,
    values: state?.values ?? new Map(),
    errors: new Map(problems.map((p) => [p.field, p.message])),
  };
  const fields = Object.entries(schema.properties ?? {})
    .map(([key, child]) =>
      renderField(child, key, schema.required?.includes(key) ?? false, context, 2),
    )
    .join('');
  const key = state?.values.get('idempotencyKey')?.[0] ?? '';
  return (
    `<binome-application-form data-kind="${kind}"` +
    attribute('data-challenge-url', `${intakeUrl}/api/altcha/challenge`) +
    attribute('data-rules', JSON.stringify(options.rules)) +
    attribute('data-texts', JSON.stringify(texts)) +
    attribute('data-submit', options.submit) +
    `><form class="application-form" method="post"` +
    attribute('action', `${intakeUrl}/api/candidatures/${kind}`) +
    ` novalidate>` +
    renderSummary(problems, texts) +
    `<p class="form-intro">${escapeHtml(frenchTypography(texts.intro))}</p>` +
    `<div class="trap" aria-hidden="true"><label for="website-${kind}">Ne remplissez pas ce champ</label>` +
    `<input id="website-${kind}" name="website" type="text" tabindex="-1" autocomplete="off"></div>` +
    `<input type="hidden" name="idempotencyKey"${attribute('value', key)}>` +
    `<input type="hidden" name="altcha" value="">` +
    fields +
    `<p class="form-status" role="status"></p>` +
    `<button type="submit" class="button">${escapeHtml(frenchTypography(options.submit))}</button>` +
    `</form></binome-application-form>`
  );
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
    { ...options, texts: JSON.parse(read('data-texts')) as FormTexts, submit: read('data-submit') },
    state,
  );
  return page
    .replace(formElement, () => form)
    .replace(/<title>(?!Erreur)/, state.problems.length ? '<title>Erreur – ' : '<title>');
}
