import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairPath, reviewPath } from '../../schemas/data-layout.ts';
import { aMentee, aMentor } from '../../scripts/dev/matching-people.ts';
import { LocalGitStore } from '../../scripts/store/local-git-store.ts';
import { storeAccepted } from '../helpers/matching-harness.ts';
import { runCommand } from '../helpers/run-command.ts';

/** `npm run match -- …` as a coordinator types it, on the data repository in `directory`. */
const match = (directory: string, args: string[]) => runCommand('match', directory, args);

describe('npm run match, on the embedded default', () => {
  it('proposes on a branch, shows the review, takes the coordinators’ commands, and accepts by merging', async () => {
    const directory = join(await mkdtemp(join(tmpdir(), 'binome-match-')), 'data');
    const store = new LocalGitStore(directory);
    await storeAccepted(store, [
      aMentee('mentee-aaaaa1'),
      aMentee('mentee-aaaaa2'),
      aMentor('mentor-bbbbb1', { capacity: 2 }),
    ]);

    const proposed = await match(directory, ['--cohort', '2026-2027', '--mode', 'best']);
    expect(proposed).toMatchObject({ code: 0, stderr: '' });
    expect(proposed.stdout).toContain(
      'Cohorte 2026-2027 (mode meilleurs) : 2 binômes proposés, 0 mentoré sans binôme.',
    );
    expect(proposed.stdout).toContain(
      'Proposition sur la branche binomes/2026-2027 (pull request n° 1).',
    );
    expect(
      await store.readFile(pairPath('pair-bbbbb1-aaaaa1'), { branch: 'binomes/2026-2027' }),
    ).toBeDefined();

    // The same data again: the same pair files and review, byte for byte, so nothing is written.
    const again = await match(directory, ['--cohort', '2026-2027', '--mode', 'best']);
    expect(again.stdout).toContain('(pull request n° 1), inchangée.');

    const shown = await match(directory, ['--cohort', '2026-2027', '--show']);
    const review = await store.readFile(reviewPath('2026-2027'), { branch: 'binomes/2026-2027' });
    expect(review).toContain('&#58;');
    expect(shown.stdout).toBe(
      `${review!.replace(/&#([0-9]+);/g, (_, code: string) => String.fromCharCode(Number(code)))}\n`,
    );
    expect(shown.stdout).toContain(
      'Objectifs 35/35\u00a0: le mentor couvre les 2 objectifs du mentoré',
    );

    const withdrawn = await match(directory, [
      '--cohort',
      '2026-2027',
      '/retirer',
      'pair-bbbbb1-aaaaa2',
    ]);
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stdout).toContain(
      '/retirer pair-bbbbb1-aaaaa2 : ✅ pair-bbbbb1-aaaaa2 retiré',
    );
    const refused = await match(directory, [
      '--cohort',
      '2026-2027',
      '/associer',
      'mentor-bbbbb1',
      'mentee-zzzzzz',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(
      '❌ aucune candidature mentee-zzzzzz dans le dépôt de données.',
    );

    const accepted = await match(directory, ['--accept', '2026-2027']);
    expect(accepted.stdout).toBe('Cohorte 2026-2027 : 1 binôme accepté (pair-bbbbb1-aaaaa1).\n');
    expect(JSON.parse((await store.readFile(pairPath('pair-bbbbb1-aaaaa1')))!)).toMatchObject({
      status: 'accepted',
      events: [{ type: 'proposed' }, { type: 'accepted' }],
    });
    expect(await store.readFile(pairPath('pair-bbbbb1-aaaaa2'))).toBeUndefined();
  });

  it('answers a mistake in French, without a stack trace', async () => {
    const directory = join(await mkdtemp(join(tmpdir(), 'binome-match-')), 'data');
    const unknown = await match(directory, ['--cohort', '1999-2000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      // French typography: a no-break space inside « » and before the colon.
      'Cohorte «\u00a01999-2000\u00a0» inconnue\u00a0: indiquez l’une de celles de content/programme.yaml (2026-2027, 2027-2028).\n',
    );
    const mode = await match(directory, ['--cohort', '2026-2027', '--mode', 'random']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('Mode «\u00a0random\u00a0» inconnu.');
    const help = await match(directory, ['--help']);
    expect(help.stdout).toContain(
      'npm run match -- --cohort <cohorte> [--mode meilleurs|plus-nombreux]',
    );
  });
});
