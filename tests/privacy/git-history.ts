import { execFileSync } from 'node:child_process';

/** One object of a Git repository's object database, whatever reaches it. */
export interface GitObject {
  sha: string;
  type: string;
  body: Buffer;
}

/**
 * Every object of the repository in `directory`, loose or packed, reachable or not (a commit
 * that lost a race, a blob written and never committed): `git cat-file --batch-all-objects`.
 */
export function everyObject(directory: string): GitObject[] {
  const out = execFileSync(
    'git',
    ['-C', directory, 'cat-file', '--batch-all-objects', '--unordered', '--batch'],
    { maxBuffer: 1 << 28 },
  );
  const objects: GitObject[] = [];
  let offset = 0;
  while (offset < out.byteLength) {
    const newline = out.indexOf(0x0a, offset);
    const [sha, type, size] = out.subarray(offset, newline).toString('utf8').split(' ');
    const start = newline + 1;
    const end = start + Number(size);
    objects.push({ sha: sha!, type: type!, body: out.subarray(start, end) });
    offset = end + 1;
  }
  return objects;
}

/** `git log -p --all`: every commit of every ref, with its message and its whole diff. */
export function logPatches(directory: string): string {
  return execFileSync(
    'git',
    ['-C', directory, 'log', '-p', '--all', '--format=fuller', '--no-ext-diff', '--text'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
}

/** Accents and case folded away: « Séraphin » and « SERAPHIN » read alike. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * What a text could be hiding in plain sight: itself, with JSON's escapes undone (`\u00e9`,
 * `\n`), and every run of base64 in it decoded (an identity « armoured » without being
 * encrypted is still in clear).
 */
export function readings(text: string): string[] {
  const unescaped = text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\n/g, '\n');
  // An armoured file's lines are one base64 run once its line breaks are gone.
  const joined = unescaped.replace(
    /-----BEGIN AGE ENCRYPTED FILE-----\n([\s\S]*?)-----END AGE ENCRYPTED FILE-----/g,
    (_, body: string) => ` ${body.replace(/\s+/g, '')} `,
  );
  const decoded = [...joined.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)].map(([run]) =>
    Buffer.from(run, 'base64').toString('utf8'),
  );
  return [text, unescaped, ...decoded];
}

/**
 * Which of `needles` appear in which of `places` (accents and case folded, every reading of
 * each place), as `needle @ place` lines: empty when none does.
 */
export function findNeedles(
  places: readonly { where: string; text: string }[],
  needles: readonly string[],
): string[] {
  const folded = needles.map((needle) => ({ needle, folded: fold(needle) }));
  const hits = new Set<string>();
  for (const { where, text } of places) {
    const haystack = readings(text).map(fold).join('\n');
    for (const { needle, folded: f } of folded)
      if (haystack.includes(f)) hits.add(`${needle} @ ${where}`);
  }
  return [...hits].sort();
}

/** Every object of the repository and its `git log -p --all`, as places to search. */
export function historyPlaces(directory: string): { where: string; text: string }[] {
  return [
    ...everyObject(directory).map((o) => ({
      where: `${o.type} ${o.sha}`,
      text: o.body.toString('utf8'),
    })),
    { where: 'git log -p --all', text: logPatches(directory) },
  ];
}
