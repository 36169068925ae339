import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConventionSourceError, parseConvention, plainText } from './convention-source.ts';

const front = `---
title: Convention
signatures:
  heading: 'Date :'
  mentor: Mentor
  mentee: Mentoré
  representative: Représentant
---
`;

describe('the convention’s source', () => {
  it('reads the real text: numbered headings, paragraphs, lists and bold terms', () => {
    const source = parseConvention(readFileSync('content/documents/convention.md', 'utf8'));
    const headings = source.blocks.filter((b) => b.type === 'heading');
    expect(headings.map((h) => plainText(h.runs)).slice(0, 2)).toEqual([
      '1. Définition',
      '2. Objectif du programme de mentorat CLAVIM / Espace Jeunes Anne Frank',
    ]);
    expect(headings.filter((h) => h.level === 3)).toHaveLength(3);
    const definition = source.blocks.find(
      (b) => b.type === 'paragraph' && plainText(b.runs).startsWith('Le mentorat désigne'),
    );
    expect(definition?.type === 'paragraph' && definition.runs.filter((r) => r.bold)).toEqual([
      { text: 'le mentor', bold: true },
      { text: 'le mentoré', bold: true },
    ]);
    expect(source.blocks.filter((b) => b.type === 'list')).toHaveLength(7);
    expect(source.signatures.mentee).toBe('Mentoré');
  });

  it('keeps no-break spaces, and collapses only the source’s own spaces and line breaks', () => {
    const source = parseConvention(`${front}\nUn  texte\nsur deux lignes\u00a0: « oui\u202f» !\n`);
    expect(source.blocks).toEqual([
      {
        type: 'paragraph',
        runs: [{ text: 'Un texte sur deux lignes\u00a0: « oui\u202f» !', bold: false }],
      },
    ]);
  });

  it('refuses, by name and line, what the PDF could not render, and a missing front matter entry', () => {
    expect(() => parseConvention(`${front}\n| a | b |\n\n> citation\n`)).toThrow(
      /une citation en retrait \(ligne [0-9]+\)/,
    );
    expect(() => parseConvention(`${front}\n![logo](x.png)\n`)).toThrow(ConventionSourceError);
    expect(() => parseConvention('---\ntitle: T\n---\nTexte\n')).toThrow(/« signatures »/);
  });
});

describe('what the PDF cannot draw as the site does', () => {
  it('refuses a table, struck text, HTML and a broken front matter, by name', () => {
    expect(() => parseConvention(`${front}\n| a | b |\n|---|---|\n| 1 | 2 |\n`)).toThrow(
      /un tableau/,
    );
    expect(() => parseConvention(`${front}\nUn ~~mot~~ barré.\n`)).toThrow(/du texte barré/);
    expect(() => parseConvention(`${front}\n<div class="x">bloc</div>\n`)).toThrow(/du HTML/);
    expect(() => parseConvention(`${front}\n<!-- une note -->\n\nTexte.\n`)).not.toThrow();
    expect(() => parseConvention('---\ntitle: [oups\n---\nTexte\n')).toThrow(/YAML valable/);
  });
});
