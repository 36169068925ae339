import { describe, expect, it } from 'vitest';
import { aMenteeForm, aMentorForm, personalStrings } from '../../scripts/dev/application-forms.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import { formPost, intakeHarness, referenceOf } from '../../tests/helpers/intake-harness.ts';
import { runScreen } from '../../scripts/commands/run-screen.ts';
import { run } from './run.ts';

const silentCore = () => {
  const outputs: Record<string, unknown> = {};
  const failures: string[] = [];
  return {
    outputs,
    failures,
    core: {
      setOutput: (k: string, v: unknown) => void (outputs[k] = v),
      setFailed: (m: string) => void failures.push(m),
      info: () => {},
    },
  };
};

describe('the digest of applications to screen', () => {
  it('keeps one issue up to date, and comments only when applications are new', async () => {
    const { store, standIn } = gitHubHarness();
    const intake = await intakeHarness({ store });
    const submit = async (request: Request) => referenceOf(await intake.handle(request));
    const mentee = await submit(formPost('mentee', aMenteeForm()));
    const { core, outputs, failures } = silentCore();
    const fileUrl = (path: string) =>
      `https://github.com/clavim/mentorat-donnees/blob/main/${path}`;

    await run({ store, core, fileUrl });
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues[0]!.title).toBe('Candidatures à examiner (1)');
    expect(standIn.issues[0]!.body).toContain(
      `[${mentee}](https://github.com/clavim/mentorat-donnees/blob/main/applications/mentees/${mentee}.json)`,
    );
    expect(standIn.comments.map((c) => c.body)).toEqual([`Nouvelle candidature : ${mentee}.`]);

    await run({ store, core, fileUrl });
    expect(standIn.comments).toHaveLength(1);

    const mentor = await submit(formPost('mentor', aMentorForm()));
    await runScreen([mentee, 'accepted'], {
      store,
      now: () => new Date('2026-11-30T10:00:00Z'),
      print: () => {},
    });
    await run({ store, core, fileUrl });
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues[0]!.title).toBe('Candidatures à examiner (1)');
    expect(standIn.issues[0]!.body).not.toContain(mentee);
    expect(standIn.comments.map((c) => c.body)).toEqual([
      `Nouvelle candidature : ${mentee}.`,
      `Nouvelle candidature : ${mentor}.`,
    ]);
    expect(outputs).toEqual({ pending: 1, new: 1, unreadable: 0 });
    expect(failures).toEqual([]);

    // A file nobody can read is skipped (the validation job names it): the digest goes on.
    await store.commit(
      [{ path: 'applications/mentors/mentor-zzzzzz.json', content: '{"identity": Barnabé' }],
      'A mistaken edit',
    );
    await run({ store, core, fileUrl });
    expect(outputs).toEqual({ pending: 1, new: 0, unreadable: 1 });
    expect(failures).toEqual([]);

    const written = JSON.stringify(standIn.issues) + JSON.stringify(standIn.comments);
    for (const personal of personalStrings()) expect(written).not.toContain(personal);
  });
});
