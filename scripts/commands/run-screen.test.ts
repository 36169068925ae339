import { describe, expect, it } from 'vitest';
import { aMenteeForm, aMentorForm, personalStrings } from '../dev/application-forms.ts';
import { formPost, intakeHarness, referenceOf } from '../../tests/helpers/intake-harness.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { runScreen } from './run-screen.ts';

async function seeded() {
  const h = await intakeHarness();
  const ids: string[] = [];
  for (const request of [formPost('mentee', aMenteeForm()), formPost('mentor', aMentorForm())]) {
    ids.push(referenceOf(await h.handle(request)));
  }
  const lines: string[] = [];
  const deps = {
    store: h.store,
    now: () => new Date('2026-11-30T14:00:00Z'),
    print: (l: string) => lines.push(l),
  };
  return { h, ids, lines, deps };
}

describe('npm run screen', () => {
  it('lists applications to screen by id and profile, without identity', async () => {
    const { ids, lines, deps } = await seeded();
    await runScreen(['list'], deps);
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toContain(ids[0]);
    expect(lines.join('\n')).toContain(
      'mentoré, Bac + 2 (BTS, BUT 2ᵉ année…), choisir son dernier stage ; définir son projet d’orientation professionnelle, en personne ou en visioconférence',
    );
    for (const personal of personalStrings()) expect(lines.join('\n')).not.toContain(personal);
  });

  it('names an unreadable file and lists everything else, after a mistaken edit', async () => {
    const { h, ids, lines, deps } = await seeded();
    await h.store.commit(
      [
        { path: 'applications/mentees/mentee-zzzzzz.json', content: '{ "identity": Zéphyrine' },
        { path: `screening/${ids[0]}.json`, content: '{"status": 3}' },
      ],
      'A mistaken edit',
    );
    await runScreen(['list'], deps);
    expect(lines).toEqual([
      expect.stringContaining(ids[0]!),
      expect.stringContaining(ids[1]!),
      'Fichier illisible, ignoré : applications/mentees/mentee-zzzzzz.json — ce fichier n’est pas du JSON valide (ligne 1, colonne 15).',
      `Fichier illisible, ignoré : screening/${ids[0]}.json — ce fichier ne respecte pas son schéma (schemaVersion, id, updatedAt, history, status).`,
    ]);
    // Deciding on an application whose decision file is broken says so, and writes nothing.
    await expect(runScreen([ids[0]!, 'accepted'], deps)).rejects.toThrow(/est invalide/);
  });

  it('records a decision, keeps its history, and removes it from the list once decided', async () => {
    const { h, ids, lines, deps } = await seeded();
    const [mentee] = ids as [string];
    await runScreen([mentee, 'interviewed'], deps);
    await runScreen(
      [mentee, 'accepted', '--reason', 'Entretien concluant', '--training', '2026-12-10'],
      deps,
    );
    const decision = JSON.parse((await h.store.readFile(`screening/${mentee}.json`))!);
    expect(decision).toEqual({
      schemaVersion: 1,
      id: mentee,
      status: 'accepted',
      updatedAt: '2026-11-30T14:00:00.000Z',
      trainingCompletedOn: '2026-12-10',
      history: [
        { status: 'interviewed', at: '2026-11-30T14:00:00.000Z' },
        { status: 'accepted', at: '2026-11-30T14:00:00.000Z', reason: 'Entretien concluant' },
      ],
    });
    lines.length = 0;
    await runScreen(['list'], deps);
    expect(lines.join('\n')).not.toContain(mentee);
  });

  it('keeps both decisions when two coordinators decide at the same time', async () => {
    const { h, ids, deps } = await seeded();
    const [mentee] = ids as [string];
    const other = { ...deps, store: new LocalGitStore(h.directory) };
    await Promise.all([
      runScreen([mentee, 'interviewed'], deps),
      runScreen([mentee, 'declined', '--reason', 'Hors délai'], other),
    ]);
    const decision = JSON.parse((await h.store.readFile(`screening/${mentee}.json`))!);
    expect(decision.history.map((e: { status: string }) => e.status).sort()).toEqual([
      'declined',
      'interviewed',
    ]);
  });

  it('refuses, in French, an unknown id, an unknown status and a bad date, writing nothing', async () => {
    const { h, ids, deps, lines } = await seeded();
    await expect(
      runScreen(['mentee-zzzzzz', 'accepted'], deps),
    ).rejects.toThrowErrorMatchingInlineSnapshot(
      `[ScreenUsageError: Aucune candidature mentee-zzzzzz dans le dépôt de données : vérifiez le numéro.]`,
    );
    await expect(runScreen([ids[0]!, 'peut-être'], deps)).rejects.toThrow(
      /Statut « peut-être » inconnu/,
    );
    await expect(runScreen(['list', '--bogus'], deps)).rejects.toThrow(/^Option inconnue/);
    await runScreen(['--help'], deps);
    expect(lines.at(-1)).toMatch(/^Utilisation :/);
    await expect(runScreen([ids[0]!, 'accepted', '--reason'], deps)).rejects.toThrow(
      /^Option inconnue/,
    );
    await expect(runScreen([ids[0]!, 'accepted', 'encore'], deps)).rejects.toThrow(
      /^Trop d’arguments/,
    );
    await expect(runScreen(['../etc/passwd', 'accepted'], deps)).rejects.toThrow(
      /n’est pas un numéro de candidature/,
    );
    await expect(
      runScreen([ids[0]!, 'accepted', '--training', '10/12/2026'], deps),
    ).rejects.toThrow(/« trainingCompletedOn » n’a pas le format attendu/);
    expect(await h.store.listFiles('screening')).toEqual([]);
  });
});
