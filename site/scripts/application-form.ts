// <binome-application-form>: validates with the precompiled schema validator before sending,
// keeps a draft in this tab only (sessionStorage: shared computers must not keep it), solves
// the proof of work while the person types, and sends once, whatever the clicks or retries.
// The same element serves the applications and the participants' follow-up forms (issue 12).
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { isMinorOn } from '../../schemas/application-rules.ts';
import { checkForm, type Validator } from '../../schemas/check-form.ts';
import type { FieldProblem } from '../../schemas/format-errors.ts';
import { formToObject, frenchDateToIso } from '../../schemas/form-to-object.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import type { FormTexts, KeptText } from '../../schemas/render-form.ts';
import { rulesContext, type RulesSettings } from '../../schemas/rules-context.ts';
import type { AppliesWhen, SchemaNode } from '../../schemas/schema-walk.ts';
import type { FormKind } from '../../schemas/validators.ts';

interface Draft {
  key: string;
  entries: [string, string][];
}

// The follow-up code is a credential: typed again after a reload rather than kept in storage.
const notSaved = new Set(['website', 'altcha', 'idempotencyKey', 'access.code']);

/**
 * The schema and precompiled validator of each kind of form, one chunk each: a page loads its
 * own form's only, and only once the person sends it.
 */
const loaders: Record<FormKind, () => Promise<{ schema: SchemaNode; validate: Validator }>> = {
  mentor: () => import('./form-kinds/mentor.ts'),
  mentee: () => import('./form-kinds/mentee.ts'),
  'check-in': () => import('./form-kinds/check-in.ts'),
  bilan: () => import('./form-kinds/bilan.ts'),
};

class ApplicationFormElement extends HTMLElement {
  #form!: HTMLFormElement;
  #draftKey = '';
  #sending = false;
  #proof: Promise<string> = Promise.resolve('');
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Once the intake has the answers, nothing is saved in this tab any more. */
  #sent = false;
  #kind: FormKind = 'mentor';
  #texts!: FormTexts;
  /** A text its author may keep to themselves (the bilan's words), and the choice that says so. */
  #kept: (KeptText & { holder: HTMLElement }) | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const kind = Object.keys(loaders).find((k): k is FormKind => k === this.dataset['kind']);
    if (!form || !kind) return;
    this.#form = form;
    this.#kind = kind;
    this.#texts = JSON.parse(this.dataset['texts']!) as FormTexts;
    const kept = this.querySelector<HTMLElement>('[data-kept-unless]');
    if (kept)
      this.#kept = {
        holder: kept,
        ...(JSON.parse(kept.dataset['keptUnless']!) as Omit<KeptText, 'field'>),
        field: kept.dataset['field']!,
      };
    // One draft per kind of form: a « point d'étape » never fills in a bilan.
    this.#draftKey = `binome-draft-${kind}`;
    const draft = this.#restoreDraft();
    this.#field('idempotencyKey').value = draft.key;
    form.addEventListener('input', (event) => this.#changed(event));
    form.addEventListener('change', (event) => this.#changed(event));
    // Without JavaScript every part stays visible, each with its « seulement si » hint, and no
    // draft is kept, so that sentence is shown only here.
    this.querySelector<HTMLElement>('.form-draft')?.removeAttribute('hidden');
    this.#applyConditions();
    this.#applyLimits();
    this.#sayWhereKeptTextGoes();
    this.#showReview();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#submit();
    });
    this.#proof = this.#solveProofOfWork();
  }

  #changed(event?: Event): void {
    // A field corrected after a failed send loses its message at once (and its summary line).
    const target = event?.target;
    if (target instanceof HTMLElement) {
      const holder = target.closest<HTMLElement>('[data-field]');
      if (holder && target.getAttribute('aria-invalid') === 'true') this.#clearField(holder);
    }
    this.#applyConditions();
    this.#applyLimits();
    this.#sayWhereKeptTextGoes();
    this.#scheduleSave();
    this.#showReview();
  }

  /** Whether the text its author may keep stays with them, by the choice made now. */
  #keepsText(): boolean {
    if (!this.#kept) return false;
    const chosen = Array.from(
      this.#form.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(this.#kept.choice)}"]`),
    ).filter((input) => input.checked);
    // Anything but one clear choice to share it keeps it, as the intake judges it.
    return !(chosen.length === 1 && this.#kept.sentWith.includes(chosen[0]!.value));
  }

  /** Beside the kept text, what becomes of it with the choice made now. */
  #sayWhereKeptTextGoes(): void {
    const note = this.#kept?.holder.querySelector<HTMLElement>('.field-kept');
    if (!note) return;
    const text = frenchTypography(
      (this.#keepsText() ? this.#texts.keptNoteScript : this.#texts.sentNote) ?? '',
    );
    if (note.textContent !== text) note.textContent = text;
  }

  /**
   * What the form sends (or checks): its fields, without a text its author keeps, which never
   * leaves the browser.
   */
  #entries(): [string, string][] {
    const keep = this.#keepsText() ? this.#kept?.field : undefined;
    return [...new FormData(this.#form)].filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== keep,
    );
  }

  /**
   * Shows a conditional part only when it applies (the representative for a minor, « autre »
   * ticked); a hidden part is disabled, so it is neither checked nor sent.
   */
  #applyConditions(): void {
    const today = rulesContext(
      JSON.parse(this.dataset['rules']!) as RulesSettings,
      new Date(),
    ).today;
    for (const holder of Array.from(this.querySelectorAll<HTMLElement>('[data-applies-when]'))) {
      const when = JSON.parse(holder.dataset['appliesWhen']!) as AppliesWhen;
      const applies =
        'minor' in when
          ? isMinorOn(frenchDateToIso(this.#field(when.minor)?.value.trim() ?? ''), today)
          : Array.from(
              this.#form.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(when.field)}"]`),
            ).some((input) =>
              input.type === 'checkbox' || input.type === 'radio'
                ? input.checked && input.value === when.has
                : input.value === when.has,
            );
      holder.hidden = !applies;
      for (const control of Array.from(
        holder.querySelectorAll<HTMLInputElement>('input, textarea'),
      ))
        control.disabled = !applies;
      // A part that no longer applies keeps no message, and the summary no link to it.
      if (!applies) this.#clearField(holder);
    }
  }

  /** Removes the messages of a field (or of a part) and their lines in the summary. */
  #clearField(holder: HTMLElement): void {
    const ids = new Set<string>();
    for (const control of Array.from(holder.querySelectorAll<HTMLElement>('[aria-invalid]')))
      control.removeAttribute('aria-invalid');
    for (const error of Array.from(holder.querySelectorAll<HTMLElement>('.field-error'))) {
      error.hidden = true;
      error.textContent = '';
    }
    for (const element of Array.from(holder.querySelectorAll<HTMLElement>('[id]')))
      ids.add(element.id);
    if (holder.id) ids.add(holder.id);
    const summary = this.querySelector<HTMLElement>('.error-summary');
    for (const link of Array.from(summary?.querySelectorAll<HTMLAnchorElement>('li a') ?? [])) {
      if (ids.has(link.hash.slice(1))) link.closest('li')?.remove();
    }
    if (summary && !summary.querySelector('li')) summary.hidden = true;
  }

  /** Lists of choices with a maximum: once it is reached, the other boxes wait (issue 8). */
  #applyLimits(): void {
    for (const list of Array.from(this.querySelectorAll<HTMLElement>('[data-max-items]'))) {
      const max = Number(list.dataset['maxItems']);
      const boxes = Array.from(list.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
      const full = boxes.filter((b) => b.checked).length >= max;
      for (const box of boxes) if (!box.checked) box.disabled = full;
      const note = list.querySelector<HTMLElement>('.choice-limit');
      const text = full
        ? frenchTypography(
            `Vous avez coché ${max} choix : c’est le maximum. Décochez-en un pour en choisir un autre.`,
          )
        : '';
      if (note && note.textContent !== text) note.textContent = text;
    }
  }

  /**
   * The last step: every question with its answer (a list for several choices, line breaks
   * kept), a required one still empty said so, each with a link back to its field.
   */
  #showReview(): void {
    const list = this.querySelector<HTMLElement>('.review__answers');
    if (!list) return;
    const items: Node[] = [];
    for (const holder of Array.from(
      this.querySelectorAll<HTMLElement>('.field[data-field], .field--choices[data-field]'),
    )) {
      if (holder.closest('[hidden]') || holder.classList.contains('field--checkbox')) continue;
      const controls = Array.from(holder.querySelectorAll<HTMLInputElement>('input, textarea'));
      const choice = (c: HTMLInputElement) => c.type === 'checkbox' || c.type === 'radio';
      const answers = controls
        .filter((c) => (choice(c) ? c.checked : c.value.trim()))
        .map((c) =>
          choice(c)
            ? (holder.querySelector(`label[for="${CSS.escape(c.id)}"]`)?.textContent ?? c.value)
            : c.value.trim(),
        );
      const required = Boolean(
        holder.querySelector(':scope > legend .required, :scope > label .required'),
      );
      if (answers.length === 0 && !required) continue;
      // A kept text is listed, but never as an answer that goes with the others.
      const keptHere = holder === this.#kept?.holder && this.#keepsText();
      const term = document.createElement('dt');
      const link = document.createElement('a');
      link.href = `#${controls[0]!.id}`;
      // A question inside a group (« Jours » in « Disponibilités ») is named with its group.
      const group = holder.parentElement?.closest<HTMLElement>('.group--level-3, .group--level-4');
      const groupTitle = group?.querySelector('.group__title')?.textContent?.trim();
      const question = (holder.querySelector('label, legend')?.textContent ?? '').replace(
        /\*$/,
        '',
      );
      link.textContent = groupTitle ? `${groupTitle} — ${question}` : question;
      term.append(link);
      const detail = document.createElement('dd');
      if (keptHere) {
        detail.textContent = frenchTypography(this.#texts.keptReview ?? '');
        detail.className = 'review__kept';
      } else if (answers.length === 0) {
        detail.textContent = 'Non renseigné';
        detail.className = 'review__missing';
      } else if (answers.length > 1) {
        const values = document.createElement('ul');
        for (const answer of answers) {
          const item = document.createElement('li');
          item.textContent = answer;
          values.append(item);
        }
        detail.append(values);
      } else detail.textContent = answers[0]!;
      items.push(term, detail);
    }
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    const hint = this.querySelector<HTMLElement>('.review__hint');
    const text = frenchTypography(this.#texts.reviewLinked);
    if (hint && hint.textContent !== text) hint.textContent = text;
  }

  #field(name: string): HTMLInputElement {
    return this.#form.elements.namedItem(name) as HTMLInputElement;
  }

  #restoreDraft(): Draft {
    let draft: Draft | undefined;
    try {
      draft = JSON.parse(sessionStorage.getItem(this.#draftKey) ?? 'null') as Draft | undefined;
    } catch {
      draft = undefined;
    }
    if (!draft?.key) return { key: crypto.randomUUID(), entries: [] };
    for (const element of Array.from(this.#form.elements)) {
      if (
        !(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) ||
        notSaved.has(element.name)
      )
        continue;
      const values = draft.entries
        .filter(([name]) => name === element.name)
        .map(([, value]) => value);
      if (
        element instanceof HTMLInputElement &&
        (element.type === 'checkbox' || element.type === 'radio')
      ) {
        element.checked = values.includes(element.value);
      } else if (values[0] !== undefined) {
        element.value = values[0];
      }
    }
    return draft;
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#saveDraft(), 250);
  }

  #saveDraft(): void {
    if (this.#sent) return;
    const entries = [...new FormData(this.#form)].filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !notSaved.has(entry[0]),
    );
    const draft: Draft = { key: this.#field('idempotencyKey').value, entries };
    try {
      sessionStorage.setItem(this.#draftKey, JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the form still works, only the draft is not kept.
    }
  }

  async #solveProofOfWork(): Promise<string> {
    try {
      const response = await fetch(this.dataset['challengeUrl']!, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return '';
      const challenge = await response.json();
      const solution = await solveChallenge({ challenge, deriveKey });
      // Without a solution the application is still accepted, marked for a coordinator's check.
      return solution ? btoa(JSON.stringify({ challenge, solution })) : '';
    } catch {
      return '';
    }
  }

  async #submit(): Promise<void> {
    // Set at once, before any await: a double click must not send twice, nor navigate twice.
    if (this.#sending) return;
    this.#sending = true;
    const texts = this.#texts;
    const kind = this.#kind;
    const loaded = await loaders[kind]().catch(() => undefined);
    if (!loaded) {
      this.querySelector<HTMLElement>('.form-status')!.textContent = frenchTypography(
        texts.networkError,
      );
      this.#sending = false;
      return;
    }
    const { schema, validate } = loaded;
    // A kept text is neither checked nor sent: it is not the intake's to judge.
    const entries = this.#entries();
    // The same settings and clock rule as the intake's: rulesSettingsFrom(settings), built once
    // by the page, then today in the programme's time zone.
    const rules = JSON.parse(this.dataset['rules']!) as RulesSettings;
    const context = rulesContext(rules, new Date());
    const result = checkForm(kind, validate, schema, formToObject(schema, entries), context);
    if (!result.ok) {
      this.#showProblems(result.problems, texts);
      this.#sending = false;
      return;
    }
    this.#clearProblems();
    const status = this.querySelector<HTMLElement>('.form-status')!;
    status.textContent = texts.sending;
    this.#field('altcha').value = await this.#proof;
    try {
      const response = await fetch(this.#form.action, {
        method: 'POST',
        // Read again after the proof of work is in; without the kept text, whatever was typed
        // in it meanwhile.
        body: new URLSearchParams(this.#entries()),
        headers: { accept: 'application/json' },
      });
      const answer = (await response.json()) as {
        receiptUrl?: string;
        message?: string;
        problems?: FieldProblem[];
      };
      if (response.ok && answer.receiptUrl) {
        // A save still waiting would write the draft back after it is removed.
        clearTimeout(this.#saveTimer);
        this.#sent = true;
        sessionStorage.removeItem(this.#draftKey);
        window.location.assign(answer.receiptUrl);
        return; // Still « sending » while the receipt loads: further clicks do nothing.
      }
      status.textContent = '';
      this.#showProblems(answer.problems?.length ? answer.problems : [], texts, answer.message);
      // A refused proof of work cannot be used again: prepare a fresh one for the next try.
      this.#proof = this.#solveProofOfWork();
    } catch {
      status.textContent = frenchTypography(texts.networkError);
    }
    this.#sending = false;
  }

  #clearProblems(): void {
    const summary = this.querySelector<HTMLElement>('.error-summary')!;
    summary.hidden = true;
    document.title = document.title.replace(/^Erreur – /, '');
    for (const error of Array.from(this.querySelectorAll<HTMLElement>('.field-error'))) {
      error.hidden = true;
      error.textContent = '';
    }
    for (const control of Array.from(this.querySelectorAll('[aria-invalid]')))
      control.removeAttribute('aria-invalid');
  }

  #showProblems(problems: readonly FieldProblem[], texts: FormTexts, message?: string): void {
    this.#clearProblems();
    const summary = this.querySelector<HTMLElement>('.error-summary')!;
    const title = summary.querySelector('.error-summary__title')!;
    const list = summary.querySelector('.error-summary__list')!;
    list.replaceChildren();
    title.textContent = message
      ? frenchTypography(message)
      : problems.length === 1
        ? texts.summaryOne
        : texts.summaryMany.replace('{count}', String(problems.length));
    for (const problem of problems) {
      const holder = this.querySelector<HTMLElement>(`[data-field="${CSS.escape(problem.field)}"]`);
      const control =
        holder?.querySelector<HTMLElement>('input:not([type=hidden]), textarea') ?? holder;
      const error = holder?.querySelector<HTMLElement>(':scope > .field-error');
      if (error) {
        error.textContent = frenchTypography(problem.message);
        error.hidden = false;
      }
      holder
        ?.querySelectorAll('input, textarea')
        .forEach((c) => c.setAttribute('aria-invalid', 'true'));
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${control?.id ?? ''}`;
      // Each message names its field (« Indiquez votre nom… »): the summary shows it alone.
      link.textContent = frenchTypography(problem.message);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        control?.focus();
        control?.scrollIntoView({ block: 'center' });
      });
      item.append(link);
      list.append(item);
    }
    summary.hidden = false;
    // On a phone, focusing alone may scroll the summary's middle into view: show its top.
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
    if (!document.title.startsWith('Erreur')) document.title = `Erreur – ${document.title}`;
  }
}

customElements.define('binome-application-form', ApplicationFormElement);
