import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';

// The convention's PDFs as other programs see them: qpdf (structure, form fields), poppler
// (pdfinfo, pdftotext, pdftoppm) and pypdf (text, catalog). Each is installed by CI, as here;
// missing, a test fails with what to install, never skips: only the real tools prove the PDF.

const exec = promisify(execFile);

/** pypdf is installed for Debian's Python, not for a pyenv or virtualenv `python3`. */
const python = '/usr/bin/python3';

const packages: Record<string, string> = {
  qpdf: 'qpdf',
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  [python]: 'python3-pypdf',
};

/** A tool run on files: its exit code and output, whatever the code. */
export async function tool(
  command: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error(
        `${command} is not installed: install Debian's « ${packages[command] ?? command} » package, as CI does.`,
      );
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** `tool`, failing with the tool's own message unless it exits 0. */
export async function output(command: string, args: readonly string[]): Promise<string> {
  const result = await tool(command, args);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** `qpdf --check`: its exit code and report (0 and « No syntax or stream encoding errors »). */
export function qpdfCheck(file: string) {
  return tool('qpdf', ['--check', file]);
}

/** A form field as `qpdf --json --json-key=acroform` describes it. */
export interface QpdfField {
  fullname: string;
  fieldtype: string;
  /** `u:<text>` for a text value, null when there is none (a signature field). */
  value: string | null;
  fieldflags: number;
  alternativename: string;
  pageposfrom1: number;
}

export async function formFields(file: string): Promise<QpdfField[]> {
  const json = JSON.parse(await output('qpdf', ['--json', '--json-key=acroform', file])) as {
    acroform: { fields: QpdfField[] };
  };
  return json.acroform.fields;
}

/** `pdfinfo -isodates`, as entries (`Title`, `CreationDate`, `Page size`…). */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const text = await output('pdfinfo', ['-isodates', '-enc', 'UTF-8', file]);
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/** What pypdf reads in a PDF: each page's text and the catalog's language. */
export interface PypdfReading {
  pages: string[];
  lang: string | null;
}

const readWithPypdf = `
import json, sys
from pypdf import PdfReader
out = {}
for name in sys.argv[1:]:
    reader = PdfReader(name)
    lang = reader.trailer['/Root'].get('/Lang')
    out[name] = {'pages': [page.extract_text() for page in reader.pages], 'lang': None if lang is None else str(lang)}
print(json.dumps(out))
`;

/** pypdf's reading of several PDFs at once (one Python start for all). */
export async function pypdf(files: readonly string[]): Promise<Record<string, PypdfReading>> {
  return JSON.parse(await output(python, ['-c', readWithPypdf, ...files])) as Record<
    string,
    PypdfReading
  >;
}

/** A page rendered in grey levels: one byte a pixel, 0 black, 255 white. */
export interface GreyPage {
  width: number;
  height: number;
  grey: Uint8Array;
}

/** A PNG decoded to grey levels (pngjs gives RGBA: the red channel of a grey picture). */
export function decodeGrey(png: Uint8Array): GreyPage {
  const image = PNG.sync.read(Buffer.from(png));
  const grey = new Uint8Array(image.width * image.height);
  for (let i = 0; i < grey.length; i += 1) grey[i] = image.data[i * 4]!;
  return { width: image.width, height: image.height, grey };
}

/**
 * Every page of `pdf` rendered by pdftoppm with `args` into `folder` as `<prefix>-<n>.png`:
 * the PNGs' bytes, in page order.
 */
export async function renderPages(
  pdf: string,
  folder: string,
  prefix: string,
  args: readonly string[],
): Promise<Uint8Array[]> {
  await output('pdftoppm', [...args, pdf, join(folder, prefix)]);
  const pages = (await readdir(folder))
    .map((file) => ({ file, page: new RegExp(`^${prefix}-(\\d+)\\.png$`).exec(file)?.[1] }))
    .filter((p): p is { file: string; page: string } => p.page !== undefined)
    .sort((a, b) => Number(a.page) - Number(b.page));
  return Promise.all(pages.map((p) => readFile(join(folder, p.file))));
}

/**
 * How far two renderings of a page are: the mean absolute difference per pixel (0–255), and
 * the share of pixels that differ by more than 64 (a glyph or a line moved, not antialiasing).
 */
export function pageDifference(
  actual: GreyPage,
  expected: GreyPage,
): { sameSize: boolean; mean: number; changed: number; changedPixels: number } {
  if (actual.width !== expected.width || actual.height !== expected.height)
    return { sameSize: false, mean: 255, changed: 1, changedPixels: actual.grey.length };
  let sum = 0;
  let changed = 0;
  for (let i = 0; i < actual.grey.length; i += 1) {
    const d = Math.abs(actual.grey[i]! - expected.grey[i]!);
    sum += d;
    if (d > 64) changed += 1;
  }
  return {
    sameSize: true,
    mean: sum / actual.grey.length,
    changed: changed / actual.grey.length,
    changedPixels: changed,
  };
}
