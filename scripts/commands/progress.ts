/** Progress of a long command: one line redrawn in a terminal, one line a step in a log (CI). */
export interface Progress {
  start(total: number, label: string): void;
  step(item: string, outcome: string): void;
  done(): void;
}

/**
 * Writes progress to `out`: in a terminal, one line redrawn in place (« Conventions : 12/40 ») so
 * that thousands of steps do not scroll; elsewhere (a CI log, a file), one line a step, each
 * complete and readable on its own.
 */
export function textProgress(out: { isTTY?: boolean; write(text: string): unknown }): Progress {
  let total = 0;
  let count = 0;
  let label = '';
  return {
    start(n, name) {
      total = n;
      count = 0;
      label = name;
    },
    step(item, outcome) {
      count += 1;
      const line = `${label}\u00a0: ${count}/${total} — ${item} (${outcome})`;
      if (out.isTTY) out.write(`\r\u001b[2K${line}`);
      else out.write(`${line}\n`);
    },
    done() {
      if (out.isTTY && count > 0) out.write('\n');
    },
  };
}

/** Where progress lines are written: a terminal (redrawn in place) or a log. */
export interface ProgressOut {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * `out`, silent for the first `quietMs` after it is made: a command that ends quickly (on the
 * local repository, a few milliseconds) prints nothing more, one that takes long (on GitHub,
 * one request a file) shows where it is.
 */
export function afterQuiet(
  out: ProgressOut,
  quietMs = 1500,
  now: () => number = () => performance.now(),
): ProgressOut {
  const started = now();
  let shown = false;
  return {
    ...(out.isTTY ? { isTTY: true } : {}),
    write(text) {
      if (!shown && now() - started < quietMs) return;
      // The line ending a redrawn line that was never drawn would only leave a blank line.
      if (!shown && text === '\n') return;
      shown = true;
      return out.write(text);
    },
  };
}
