import type { Page } from 'playwright-core';

interface Focused {
  tag: string;
  type: string;
  name: string;
  value: string;
  checked: boolean;
  inForm: boolean;
  /** For a radio: the values of its group, in order. */
  group: string[];
}

async function focused(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return undefined;
    const form = el.closest('form');
    const group =
      el.type === 'radio' && form
        ? Array.from(
            form.querySelectorAll<HTMLInputElement>(
              `input[type=radio][name="${CSS.escape(el.name)}"]`,
            ),
          ).map((r) => r.value)
        : [];
    return {
      tag: el.tagName.toLowerCase(),
      type: el.type ?? '',
      name: el.name ?? '',
      value: el.value ?? '',
      checked: Boolean(el.checked),
      inForm: Boolean(form?.classList.contains('application-form')),
      group,
    };
  });
}

/**
 * Fills the application form with the keyboard only, as a person would: Tab from field to field,
 * typing text, Space to tick a box, arrow keys to choose in a group of radio buttons. Fields
 * already holding a value are selected and retyped. Stops on the submit button, focused.
 */
export async function fillByKeyboard(
  page: Page,
  entries: readonly (readonly [string, string])[],
): Promise<void> {
  const wanted = new Map<string, string[]>();
  for (const [name, value] of entries) wanted.set(name, [...(wanted.get(name) ?? []), value]);
  const doneRadios = new Set<string>();
  for (let presses = 0; presses < 400; presses += 1) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (!el || !el.inForm) continue;
    if (el.tag === 'button') return;
    const values = wanted.get(el.name);
    if (el.type === 'checkbox') {
      if ((values?.includes(el.value) ?? false) !== el.checked) await page.keyboard.press('Space');
    } else if (el.type === 'radio') {
      if (!values || doneRadios.has(el.name)) continue;
      doneRadios.add(el.name);
      const target = el.group.indexOf(values[0]!);
      const current = el.group.indexOf(el.value);
      if (target === current) {
        if (!el.checked) await page.keyboard.press('Space');
      } else {
        const key = target > current ? 'ArrowDown' : 'ArrowUp';
        for (let i = 0; i < Math.abs(target - current); i += 1) await page.keyboard.press(key);
      }
    } else if (el.tag === 'input' || el.tag === 'textarea') {
      const text = values?.join('\n') ?? '';
      if (el.value !== text) {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        if (text) await page.keyboard.type(text);
      }
    }
  }
  throw new Error('The submit button was never reached with the Tab key.');
}
