import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, nuErrors } from './page-checks.ts';

/** The page's states, kept as HTML files for one run of the Nu HTML Checker. */
export function keptStates() {
  const kept: string[] = [];
  let folder: Promise<string> | undefined;
  return {
    kept,
    async keep(page: Page, name: string) {
      folder ??= mkdtemp(join(tmpdir(), 'binome-desk-states-'));
      const file = join(await folder, `${name}.html`);
      await writeFile(file, await page.content());
      kept.push(file);
    },
    nuErrors: () => nuErrors(kept),
  };
}

/** Checks the page in its current state: axe clean, kept for the Nu checker. */
export async function checkState(page: Page, states: ReturnType<typeof keptStates>, name: string) {
  expect(await axeViolations(page), name).toEqual([]);
  await states.keep(page, name);
}

/**
 * Presses Tab (at most `max` times) until the focused element matches `selector`: how a person
 * with a keyboard reaches a control, and a proof that it can be reached so.
 */
export async function tabTo(page: Page, selector: string, max = 300): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} cannot be reached with the Tab key.`);
}

/** Everything the page sends: address, method, headers and body of each request. */
export function recordRequests(page: Page) {
  const sent: { url: string; method: string; headers: Record<string, string>; body: string }[] = [];
  page.on('request', (request) =>
    sent.push({
      url: request.url(),
      method: request.method(),
      headers: request.headers(),
      body: request.postData() ?? '',
    }),
  );
  return sent;
}

/**
 * Records, from the first line of every page of the context, each use of a storage the page
 * could keep something in (web storage, IndexedDB, cookies, the Cache API, the address through
 * the history API), and every Content-Security-Policy violation.
 */
export async function watchStorage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const touched: string[] = [];
    const violations: string[] = [];
    Object.assign(window, { __touched: touched, __violations: violations });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    for (const name of ['setItem', 'getItem', 'removeItem', 'clear', 'key'] as const) {
      const original = Storage.prototype[name] as (...args: unknown[]) => unknown;
      Storage.prototype[name] = function (this: Storage, ...args: unknown[]) {
        touched.push(`Storage.${name}`);
        return original.apply(this, args);
      } as never;
    }
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = ((...args: Parameters<IDBFactory['open']>) => {
      touched.push('indexedDB.open');
      return open(...args);
    }) as IDBFactory['open'];
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(document, 'cookie', {
      get() {
        touched.push('cookie read');
        return cookie.get!.call(document);
      },
      set(value: string) {
        touched.push('cookie written');
        cookie.set!.call(document, value);
      },
    });
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = ((...args: Parameters<History['pushState']>) => {
        touched.push(`history.${name}`);
        original(...args);
      }) as never;
    }
    if ('caches' in window) {
      const original = caches.open.bind(caches);
      caches.open = (name: string) => {
        touched.push('caches.open');
        return original(name);
      };
    }
  });
}

/** What `watchStorage` recorded on this page, and what the stores hold now. */
export async function storageReport(page: Page) {
  return page.evaluate(async () => ({
    touched: (window as unknown as { __touched: string[] }).__touched,
    violations: (window as unknown as { __violations: string[] }).__violations,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    address: location.href,
  }));
}

/**
 * The page kept nothing: no storage used, no policy violated, no cookie, the address as it was
 * opened (nothing in its query or fragment).
 */
export async function expectNothingKept(page: Page): Promise<void> {
  const report = await storageReport(page);
  expect(report).toMatchObject({ touched: [], violations: [], local: 0, session: 0, databases: 0 });
  const address = new URL(report.address);
  expect(address.pathname + address.search + address.hash).toBe('/coordination/');
  expect((await page.context().cookies()).length).toBe(0);
}

/**
 * The page sent nothing it should not: requests to `origins` only, never the key, never a value
 * of `secrets` (what only decrypted identities hold); the token, if any, only in the
 * `Authorization` header of requests to its origin.
 */
export function expectNothingLeaked(
  sent: ReturnType<typeof recordRequests>,
  options: {
    origins: string[];
    secrets: readonly string[];
    token?: { value: string; origin: string };
  },
): void {
  for (const request of sent) {
    const origin = new URL(request.url).origin;
    expect(options.origins).toContain(origin);
    const { authorization, ...others } = request.headers;
    if (options.token) {
      if (origin === options.token.origin)
        expect(authorization).toBe(`token ${options.token.value}`);
      else expect(authorization).toBeUndefined();
    }
    const rest = `${request.url} ${JSON.stringify(others)} ${request.body}`;
    if (options.token) expect(rest).not.toContain(options.token.value);
    expect(rest).not.toContain('AGE-SECRET-KEY');
    for (const secret of options.secrets)
      expect(`${rest} ${authorization ?? ''}`).not.toContain(secret);
  }
}
