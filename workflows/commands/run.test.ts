import { describe, expect, it } from 'vitest';
import {
  digestLabel,
  followUpLabel,
  matchingEditsPath,
  pairPath,
  reviewPath,
  screeningPath,
} from '../../schemas/data-layout.ts';
import { aMentee, aMentor } from '../../scripts/dev/matching-people.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import {
  now,
  recordingCore,
  settings,
  storeAccepted,
} from '../../tests/helpers/matching-harness.ts';
import { run as match } from '../match/run.ts';
import { run } from './run.ts';

const fileUrl = (branch: string, path: string) => `https://github.com/o/r/blob/${branch}/${path}`;
const branch = 'binomes/2026-2027';
/**
 * A reply as GitHub shows it, character references decoded; its no-break spaces (checked apart)
 * read as spaces, so that the assertions below stay readable.
 */
const shown = (markdown: string) =>
  markdown
    .replace(/&#([0-9]+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/[\u00a0\u202f]/g, ' ');

async function setUp() {
  const { store, standIn } = gitHubHarness();
  standIn.setPermission('coordinatrice', 'write');
  standIn.setPermission('benevole', 'read');
  await storeAccepted(store, [
    aMentee('mentee-aaaaa1'),
    aMentee('mentee-aaaaa2', { objectives: ['finaliser-formation'] }),
    aMentee('mentee-aaaaa3', { meetingMode: 'presentiel' }),
    aMentor('mentor-bbbbb1', { capacity: 2 }),
    aMentor('mentor-bbbbb2', { meetingMode: 'visio' }),
  ]);
  // mentee-aaaaa4 applied but has no decision yet: /decision is for her.
  await store.commit(
    [
      {
        path: 'applications/mentees/mentee-aaaaa4.json',
        content: `${JSON.stringify(aMentee('mentee-aaaaa4'), null, 2)}\n`,
      },
    ],
    'Seed an application',
  );
  const recorded = recordingCore();
  await match({
    store,
    core: recorded.core as never,
    settings,
    now,
    fileUrl,
    event: { cohort: '2026-2027', mode: '' },
  });
  expect(recorded.failures).toEqual([]);
  const pull = standIn.issues.find((i) => i.pull)!;
  const digest = await store.upsertIssue({
    label: digestLabel,
    title: 'Candidatures à examiner (1)',
    body: '',
  });
  await store.addLabels(digest.number, [digestLabel]);
  // What the job hands over (the follow-up sheets): never in a reply.
  const delivered: { path: string; content: string }[] = [];
  const comment = async (
    number: number,
    body: string,
    author = 'coordinatrice',
    authorType = 'User',
  ) => {
    const before = standIn.comments.length;
    const job = recordingCore();
    await run({
      store,
      core: job.core,
      settings,
      now,
      fileUrl,
      deliver: async (files) => {
        delivered.push(...files);
        return 'dans l’artefact « documents » de cette exécution';
      },
      comment: {
        body,
        author,
        authorType,
        number,
        isPullRequest: Boolean(standIn.issues.find((i) => i.number === number)?.pull),
        labels: number === digest.number ? [digestLabel] : [],
      },
    });
    const raw = standIn.comments
      .slice(before)
      .map((c) => c.body)
      .join('\n');
    return { reply: shown(raw), raw, job };
  };
  const onBranch = (path: string) => standIn.file(path, branch);
  return { store, standIn, pull, digest, comment, onBranch, delivered };
}

describe('coordinators’ comment commands, against the GitHub stand-in', () => {
  it('carries out each command on the pairing pull request and answers in French', async () => {
    const { standIn, pull, comment, onBranch } = await setUp();
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa1'))).toBeDefined();
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa3'))).toBeDefined();
    expect(onBranch(pairPath('pair-bbbbb2-aaaaa2'))).toBeDefined();

    const withdrawn = await comment(
      pull.number,
      'Je retire celui-ci :\n/retirer pair-bbbbb1-aaaaa1',
    );
    expect(withdrawn.reply).toBe(
      '**Binôme** a traité vos commandes :\n\n- `/retirer pair-bbbbb1-aaaaa1` : ✅ pair-bbbbb1-aaaaa1 retiré : mentee-aaaaa1 et mentor-bbbbb1 sont de nouveau disponibles (ce binôme ne sera plus proposé pour cette cohorte). Commentez /relancer pour compléter la proposition.',
    );
    // French typography: a no-break space before « : », a narrow one before « ; ».
    expect(withdrawn.raw).toContain('commandes\u00a0:');
    expect(withdrawn.raw).toContain('retiré\u00a0&#58;');
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa1'))).toBeUndefined();
    expect(JSON.parse(onBranch(matchingEditsPath('2026-2027'))!).withdrawn).toEqual([
      { mentor: 'mentor-bbbbb1', mentee: 'mentee-aaaaa1', at: now().toISOString() },
    ]);
    expect(onBranch(reviewPath('2026-2027'))).toContain('1 binôme retiré');
    expect(shown(standIn.issues.find((i) => i.number === pull.number)!.body!)).toContain(
      '- Binômes proposés : **2**',
    );

    const blocked = await comment(pull.number, '/associer mentor-bbbbb2 mentee-aaaaa3');
    expect(blocked.reply).toContain(
      '❌ refusé : modes de rencontre incompatibles : le mentoré souhaite des rencontres en personne seulement, le mentor en visioconférence seulement.',
    );
    expect(onBranch(pairPath('pair-bbbbb2-aaaaa3'))).toBeUndefined();

    const forced = await comment(pull.number, '/associer mentee-aaaaa1 mentor-bbbbb2');
    expect(forced.reply).toContain('✅ pair-bbbbb2-aaaaa1 imposé (');
    expect(forced.reply).toContain('retiré pour lui faire place : pair-bbbbb2-aaaaa2');
    expect(JSON.parse(onBranch(pairPath('pair-bbbbb2-aaaaa1'))!)).toMatchObject({
      proposedBy: 'coordinator',
      status: 'proposed',
    });
    expect(onBranch(pairPath('pair-bbbbb2-aaaaa2'))).toBeUndefined();

    const forbidden = await comment(pull.number, '/interdire mentor-bbbbb1 mentee-aaaaa3');
    expect(forbidden.reply).toContain(
      '✅ mentor-bbbbb1 et mentee-aaaaa3 ne seront plus jamais proposés ensemble',
    );
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa3'))).toBeUndefined();

    const again = await comment(pull.number, '/relancer plus-nombreux');
    expect(again.reply).toContain('✅ proposition recalculée (mode plus-nombreux)');
    // The forced pair is kept; the withdrawn and forbidden pairs are not proposed again.
    expect(onBranch(pairPath('pair-bbbbb2-aaaaa1'))).toBeDefined();
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa1'))).toBeUndefined();
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa3'))).toBeUndefined();
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa2'))).toBeDefined();
    expect(JSON.parse(onBranch(matchingEditsPath('2026-2027'))!).mode).toBe('most');
    expect(standIn.issues.filter((i) => i.pull)).toHaveLength(1);

    const wrong = await comment(
      pull.number,
      '/relancer @everyone\n/decision mentee-aaaaa4 acceptee\n/fusionner',
    );
    expect(wrong.reply).toContain('❌ mode « @everyone » inconnu');
    // What was typed is quoted escaped: no mention, no link, no markup in Binôme's reply.
    expect(wrong.raw).toContain('mode «\u00a0&#64;everyone\u00a0» inconnu');
    expect(wrong.raw.replace(/`[^`]*`/g, '')).not.toContain('@');
    expect(wrong.reply).toContain(
      '❌ cette commande s’utilise dans l’issue « Candidatures à examiner ».',
    );
    expect(wrong.reply).toContain('❌ commande inconnue.');
  });

  it('records the steps of a pair’s life from an issue, exactly as npm run pair does (issue 12)', async () => {
    const { store, standIn, pull, digest, comment, delivered } = await setUp();
    const id = 'pair-bbbbb2-aaaaa3';
    const pair = {
      schemaVersion: 1,
      id,
      cohort: '2026-2027',
      mentor: 'mentor-bbbbb2',
      mentee: 'mentee-aaaaa3',
      status: 'accepted',
      proposedBy: 'matching',
      meetingMode: 'visio',
      objectives: [],
      score: { total: 1, rules: [] },
      events: [
        { type: 'proposed', at: '2026-11-20T10:00:00.000Z' },
        { type: 'accepted', at: '2026-11-28T10:00:00.000Z' },
      ],
    };
    await store.commit(
      [{ path: pairPath(id), content: `${JSON.stringify(pair, null, 2)}\n` }],
      'An accepted pair',
    );
    const signed = await comment(
      digest.number,
      `/signée ${id} 2026-11-29\n/pause ${id} --motif Examens de fin de semestre`,
    );
    expect(signed.reply).toContain(
      `- \`/signée ${id} 2026-11-29\` : ✅ Le binôme ${id} est en cours : convention signée (dernière signature le 29/11/2026).`,
    );
    expect(signed.reply).toContain(`✅ Le binôme ${id} est en pause.`);
    // Each participant's code went to the artifact, on their sheet; the reply only says where.
    const codes = delivered.map((f) => /code de suivi : (\S+)/.exec(f.content)?.[1]);
    expect(delivered.map((f) => f.path)).toEqual([
      `fiches-de-suivi/${id}-mentor.txt`,
      `fiches-de-suivi/${id}-mentore.txt`,
    ]);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(signed.raw).not.toContain(code!);
      expect(signed.job.logs.join('\n')).not.toContain(code!);
    }
    expect(signed.reply).toContain('dans l’artefact « documents » de cette exécution');
    const owners = (await store.listFiles('followup-codes')).filter((p) => p.endsWith('.json'));
    expect(owners).toHaveLength(2);
    // A coordinator's contact, from the same issue, as npm run pair -- <id> contact does.
    const contact = await comment(digest.number, `/contact ${id} 2026-11-30\n/codes ${id} mentore`);
    expect(contact.reply).toContain(`✅ Contact avec le binôme ${id} noté le 30/11/2026.`);
    expect(await store.listFiles(`followups/${id}`)).toHaveLength(1);
    expect(
      (await store.listFiles('followup-codes')).filter((p) => p.endsWith('.json')),
    ).toHaveLength(2);
    expect(delivered.at(-1)!.path).toBe(`fiches-de-suivi/${id}-mentore.txt`);
    expect(contact.raw).not.toContain(/code de suivi : (\S+)/.exec(delivered.at(-1)!.content)![1]!);
    const stored = JSON.parse(standIn.file(pairPath(id))!) as { events: { reason?: string }[] };
    expect(stored.events.at(-1)?.reason).toBe('Examens de fin de semestre');
    // Refused in French, and never on the pairing pull request.
    const later = await comment(digest.number, `/reprise ${id}\n/cloture ${id} prevue`);
    expect(later.reply).toContain('❌ Le binôme');
    expect(later.reply).toContain('doit se terminer le');
    const misplaced = await comment(pull.number, `/cloture ${id} autre`);
    expect(misplaced.reply).toContain('❌ cette commande s’utilise dans une issue');
    expect(JSON.parse(standIn.file(pairPath(id))!).status).toBe('active');
  });

  it('records a screening decision from the digest issue, exactly as npm run screen does', async () => {
    const { standIn, digest, comment } = await setUp();
    const decided = await comment(
      digest.number,
      '/décision mentee-aaaaa4 acceptée Entretien concluant',
    );
    expect(decided.reply).toContain(
      '✅ mentee-aaaaa4 : acceptée (accepted), enregistré dans screening/mentee-aaaaa4.json.',
    );
    expect(JSON.parse(standIn.file(screeningPath('mentee-aaaaa4'))!)).toMatchObject({
      status: 'accepted',
      history: [{ status: 'accepted', at: now().toISOString(), reason: 'Entretien concluant' }],
    });
    // The job's commit starts no workflow on GitHub: the job itself updates the issue, which no
    // longer lists her.
    const issue = standIn.issues.find((i) => i.number === digest.number)!;
    expect(issue.title).toBe('Candidatures à examiner (0)');
    expect(issue.body).not.toContain('mentee-aaaaa4');
    const bad = await comment(
      digest.number,
      '/decision mentee-aaaaa4 peut-être\n/retirer pair-bbbbb1-aaaaa1',
    );
    expect(bad.reply).toContain(
      '❌ statut « peut-être » inconnu : nouvelle, entretien, acceptee, attente, non-retenue ou retiree.',
    );
    // What is typed is never read as an option of the command line.
    const option = await comment(
      digest.number,
      '/decision mentee-aaaaa4 -h\n/decision mentee-aaaaa4 attente -- à revoir',
    );
    expect(option.reply).toContain('❌ statut « -h » inconnu');
    expect(option.reply).toContain('✅ mentee-aaaaa4 : en liste d’attente (waitlisted)');
    expect(JSON.parse(standIn.file(screeningPath('mentee-aaaaa4'))!).history.at(-1)).toMatchObject({
      status: 'waitlisted',
      reason: '-- à revoir',
    });
    expect(bad.reply).toContain(
      '❌ cette commande s’utilise dans la pull request des binômes proposés.',
    );
  });

  it('drops a forced pair whose rules no longer hold, and answers a flood of commands briefly', async () => {
    const { pull, digest, comment, onBranch } = await setUp();
    await comment(
      pull.number,
      '/retirer pair-bbbbb1-aaaaa1\n/associer mentor-bbbbb1 mentee-aaaaa1',
    );
    expect(JSON.parse(onBranch(pairPath('pair-bbbbb1-aaaaa1'))!).proposedBy).toBe('coordinator');
    await comment(digest.number, '/decision mentee-aaaaa1 retiree');
    const again = await comment(pull.number, '/relancer');
    expect(again.reply).toContain(
      'pair-bbbbb1-aaaaa1 n’est plus imposé : la candidature mentee-aaaaa1 n’est plus acceptée',
    );
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa1'))).toBeUndefined();

    const flood = await comment(pull.number, Array.from({ length: 5000 }, () => '/x').join('\n'));
    expect(flood.reply.split('\n')).toHaveLength(2 + 11 + 1);
    expect(flood.reply).toContain(
      '- 4989 autres lignes de commande ignorées (10 commandes au plus par commentaire) : publiez-les dans un nouveau commentaire.',
    );
  });

  it('refuses matching commands on a pull request whose branch names no cohort of the settings', async () => {
    const { store, standIn, comment } = await setUp();
    await store.ensureBranch('binomes/2099-2100');
    await store.commit([{ path: 'reviews/2099-2100.md', content: 'x\n' }], 'Odd branch', {
      branch: 'binomes/2099-2100',
    });
    const odd = await store.upsertPullRequest({
      branch: 'binomes/2099-2100',
      title: 't',
      body: 'b',
    });
    const answer = await comment(odd.number, '/relancer');
    expect(answer.reply).toContain(
      '❌ cette pull request n’est pas une proposition de binômes ouverte',
    );
    expect(standIn.file('pairs/.gitkeep', 'binomes/2099-2100')).toBeUndefined();
  });

  it('ignores the commands of someone without write access, and says so', async () => {
    const { pull, comment, onBranch } = await setUp();
    const before = onBranch(reviewPath('2026-2027'));
    const refused = await comment(pull.number, '/retirer pair-bbbbb1-aaaaa1', 'benevole');
    expect(refused.reply).toBe(
      '❌ Commandes ignorées : seules les personnes qui ont le droit d’écriture sur ce dépôt peuvent utiliser les commandes de Binôme. Rien n’a été fait. Demandez ce droit à une coordinatrice ou un coordinateur.',
    );
    const stranger = await comment(pull.number, '/retirer pair-bbbbb1-aaaaa1', 'inconnu');
    expect(stranger.reply).toContain('Commandes ignorées');
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa1'))).toBeDefined();
    expect(onBranch(reviewPath('2026-2027'))).toBe(before);
  });

  it('refuses the pair steps of someone without write access on the follow-up issue (issue 12)', async () => {
    const { store, standIn, comment, delivered } = await setUp();
    const id = 'pair-bbbbb2-aaaaa3';
    const accepted = {
      schemaVersion: 1,
      id,
      cohort: '2026-2027',
      mentor: 'mentor-bbbbb2',
      mentee: 'mentee-aaaaa3',
      status: 'accepted',
      proposedBy: 'matching',
      meetingMode: 'visio',
      objectives: [],
      score: { total: 1, rules: [] },
      events: [
        { type: 'proposed', at: '2026-11-20T10:00:00.000Z' },
        { type: 'accepted', at: '2026-11-28T10:00:00.000Z' },
      ],
    };
    await store.commit(
      [{ path: pairPath(id), content: `${JSON.stringify(accepted, null, 2)}\n` }],
      'An accepted pair',
    );
    const issue = await store.upsertIssue({ label: followUpLabel, title: 'Suivi', body: '' });
    const before = standIn.file(pairPath(id));
    const refused = await comment(
      issue.number,
      `/signee ${id} 2026-11-29\n/codes ${id}\n/contact ${id}`,
      'benevole',
    );
    expect(refused.reply).toContain('❌ Commandes ignorées');
    expect(standIn.file(pairPath(id))).toBe(before);
    expect((await store.listFiles('followup-codes')).filter((p) => p.endsWith('.json'))).toEqual(
      [],
    );
    expect(await store.listFiles(`followups/${id}`)).toEqual([]);
    expect(delivered).toEqual([]);
  });

  it('fails closed when GitHub will not say who may write, and reads neither bots nor conversation', async () => {
    const { standIn, pull, comment, onBranch } = await setUp();
    const quiet = await comment(pull.number, 'Merci, je regarde la proposition demain.');
    expect(quiet.reply).toBe('');
    const bot = await comment(pull.number, '/retirer pair-bbbbb1-aaaaa1', 'binome[bot]', 'Bot');
    expect(bot.reply).toBe('');
    standIn.forbidPermissionChecks();
    const unverified = await comment(pull.number, '/retirer pair-bbbbb1-aaaaa1');
    expect(unverified.reply).toContain(
      'Binôme n’a pas pu vérifier que vous avez le droit d’écriture',
    );
    expect(unverified.job.failures).toEqual([
      'Could not check the commenter’s permission: nothing was done.',
    ]);
    expect(onBranch(pairPath('pair-bbbbb1-aaaaa1'))).toBeDefined();
  });
});
