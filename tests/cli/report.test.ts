import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { followUpRulesFrom } from '../../scripts/followup/follow-up-rules.ts';
import { compileReport } from '../../scripts/reporting/compile-report.ts';
import { cellText } from '../../scripts/reporting/publish-report.ts';
import { reportPeriod } from '../../scripts/reporting/report-period.ts';
import { csvHeader } from '../../scripts/reporting/report-csv.ts';
import { intakeHarness, programmeSettings } from '../helpers/intake-harness.ts';
import { canaries, commitGoldenProgramme, goldenProgramme } from '../helpers/report-programme.ts';
import { runCommand } from '../helpers/run-command.ts';
import { coordinatorKey } from '../helpers/test-keys.ts';

// Issue 13: `npm run report` on the embedded default, from the golden programme's sealed records
// to reports/2026-2027/ (page, tagged PDF, SVG charts, CSV, summary); no name, e-mail, phone,
// organisation or id of the synthetic people in any of it; a text kept for the coordinators never;
// quotes only once every name could be masked.

const exec = promisify(execFile);
const settings = programmeSettings();
// The golden programme's year is over on the day of these runs.
const withKey = { BINOME_AGE_KEY: coordinatorKey.identity, BINOME_TODAY: '2027-09-15' };

let directory = '';
let identifiers: string[] = [];
let run: Awaited<ReturnType<typeof runCommand>>;
/** Every file of reports/2026-2027/ as committed, by path inside it (the PDF as its text). */
const files = new Map<string, string>();
let pdf = Buffer.alloc(0);

const git = async (...args: string[]) =>
  (await exec('git', ['--git-dir', directory, ...args], { encoding: 'buffer', maxBuffer: 1 << 26 }))
    .stdout;

beforeAll(async () => {
  const harness = await intakeHarness();
  directory = harness.directory;
  identifiers = (await commitGoldenProgramme(harness.store)).identifiers;
  run = await runCommand(
    'report',
    directory,
    ['--period', '2026-2027', '--date', '2027-09-15'],
    withKey,
  );
  const listed = (await git('ls-tree', '-r', '--name-only', 'main', 'reports/2026-2027'))
    .toString('utf8')
    .trim()
    .split('\n');
  for (const path of listed) {
    const bytes = await git('show', `main:${path}`);
    const name = path.slice('reports/2026-2027/'.length);
    if (name === 'rapport.pdf') pdf = bytes;
    else files.set(name, bytes.toString('utf8'));
  }
}, 120_000);

describe('npm run report', () => {
  it('writes the page, its PDF, its charts, the CSV and the summary into reports/<period>/', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect([...files.keys(), 'rapport.pdf'].sort()).toEqual([
      'README.md',
      'chiffres.csv',
      'graphiques/attente.svg',
      'graphiques/bilans.svg',
      'graphiques/binomes.svg',
      'graphiques/candidatures.svg',
      'rapport.html',
      'rapport.pdf',
    ]);
    expect(run.stdout).toContain('# Bilan du programme de mentorat — année scolaire 2026-2027');
    expect(run.stdout).toContain('| Candidatures de mentorés | 21 |');
    expect(files.get('README.md')).toContain('| Binômes formés | 10 |');
    // A copy to open on this machine (the local repository is bare).
    const copy = join(directory, 'rapports', '2026-2027');
    expect(await readFile(join(copy, 'rapport.html'), 'utf8')).toBe(files.get('rapport.html'));
    expect((await readdir(join(copy, 'graphiques'))).sort()).toHaveLength(4);
  });

  it('makes a tagged PDF that qpdf finds sound and that reads the same figures', async () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const path = join(directory, 'rapports', '2026-2027', 'rapport.pdf');
    expect(Buffer.compare(await readFile(path), pdf)).toBe(0);
    const check = await exec('qpdf', ['--check', path]);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
    const info = (await exec('pdfinfo', [path])).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const text = (await exec('pdftotext', ['-layout', path, '-'])).stdout;
    expect(text).toContain('Bilan du programme de mentorat');
    expect(text).toContain('Candidatures reçues par mois');
  });

  it('draws well-formed SVG charts, each titled and described, with their numbers also in a table', async () => {
    const html = files.get('rapport.html')!;
    for (const [name, svg] of files) {
      if (!name.endsWith('.svg')) continue;
      // Python's XML parser is strict: a stray « & » or an unclosed tag fails it.
      await exec('python3', [
        '-c',
        'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])',
        join(directory, 'rapports', '2026-2027', name),
      ]);
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-labelledby="([a-z0-9-]+)-title \1-desc"/,
      );
      expect(svg).toMatch(
        /<title id="[a-z0-9-]+-title">[^<]+<\/title>\s*<desc id="[a-z0-9-]+-desc">[^<]+<\/desc>/,
      );
      const id = name.slice('graphiques/'.length, -'.svg'.length);
      // Inline in the page, followed by the table of its numbers.
      expect(html).toContain(svg.trim());
      expect(html.indexOf(`id="tableau-${id}"`)).toBeGreaterThan(html.indexOf(svg.trim()));
    }
  });

  it('writes a CSV for French spreadsheets that reads back to the published figures', () => {
    const csv = files.get('chiffres.csv')!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...csvHeader]);
    // The same figures as the report compiled here from the same records.
    const expected = compileReport({
      period: reportPeriod('2026-2027', settings.cohorts),
      day: '2027-08-31',
      records: goldenProgramme().records,
      settings: { ...settings, followUp: followUpRulesFrom(settings), threshold: 5 },
      terms: undefined,
      programme: settings.structure.name,
    }).published;
    const rows: string[][] = [];
    for (const section of expected.sections) {
      for (const s of section.statistics)
        rows.push([
          section.heading,
          'Indicateurs',
          s.label,
          'Valeur',
          s.value ?? s.withheld ?? '',
          '',
        ]);
      for (const table of section.tables)
        for (const row of table.rows)
          row.keys.forEach((key, c) => {
            const cell = expected.cells.get(key)!;
            rows.push([
              section.heading,
              table.caption,
              row.label,
              table.columns[c]!,
              'value' in cell ? String(cell.value) : cellText(cell, 5),
              key,
            ]);
          });
    }
    expect(parsed.data.slice(1)).toEqual(rows);
    const total = parsed.data.find(
      (r) => r[1] === 'Candidatures reçues par mois' && r[2] === 'Total' && r[3] === 'Total',
    );
    expect(Number(total![4])).toBe(33);
  });

  it('never names anyone: no name, e-mail, phone, organisation or id of the records, nor a text kept for the coordinators', async () => {
    const pdfText = (
      await exec('pdftotext', [join(directory, 'rapports', '2026-2027', 'rapport.pdf'), '-'])
    ).stdout;
    const outputs = [...files.values(), pdfText, run.stdout, run.stderr].join('\n');
    const folded = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const identifier of identifiers)
      expect(folded(outputs), identifier).not.toContain(folded(identifier));
    expect(outputs).not.toMatch(/(mentor|mentee|pair)-gold/);
    expect(folded(outputs)).not.toContain(folded('Zorglub'));
    expect(outputs).not.toContain(canaries.coordinatorsOnly);
    // The anonymous words are quoted, masked of what the records hold.
    expect(files.get('rapport.html')).toContain(
      'Grâce à [nom] de [organisation], j’ai trouvé mon stage ; appelez-la au [téléphone].',
    );
    expect(files.get('rapport.html')).toContain(canaries.anonymousPlain);
  });

  it('writes nothing when nothing changed, and publishes no quote without the key', async () => {
    const before = (await git('rev-parse', 'main')).toString().trim();
    const again = await runCommand(
      'report',
      directory,
      ['--period', '2026-2027', '--date', '2027-09-15'],
      withKey,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('n’a pas changé depuis le dernier');
    expect((await git('rev-parse', 'main')).toString().trim()).toBe(before);

    const blind = await runCommand(
      'report',
      directory,
      ['--period', '2026-2027', '--date', '2027-09-15'],
      {
        BINOME_TODAY: '2027-09-15',
        BINOME_AGE_KEY: '',
        BINOME_AGE_KEY_FILE: join(directory, 'no-such-key.txt'),
      },
    );
    expect(blind.code).toBe(0);
    const html = (await git('show', 'main:reports/2026-2027/rapport.html')).toString('utf8');
    expect(html).toContain('Les citations ne sont pas publiées');
    expect(html).not.toContain(canaries.anonymousPlain);
  });

  it('refuses a period it cannot read, in French, writing nothing', async () => {
    const before = (await git('rev-parse', 'main')).toString().trim();
    for (const period of ['2026-2028', '2026-13', 'Jean Dupont', 'cohorte-2030-2031']) {
      const refused = await runCommand('report', directory, ['--period', period], withKey);
      expect(refused.code, period).toBe(2);
      expect(refused.stderr).not.toContain('Jean');
      expect(refused.stderr).toMatch(/période|cohorte|année scolaire/);
    }
    // Counted up to a day still to come, a pair would reach six months it has not reached.
    const future = await runCommand(
      'report',
      directory,
      ['--period', '2026-2027', '--date', '2027-09-16'],
      withKey,
    );
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('La date ne peut pas être après aujourd’hui');
    const help = await runCommand('report', directory, ['--help']);
    expect(help.stdout).toContain('compile le bilan du programme');
    expect((await git('rev-parse', 'main')).toString().trim()).toBe(before);
  });
});
