// HTML_CodeSniffer (WCAG 2 AA), a second accessibility engine beside axe-core (issue 8): the two
// disagree often enough that each finds what the other lets through.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** One finding of HTML_CodeSniffer, named by the element's tag, id and classes, never its text. */
export interface CodeSnifferMessage {
  /** HTMLCS's code, e.g. `WCAG2AA.Principle1.Guideline1_3.1_3_1.H42.2`. */
  code: string;
  message: string;
  /** A CSS-like path to the element, e.g. `form.application-form > div.error-summary > h2`. */
  selector: string;
}

export interface CodeSnifferResults {
  errors: CodeSnifferMessage[];
  warnings: CodeSnifferMessage[];
  notices: number;
}

const scriptPath = createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js');
let scriptSource: Promise<string> | undefined;

/**
 * Runs HTML_CodeSniffer's WCAG2AA standard on the page as it is now (after any typing or
 * submitting) and returns its findings by type.
 *
 * The script is evaluated through the DevTools protocol rather than added with
 * `page.addScriptTag`: a script tag is refused by the site's `script-src 'self'` policy, and in
 * a context with JavaScript disabled it is silently never run. Evaluating it needs neither
 * `bypassCSP` nor a copy of the page in another context, so the page is checked exactly as the
 * person sees it, with its own policy in force and, without JavaScript, none of its scripts run.
 */
export async function codeSniffer(page: Page): Promise<CodeSnifferResults> {
  scriptSource ??= readFile(scriptPath, 'utf8');
  // The bundle is a UMD module: evaluated at the top level, it defines `window.HTMLCS`.
  await page.evaluate(`${await scriptSource}\n;undefined`);
  const found = await page.evaluate(() => {
    interface HtmlcsMessage {
      type: number;
      code: string;
      msg: string;
      element: Node;
    }
    interface Htmlcs {
      ERROR: number;
      WARNING: number;
      NOTICE: number;
      process(standard: string, content: Document, done: () => void, failed: () => void): void;
      getMessages(): HtmlcsMessage[];
    }
    const htmlcs = (window as unknown as { HTMLCS?: Htmlcs }).HTMLCS;
    if (!htmlcs) throw new Error('HTML_CodeSniffer did not load in the page.');

    // Tag, id and classes only: in an error state the page holds the person's answers, and a
    // report or a log must never repeat them.
    const describe = (node: Node): string => {
      if (!(node instanceof Element)) return node === document ? 'document' : node.nodeName;
      const steps: string[] = [];
      for (let el: Element | null = node; el && steps.length < 4; el = el.parentElement) {
        const tag = el.tagName.toLowerCase();
        if (el.id) {
          steps.unshift(`${tag}#${CSS.escape(el.id)}`);
          break;
        }
        const classes = Array.from(el.classList, (c) => `.${CSS.escape(c)}`).join('');
        steps.unshift(tag + classes);
        if (tag === 'body' || tag === 'html') break;
      }
      return steps.join(' > ');
    };

    return new Promise<{ type: 'error' | 'warning' | 'notice'; found: CodeSnifferMessage }[]>(
      (done, fail) => {
        htmlcs.process(
          'WCAG2AA',
          document,
          () =>
            done(
              htmlcs.getMessages().map((m) => ({
                type:
                  m.type === htmlcs.ERROR
                    ? 'error'
                    : m.type === htmlcs.WARNING
                      ? 'warning'
                      : 'notice',
                found: { code: m.code, message: m.msg, selector: describe(m.element) },
              })),
            ),
          () => fail(new Error('HTML_CodeSniffer could not load the WCAG2AA standard.')),
        );
      },
    );
  });
  return {
    errors: found.filter((m) => m.type === 'error').map((m) => m.found),
    warnings: found.filter((m) => m.type === 'warning').map((m) => m.found),
    notices: found.filter((m) => m.type === 'notice').length,
  };
}

/** HTML_CodeSniffer's errors (WCAG 2 AA failures) on the page; warnings and notices left out. */
export async function codeSnifferErrors(page: Page): Promise<CodeSnifferMessage[]> {
  return (await codeSniffer(page)).errors;
}
