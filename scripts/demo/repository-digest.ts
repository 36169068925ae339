import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { folders, idPatterns } from '../../schemas/data-layout.ts';
import type { LocalGitStore } from '../store/local-git-store.ts';
import { readRecords } from '../store/read-records.ts';

const run = promisify(execFile);

/**
 * The content of a demo's data repository, in an order of its own: for every ref, its history
 * (each commit's date and message) and one line a file (`ref mode path sha256`). Two demos with
 * the same options give the same lines. What is random on purpose is compared by what it holds,
 * not by its bytes:
 * - an application's sealed identity (age draws a fresh key for each encryption, so that equal
 *   texts never give equal ciphertexts): compared opened, with each demo's own key;
 * - the intake's own files (anti-replay records named after proof-of-work challenges, which
 *   must be unpredictable so that no one can solve them in advance, and its submission
 *   receipts, which name them): counted only;
 * - a PDF's creation and modification dates (Chromium stamps the time of printing): left out.
 */
export async function repositoryDigest(
  store: LocalGitStore,
  identities: readonly string[],
): Promise<string[]> {
  const git = async (...args: string[]) =>
    (await run('git', ['-C', store.directory, ...args], { maxBuffer: 1 << 28, encoding: 'buffer' }))
      .stdout;
  const refs = (await git('for-each-ref', '--format=%(refname)'))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .sort();
  const lines: string[] = [];
  for (const branch of refs) {
    // Its history, in order: each commit's date and message (the ids change with the ciphertexts).
    const history = (await git('log', '--format=%at %s', branch)).toString('utf8').split('\n');
    history
      .filter(Boolean)
      .forEach((commit, i) => lines.push(`${branch} log ${String(i).padStart(6, '0')} ${commit}`));
    const listing = (await git('ls-tree', '-r', '-z', branch)).toString('utf8').split('\0');
    let antiReplay = 0;
    for (const entry of listing.filter(Boolean)) {
      const [meta, path] = entry.split('\t') as [string, string];
      const [mode, , sha] = meta.split(' ') as [string, string, string];
      if (path.startsWith('intake/')) {
        antiReplay += 1;
        continue;
      }
      if (applicationFile.test(path)) continue;
      let body: Buffer = await git('cat-file', 'blob', sha);
      if (path.endsWith('.pdf')) body = withoutPrintDates(body);
      lines.push(`${branch} ${mode} ${path} ${sha256(body)}`);
    }
    lines.push(`${branch} intake/ ${antiReplay} fichiers`);
    if (!branch.startsWith('refs/heads/')) continue;
    const records = await readRecords(store, {
      folders: [folders.mentor, folders.mentee],
      branch: branch.slice('refs/heads/'.length),
      identities,
    });
    if (records.unopened.length > 0 || records.unreadable.length > 0)
      lines.push(
        `${branch} applications/ ${records.unopened.length + records.unreadable.length} illisibles`,
      );
    for (const application of records.applications)
      lines.push(
        `${branch} application ${application.id} ${sha256(Buffer.from(JSON.stringify(application)))}`,
      );
  }
  return lines.sort();
}

/** The whole content in one short fingerprint, to compare two demos by eye. */
export const digestFingerprint = (lines: readonly string[]) =>
  sha256(Buffer.from(lines.join('\n'))).slice(0, 16);

/** The files the record reader opens as applications (compared opened, below). */
const applicationFile = new RegExp(
  `^(${folders.mentor}|${folders.mentee})/${idPatterns.application.slice(1, -1)}\\.json$`,
);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A PDF without its `/CreationDate (…)` and `/ModDate (…)` entries. */
function withoutPrintDates(pdf: Buffer): Buffer {
  return Buffer.from(
    pdf.toString('latin1').replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, '/$1 ()'),
    'latin1',
  );
}
