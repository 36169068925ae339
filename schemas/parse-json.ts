export type ParsedJson =
  { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/**
 * Parses a record's text. On failure it says where, never what: JavaScript's own messages quote
 * the text around the mistake, which in a record is a name or an e-mail (issue 7), so the message
 * here is a fixed French sentence with the line and column only.
 */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = jsonErrorOffset(text);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = before.at(-1)!.length + 1;
    const message =
      offset >= text.length
        ? `ce fichier n’est pas du JSON valide : il s’arrête avant la fin (ligne ${line}, colonne ${column})`
        : `ce fichier n’est pas du JSON valide (ligne ${line}, colonne ${column})`;
    return { ok: false, line, column, message };
  }
}

/**
 * The offset of the first character a JSON parser would refuse (the text's length when it ends
 * too early). A small recursive-descent scan: engines word their errors differently, and some
 * give no position at all.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  class Stop {
    readonly at: number;
    constructor(at: number) {
      this.at = at;
    }
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const expect = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) throw new Stop(i);
      i += 1;
    }
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) throw new Stop(i);
      const c = text[i]!;
      if (c === '"') return void (i += 1);
      if (c < ' ') throw new Stop(i);
      if (c === '\\') {
        i += 1;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) throw new Stop(i);
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 1;
        else throw new Stop(i);
      } else i += 1;
    }
  };
  const number = () => {
    const pattern = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match) throw new Stop(i);
    i += match[0].length;
  };
  let depth = 0;
  const value = (): void => {
    // Deeper than any record: report the place rather than exhaust the stack (a file of
    // 100,000 « [ » must not make the reader throw).
    if (++depth > 256) throw new Stop(i);
    try {
      valueAt();
    } finally {
      depth -= 1;
    }
  };
  const valueAt = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i += 1;
      space();
      if (text[i] === '}') return void (i += 1);
      for (;;) {
        space();
        string();
        space();
        expect(':');
        value();
        space();
        if (text[i] === ',') i += 1;
        else return expect('}');
      }
    }
    if (c === '[') {
      i += 1;
      space();
      if (text[i] === ']') return void (i += 1);
      for (;;) {
        value();
        space();
        if (text[i] === ',') i += 1;
        else return expect(']');
      }
    }
    if (c === '"') return string();
    if (c === 't') return expect('true');
    if (c === 'f') return expect('false');
    if (c === 'n') return expect('null');
    return number();
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (stop) {
    if (stop instanceof Stop) return Math.min(stop.at, text.length);
    throw stop;
  }
}
