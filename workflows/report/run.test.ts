import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findChromium, renderPdf } from '../../scripts/commands/render-pdf.ts';
import { KeyFileError } from '../../scripts/privacy/age-identities.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import { recordingCore } from '../../tests/helpers/matching-harness.ts';
import { programmeSettings } from '../../tests/helpers/intake-harness.ts';
import { canaries, commitGoldenProgramme } from '../../tests/helpers/report-programme.ts';
import { coordinatorKey } from '../../tests/helpers/test-keys.ts';
import { run, scheduledPeriods } from './run.ts';

// Issue 13, the « Rapports » job on the GitHub stand-in: the report compiled from the data
// repository, proposed as a pull request (or committed) per the settings, its summary in the job
// summary; the same report again writes nothing; a period typed wrong fails in French.

/** A recording `core`, and everything the job wrote: its log lines and its summary. */
function fakeCore() {
  const recorded = recordingCore();
  return { ...recorded, written: () => [...recorded.logs, ...recorded.summaryParts] };
}

const chromium = findChromium(process.env);
const pdf = (html: string) => (chromium ? renderPdf(html, chromium) : Promise.resolve(undefined));
const identities = () => Promise.resolve([coordinatorKey.identity]);
const now = () => new Date('2027-09-15T05:00:00Z');

describe('the reports job', () => {
  it('proposes the report as a pull request, PDF included, and proposes nothing new for the same figures', async () => {
    const { store, standIn } = gitHubHarness();
    const { identifiers } = await commitGoldenProgramme(store);
    const mainBefore = standIn.git.resolve('main')!.sha;
    const first = fakeCore();
    const settings = programmeSettings((s) => (s.reports = { delivery: 'pull-request' }));
    await run({ store, core: first.core, settings, now, periods: '2026-2027', identities, pdf });
    expect(first.failures).toEqual([]);
    expect(first.outputs).toEqual({
      periods: '2026-2027',
      written: '2026-2027',
      'pull-requests': '1',
    });
    expect(standIn.git.resolve('main')!.sha).toBe(mainBefore);
    const proposal = await store.pullRequest(1);
    expect(proposal).toMatchObject({ branch: 'rapports/2026-2027', state: 'open' });
    const html = standIn.file('reports/2026-2027/rapport.html', 'rapports/2026-2027')!;
    expect(html).toContain('<h1>Bilan du programme de mentorat — année scolaire 2026-2027</h1>');
    const bytes = standIn.fileBytes('reports/2026-2027/rapport.pdf', 'rapports/2026-2027')!;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(standIn.file('reports/2026-2027/README.md', 'rapports/2026-2027')).toContain(
      '| Binômes formés | 10 |',
    );
    const everything = [
      JSON.stringify(standIn.issues),
      JSON.stringify(standIn.comments),
      ...first.written(),
      html,
    ].join('\n');
    for (const identifier of identifiers) expect(everything, identifier).not.toContain(identifier);
    expect(everything).not.toMatch(/(mentor|mentee|pair)-gold/);
    expect(everything).not.toContain(canaries.coordinatorsOnly);
    expect(first.written().join('\n')).toContain('Proposé pour relecture : pull request n° 1.');
    expect(standIn.violations).toEqual([]);

    const branchHead = standIn.git.resolve('rapports/2026-2027')!.sha;
    const second = fakeCore();
    await run({ store, core: second.core, settings, now, periods: '2026-2027', identities, pdf });
    expect(second.failures).toEqual([]);
    expect(second.outputs['written']).toBe('');
    expect(standIn.git.resolve('rapports/2026-2027')!.sha).toBe(branchHead);
  }, 60_000);

  it('commits the report to main when the settings say so, and fails in French for a period typed wrong', async () => {
    const { store, standIn } = gitHubHarness();
    await commitGoldenProgramme(store);
    const settings = programmeSettings((s) => (s.reports = { delivery: 'commit', threshold: 5 }));
    const job = fakeCore();
    // No key: the report is compiled, without quotes.
    await run({
      store,
      core: job.core,
      settings,
      now,
      periods: '2026-2027 2026-2028',
      identities: () => Promise.reject(new KeyFileError('Pas de clé.')),
      pdf: () => Promise.resolve(undefined),
    });
    expect(job.outputs['written']).toBe('2026-2027');
    expect(job.failures).toEqual([
      '2026-2028 : Une année scolaire s’écrit avec deux années qui se suivent, par exemple 2026-2027.',
    ]);
    const html = standIn.file('reports/2026-2027/rapport.html')!;
    expect(html).toContain('Les citations ne sont pas publiées');
    expect(html).not.toContain(canaries.anonymousPlain);
    expect(standIn.file('reports/2026-2027/rapport.pdf')).toBeUndefined();
    expect(standIn.git.resolve('main')!.message).toBe('Compile the report for 2026-2027');
    expect(standIn.violations).toEqual([]);
  }, 60_000);

  it('compiles, on its schedule, the month that ended, and the school year once it is over', () => {
    expect(scheduledPeriods('2027-01-02')).toEqual(['2026-12']);
    expect(scheduledPeriods('2026-09-02')).toEqual(['2026-08', '2025-2026']);
    expect(scheduledPeriods('2026-10-02')).toEqual(['2026-09']);
  });

  it('runs with the least permissions: writing the report and its pull request, nothing else', async () => {
    const workflow = parse(await readFile('.github/workflows/report-data.yml', 'utf8')) as {
      on: Record<string, unknown>;
      permissions: unknown;
      jobs: Record<
        string,
        { permissions: unknown; steps: { run?: string; env?: Record<string, string> }[] }
      >;
    };
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(workflow.permissions).toEqual({});
    expect(Object.values(workflow.jobs).map((j) => j.permissions)).toEqual([
      { contents: 'write', 'pull-requests': 'write' },
    ]);
    const last = workflow.jobs['report']!.steps.at(-1)!;
    expect(last.run).toBe('node_modules/.bin/node workflows/report/main.ts');
    expect(Object.keys(last.env!).sort()).toEqual([
      'BINOME_AGE_KEY',
      'BINOME_GITHUB_REPOSITORY',
      'BINOME_GITHUB_TOKEN',
    ]);
  });
});
