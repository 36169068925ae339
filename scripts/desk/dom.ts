import { frenchTypography } from '../../schemas/french-typography.ts';

type Child = Node | string | number | undefined | false | null;

/**
 * An element with its attributes and children. Text is always a text node, never parsed as HTML:
 * what the records hold (names, words typed in a form) can never become markup or a script.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  append(element, ...children);
  return element;
}

/**
 * Appends children; text gets French typography's no-break spaces (before « : », inside
 * guillemets), which changes how a line breaks, never what it says.
 */
export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false || child === null) continue;
    parent.append(
      typeof child === 'string'
        ? frenchTypography(child)
        : typeof child === 'number'
          ? String(child)
          : child,
    );
  }
}

/** A telephone link a phone dials: digits and a leading + only. */
export function telLink(phone: string): HTMLAnchorElement {
  return h('a', { href: `tel:${phone.replace(/[^\d+]/g, '')}` }, phone);
}

export function mailLink(email: string): HTMLAnchorElement {
  return h('a', { href: `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}` }, email);
}

/** A description list from label/value rows, rows without a value left out. */
export function details(rows: readonly [string, Child][]): HTMLDListElement {
  const list = h('dl');
  for (const [label, value] of rows) {
    if (value === undefined || value === false || value === null || value === '') continue;
    list.append(h('dt', {}, label), h('dd', {}, value));
  }
  return list;
}
