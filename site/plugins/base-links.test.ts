import { describe, expect, it } from 'vitest';
import { prefixRootLinks } from './base-links.ts';

describe('prefixRootLinks', () => {
  it('prefixes root-relative links with the base, once', () => {
    const html =
      '<a href="/contact/">C</a><a href="/binome/">B</a><link href="/favicon.svg"><img src="/x.png">';
    expect(prefixRootLinks(html, '/binome/')).toBe(
      '<a href="/binome/contact/">C</a><a href="/binome/">B</a><link href="/binome/favicon.svg"><img src="/binome/x.png">',
    );
  });

  it('leaves other links alone, and everything when the base is the root', () => {
    const html =
      '<a href="https://cnil.fr/">x</a><a href="//cdn.example/">y</a><a href="#contenu">z</a>';
    expect(prefixRootLinks(html, '/binome/')).toBe(html);
    expect(prefixRootLinks('<a href="/contact/">C</a>', '/')).toBe('<a href="/contact/">C</a>');
  });
});
