import { describe, expect, it } from 'vitest';
import { afterQuiet, textProgress } from './progress.ts';

describe('afterQuiet', () => {
  it('keeps a quick run silent, then shows every line once it takes long', () => {
    const clock = { ms: 0 };
    const written: string[] = [];
    const progress = textProgress(
      afterQuiet({ write: (t) => void written.push(t) }, 1500, () => clock.ms),
    );
    progress.start(3, 'Clés');
    progress.step('a', 'ouverte');
    clock.ms = 1499;
    progress.step('b', 'ouverte');
    expect(written).toEqual([]);
    clock.ms = 1500;
    progress.step('c', 'ouverte');
    // The count stays true: the lines not shown were counted.
    expect(written).toEqual(['Clés\u00a0: 3/3 — c (ouverte)\n']);
  });

  it('leaves no blank line in a terminal when nothing was drawn', () => {
    const clock = { ms: 0 };
    const written: string[] = [];
    const progress = textProgress(
      afterQuiet({ isTTY: true, write: (t) => void written.push(t) }, 1500, () => clock.ms),
    );
    progress.start(1, 'Clés');
    progress.step('a', 'ouverte');
    clock.ms = 5000;
    progress.done();
    expect(written).toEqual([]);
  });
});
