import { keptTexts } from '../../schemas/render-form.ts';
import { followUpSchema } from '../../schemas/follow-up.schema.ts';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followUpPath } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { checkFollowUp, type FollowUpFormKind } from '../../schemas/validators.ts';
import {
  aBilanForm,
  aCheckInForm,
  aPairWithCodes,
  codeFilePath,
  formPost,
  intakeHarness,
  intakeOrigin,
  programmeSettings,
  solvedProofOfWork,
} from '../../tests/helpers/intake-harness.ts';
import {
  followUpCodeHash,
  newFollowUpCode,
  normalizeFollowUpCode,
} from '../followup/follow-up-code.ts';
import type { DataStore } from '../store/data-store.ts';

const json = { accept: 'application/json' };
const now = new Date('2027-08-02T10:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

type Harness = Awaited<ReturnType<typeof intakeHarness>>;

const aCheckIn = aCheckInForm;
const aBilan = aBilanForm;
const formOf = (kind: FollowUpFormKind) => (kind === 'check-in' ? aCheckIn : aBilan);
const codePath = codeFilePath;

/** A pair at `status` (paused or closed at `at`, 30 days ago by default), with its codes. */
const addPair = (h: Harness, n: number, status: Pair['status'], at = daysAgo(30)) =>
  aPairWithCodes(h.store, n, status, at);

async function followUpHarness(options: Parameters<typeof intakeHarness>[0] = {}) {
  const h = await intakeHarness(options);
  h.now = now;
  return h;
}

/** Everything an answer says, but its date: the same answer gives the same bytes. */
async function wholeAnswer(response: Response) {
  return {
    status: response.status,
    headers: [...response.headers].filter(([name]) => name !== 'date').sort(),
    body: await response.text(),
  };
}

/** Every file of every commit of the data repository, and every commit message. */
function everythingStored(h: Harness): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', h.directory, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const texts = [git('log', '--all', '--format=%an %ae %s %b')];
  for (const commit of git('rev-list', '--all').split('\n').filter(Boolean)) {
    for (const line of git('ls-tree', '-r', commit).split('\n').filter(Boolean)) {
      texts.push(git('cat-file', 'blob', line.split(/\s+/)[2]!));
    }
  }
  return texts.join('\n');
}

const followUpFiles = (h: Harness, pairId: string) => h.store.listFiles(`followups/${pairId}`);

/** The harness's store, with its own `commit` in place of the store's. */
function withCommit(store: DataStore, commit: DataStore['commit']): DataStore {
  return new Proxy(store, {
    get(target, name) {
      if (name === 'commit') return commit;
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('a participant’s follow-up form, accepted', () => {
  it('a check-in: one valid record at its path, the role the code’s, meetings once each and newest first', async () => {
    const h = await followUpHarness();
    const { pairId, mentee } = await addPair(h, 1, 'active');
    // A role field in the form is not the form's to say: it is ignored.
    const response = await h.handle(
      formPost('check-in', [...aCheckIn(mentee), ['role', 'mentor']], json),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      ok: true,
      receiptUrl: `${intakeOrigin}/api/suivi/recu`,
    });
    const path = followUpPath(pairId, now.toISOString(), 'mentee');
    expect(await followUpFiles(h, pairId)).toEqual([path]);
    const record = JSON.parse((await h.store.readFile(path))!);
    expect(checkFollowUp(record)).toEqual({ ok: true, value: record });
    expect(record).toEqual({
      schemaVersion: 1,
      pairId,
      type: 'check-in',
      role: 'mentee',
      submittedAt: now.toISOString(),
      meetings: [
        { on: '2027-07-20', mode: 'visio', duration: '30-60' },
        { on: '2027-07-03', mode: 'presentiel', duration: '60-120' },
      ],
      rating: 4,
      wantsContact: false,
      intake: {
        idempotencyKeyHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        proofOfWork: 'absent',
      },
    });
    // One commit: the record and its idempotency marker, named after the pair only.
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', h.directory, ...args], { encoding: 'utf8' }).trim();
    expect(git('log', '-1', '--format=%s')).toBe(`Add check-in to ${pairId}`);
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(
      [path, `intake/submissions/${record.intake.idempotencyKeyHash}.json`].sort(),
    );
  });

  it('a check-in with no meeting and help asked', async () => {
    const h = await followUpHarness();
    const { pairId, mentor } = await addPair(h, 1, 'paused');
    const form = aCheckIn(mentor, {
      'meetings.first.date': undefined,
      'meetings.first.mode': undefined,
      'meetings.first.duration': undefined,
      'meetings.second.date': undefined,
      'meetings.second.mode': undefined,
      'meetings.second.duration': undefined,
      'meetings.third.date': undefined,
      'meetings.third.mode': undefined,
      'meetings.third.duration': undefined,
      'mood.rating': '2',
      'mood.wantsContact': 'on',
    });
    expect((await h.handle(formPost('check-in', form, json))).status).toBe(201);
    const [path] = await followUpFiles(h, pairId);
    expect(path).toBe(followUpPath(pairId, now.toISOString(), 'mentor'));
    expect(JSON.parse((await h.store.readFile(path!))!)).toMatchObject({
      role: 'mentor',
      meetings: [],
      rating: 2,
      wantsContact: true,
    });
  });

  it('a bilan, its words kept as their author chose to share them', async () => {
    const h = await followUpHarness();
    const { pairId, mentor, mentee } = await addPair(h, 1, 'active');
    const proof = await solvedProofOfWork(h.handle);
    h.now = new Date(now.getTime() + 60_000);
    const response = await h.handle(
      formPost(
        'bilan',
        [...aBilan(mentor, { 'words.sharing': 'anonymous' }), ['altcha', proof]],
        json,
      ),
    );
    expect(response.status).toBe(201);
    const path = followUpPath(pairId, h.now.toISOString(), 'mentor');
    const record = JSON.parse((await h.store.readFile(path))!);
    expect(checkFollowUp(record).ok).toBe(true);
    expect(record).toEqual({
      schemaVersion: 1,
      pairId,
      type: 'bilan',
      role: 'mentor',
      submittedAt: h.now.toISOString(),
      objectivesReached: 'partly',
      satisfaction: 4,
      wouldRecommend: 'yes',
      changes: ['confidence', 'network'],
      words: { text: 'Des échanges utiles.', sharing: 'anonymous' },
      intake: {
        idempotencyKeyHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        proofOfWork: 'verified',
      },
    });
    // Shared, but nothing written: no words at all; nothing ticked: no changes.
    const empty = aBilan(mentee, { 'words.text': '   ' }).filter(([n]) => n !== 'outcome.changes');
    expect((await h.handle(formPost('bilan', empty, json))).status).toBe(201);
    const theirs = (await followUpFiles(h, pairId)).find((p) => p.endsWith('-mentee.json'))!;
    const second = JSON.parse((await h.store.readFile(theirs))!);
    expect(checkFollowUp(second).ok).toBe(true);
    expect(second).not.toHaveProperty('words');
    expect(second).not.toHaveProperty('changes');
  });

  it('a bilan after the pair’s closing, for 60 days', async () => {
    const h = await followUpHarness();
    const recent = await addPair(h, 1, 'closed', daysAgo(59));
    const old = await addPair(h, 2, 'closed', daysAgo(61));
    expect((await h.handle(formPost('bilan', aBilan(recent.mentee), json))).status).toBe(201);
    expect((await h.handle(formPost('bilan', aBilan(old.mentee), json))).status).toBe(422);
    // A check-in is for a pair under way only.
    expect((await h.handle(formPost('check-in', aCheckIn(recent.mentor), json))).status).toBe(422);
    expect(await followUpFiles(h, old.pairId)).toEqual([]);
  });

  it('without JavaScript: Post/Redirect/Get to a receipt page', async () => {
    const h = await followUpHarness();
    const { mentor } = await addPair(h, 1, 'active');
    const response = await h.handle(formPost('check-in', aCheckIn(mentor)));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/api/suivi/recu');
    const receipt = await h.handle(new Request(`${intakeOrigin}/api/suivi/recu`));
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('cache-control')).toBe('no-store');
    const html = await receipt.text();
    expect(html).toContain('<h1>Réponse reçue</h1>');
    expect(html).toContain(
      '<p class="intake-message">Votre réponse est bien enregistrée. Merci\u202f!</p>',
    );
  });

  it('a code typed in lower case, with spaces, O for 0 and L for 1', async () => {
    const h = await followUpHarness();
    const { pairId, mentor } = await addPair(h, 1, 'active');
    const typed = ` ${mentor.replaceAll('-', ' ').toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l')} `;
    expect(normalizeFollowUpCode(typed)).toBe(normalizeFollowUpCode(mentor));
    expect((await h.handle(formPost('check-in', aCheckIn(typed), json))).status).toBe(201);
    expect(await followUpFiles(h, pairId)).toHaveLength(1);
  });
});

describe('a follow-up code refused, whatever the reason, gets one answer', () => {
  /**
   * Codes refused for each reason, the same form around them: malformed (12 characters, one not
   * of the alphabet), unknown, revoked, of a pair not yet under way, of a pair long closed, and,
   * for a bilan, of a role that already sent one.
   */
  async function refusedCodes(h: Harness, kind: FollowUpFormKind) {
    const revoked = await addPair(h, 1, 'active');
    await h.store.commit([], 'Revoke a code', { remove: [codePath(revoked.mentor)] });
    const unsigned = await addPair(h, 2, 'accepted');
    const closed = await addPair(h, 3, 'closed', daysAgo(200));
    const invalidOwner = await addPair(h, 4, 'active');
    await h.store.commit(
      [{ path: codePath(invalidOwner.mentor), content: '{"pairId":1}' }],
      'Edit',
    );
    const codes: Record<string, string> = {
      malformed: 'UUUU-UUUU-UUUU-UUUU',
      // Of the wrong shape altogether: the same answer, not a form error (hostile review).
      'too short': 'ABC',
      unknown: newFollowUpCode(new Uint8Array(10).fill(250)),
      revoked: revoked.mentor,
      'pair not under way': unsigned.mentor,
      'pair closed 200 days ago': closed.mentor,
      'owner file edited by hand': invalidOwner.mentor,
    };
    if (kind === 'bilan') {
      const done = await addPair(h, 5, 'active');
      expect((await h.handle(formPost('bilan', aBilan(done.mentor), json))).status).toBe(201);
      codes['bilan already sent'] = done.mentor;
    }
    return codes;
  }

  it.each([['check-in'], ['bilan']] as const)(
    '%s: same status, headers and body, with JavaScript and without',
    async (kind) => {
      const h = await followUpHarness();
      const codes = await refusedCodes(h, kind);
      const before = everythingStored(h);
      for (const headers of [json, {}]) {
        const answers = new Map<string, Awaited<ReturnType<typeof wholeAnswer>>>();
        for (const [reason, code] of Object.entries(codes)) {
          const form = [
            ...formOf(kind)(code),
            ['idempotencyKey', '0b5e8c1e-3f6a-4d2b-9c1e-7a8b9c0d1e2f'],
          ] as const;
          // From addresses of their own: the code attempts' limit is tested below.
          const response = await h.handle(formPost(kind, form, headers), {
            address: `10.0.0.${answers.size + (headers === json ? 1 : 100)}`,
          });
          answers.set(reason, await wholeAnswer(response));
        }
        const [first, ...others] = [...answers.values()];
        expect(first!.status).toBe(422);
        for (const [reason, answer] of answers) expect([reason, answer]).toEqual([reason, first]);
        if (headers === json) {
          expect(JSON.parse(first!.body)).toEqual({
            error: 'follow-up-code-refused',
            message: 'Votre réponse n’a pas été envoyée\u00a0: vérifiez votre code de suivi.',
            problems: [
              {
                field: 'access.code',
                label: 'Votre code de suivi',
                message:
                  'Ce code de suivi ne permet pas d’envoyer ce formulaire. Vérifiez-le sur la fiche de suivi remise avec votre convention, puis renvoyez le formulaire. Si le problème continue, contactez l’équipe du programme (Espace Jeunes Anne Frank).',
              },
            ],
          });
        } else {
          // Without JavaScript, the form again: the answers in place, the code to type again.
          const html = first!.body;
          expect(html).toContain('<title>Erreur – Formulaire');
          expect(html).toContain('Ce code de suivi ne permet pas d’envoyer ce formulaire.');
          expect(html).toMatch(/<input[^>]*id="f-access-code"(?![^>]*value=)[^>]*>/);
          for (const code of Object.values(codes)) expect(html).not.toContain(code);
        }
        expect(others.length).toBeGreaterThanOrEqual(5);
      }
      expect(everythingStored(h)).toBe(before);
      const refusals = h.logs.filter((l) => l['event'] === 'intake.refused');
      expect(new Set(refusals.map((l) => l['code']))).toEqual(new Set(['follow-up-code-refused']));
    },
  );

  it('a code revoked while its form was being stored: refused the same way, nothing written', async () => {
    const h = await followUpHarness();
    const { pairId, mentor } = await addPair(h, 1, 'active');
    const reference = await h.handle(formPost('check-in', aCheckIn('UUUU-UUUU-UUUU-UUUU'), json));
    // The coordinator's new code lands between the intake's read and its commit.
    const store = withCommit(h.store, async (...args) => {
      await h.store.commit([], 'New code', { remove: [codePath(mentor)] });
      return h.store.commit(...args);
    });
    const racing = await followUpHarness({ store });
    const response = await racing.handle(formPost('check-in', aCheckIn(mentor), json));
    expect(await wholeAnswer(response)).toEqual(await wholeAnswer(reference));
    expect(await followUpFiles(h, pairId)).toEqual([]);
  });
});

describe('guessing codes', () => {
  it('is limited per address: once the refused codes are used up, even the right one waits', async () => {
    const h = await followUpHarness();
    const { pairId, mentor, mentee } = await addPair(h, 1, 'active');
    const from = { address: '192.0.2.7' };
    for (let i = 0; i < 10; i += 1) {
      const guess = newFollowUpCode(new Uint8Array(10).fill(100 + i));
      expect((await h.handle(formPost('check-in', aCheckIn(guess), json), from)).status).toBe(422);
    }
    const right = await h.handle(formPost('check-in', aCheckIn(mentor), json), from);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await right.json()).toEqual({
      error: 'code-attempts-limited',
      message:
        'Trop de codes de suivi non reconnus ont été essayés depuis votre connexion. Par sécurité, réessayez dans une heure, ou contactez l’équipe du programme (Espace Jeunes Anne Frank).',
      problems: [],
    });
    expect(await followUpFiles(h, pairId)).toEqual([]);
    // Another address is not held up; this one, an hour later, is through again.
    const other = await h.handle(formPost('check-in', aCheckIn(mentee), json), {
      address: '192.0.2.8',
    });
    expect(other.status).toBe(201);
    h.now = new Date(now.getTime() + 3_601_000);
    expect((await h.handle(formPost('check-in', aCheckIn(mentor), json), from)).status).toBe(201);
  });

  it('counts guesses sent all at once, and only refused codes', async () => {
    const h = await followUpHarness({
      settings: programmeSettings((s) => {
        s.intake.rateLimit.codeAttemptsPerHour = 3;
      }),
    });
    const { pairId, mentor } = await addPair(h, 1, 'active');
    const from = { address: '192.0.2.9' };
    // Right codes cost no attempt: a pair sending its check-ins is never held up.
    for (let i = 0; i < 5; i += 1) {
      const response = await h.handle(formPost('check-in', aCheckIn(mentor), json), from);
      expect(response.status).toBe(i === 0 ? 201 : 200);
    }
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.handle(
          formPost('check-in', aCheckIn(newFollowUpCode(new Uint8Array(10).fill(60 + i))), json),
          from,
        ),
      ),
    );
    expect(guesses.map((r) => r.status).sort()).toEqual([422, 422, 422, 429, 429, 429, 429, 429]);
    expect(await followUpFiles(h, pairId)).toHaveLength(1);
  });
});

describe('a follow-up sent again', () => {
  it('with the same key: the same answer, nothing stored twice; other answers: 409', async () => {
    const h = await followUpHarness();
    const { pairId, mentor } = await addPair(h, 1, 'active');
    const form = [
      ...aCheckIn(mentor),
      ['idempotencyKey', '11111111-2222-4333-8444-555555555555'],
    ] as const;
    const first = await h.handle(formPost('check-in', form, json));
    expect(first.status).toBe(201);
    const before = everythingStored(h);
    h.now = new Date(now.getTime() + 5_000);
    const again = await h.handle(formPost('check-in', form, json));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(everythingStored(h)).toBe(before);
    const changed = form.map(([k, v]) => [k, k === 'mood.rating' ? '5' : v] as const);
    const other = await h.handle(formPost('check-in', changed, json));
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: string }).error).toBe('already-sent');
    expect(await followUpFiles(h, pairId)).toHaveLength(1);
  });

  it('without JavaScript: the same answers the same day are one check-in; the next day, news', async () => {
    const h = await followUpHarness();
    const { pairId, mentor } = await addPair(h, 1, 'active');
    const first = await h.handle(formPost('check-in', aCheckIn(mentor)));
    h.now = new Date(now.getTime() + 60_000);
    const second = await h.handle(formPost('check-in', aCheckIn(mentor)));
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(await followUpFiles(h, pairId)).toHaveLength(1);
    h.now = new Date(now.getTime() + 86_400_000);
    expect((await h.handle(formPost('check-in', aCheckIn(mentor)))).status).toBe(303);
    expect(await followUpFiles(h, pairId)).toHaveLength(2);
  });

  it('a bilan’s retry gets its receipt, though a second bilan is refused', async () => {
    const h = await followUpHarness();
    const { pairId, mentee } = await addPair(h, 1, 'active');
    const form = [
      ...aBilan(mentee),
      ['idempotencyKey', '21111111-2222-4333-8444-555555555555'],
    ] as const;
    expect((await h.handle(formPost('bilan', form, json))).status).toBe(201);
    h.now = new Date(now.getTime() + 86_400_000);
    expect((await h.handle(formPost('bilan', form, json))).status).toBe(200);
    // Other answers, without JavaScript: a second bilan, refused as any code would be.
    const second = await h.handle(
      formPost('bilan', aBilan(mentee, { 'outcome.satisfaction': '5' })),
    );
    expect(second.status).toBe(422);
    expect(await followUpFiles(h, pairId)).toHaveLength(1);
    // Without JavaScript, the same answers are the same bilan, whatever the day.
    const { mentor } = await addPair(h, 2, 'active');
    const plain = await h.handle(formPost('bilan', aBilan(mentor)));
    h.now = new Date(h.now.getTime() + 86_400_000);
    const again = await h.handle(formPost('bilan', aBilan(mentor)));
    expect([plain.status, again.status]).toEqual([303, 303]);
    expect(
      (await h.store.listFiles('followups')).filter((p) => p.endsWith('-mentor.json')),
    ).toHaveLength(1);
  });

  it('two different bilans of one participant sent at the same moment: one stored, the other refused', async () => {
    const h = await followUpHarness();
    const { pairId, mentee } = await addPair(h, 1, 'active');
    const send = (key: string, satisfaction: string) =>
      h.handle(
        formPost(
          'bilan',
          [...aBilan(mentee, { 'outcome.satisfaction': satisfaction }), ['idempotencyKey', key]],
          json,
        ),
      );
    // Two tabs, or a phone and a computer: both read « no bilan yet » before either commits.
    const answers = await Promise.all([
      send('31111111-2222-4333-8444-555555555555', '4'),
      send('41111111-2222-4333-8444-555555555555', '2'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expect(await followUpFiles(h, pairId)).toHaveLength(1);
  });

  it('a form with a mistake never sends the code back, even a right one', async () => {
    const h = await followUpHarness();
    const { mentee } = await addPair(h, 1, 'active');
    const answer = await h.handle(formPost('check-in', aCheckIn(mentee, { 'mood.rating': '9' })));
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('Erreur');
    expect(html).not.toContain(mentee);
  });

  it('two records of one role in the same millisecond: the second a millisecond later, none overwritten', async () => {
    const h = await followUpHarness();
    const { pairId, mentor } = await addPair(h, 1, 'active');
    const sent = (rating: string) =>
      h.handle(formPost('check-in', aCheckIn(mentor, { 'mood.rating': rating }), json));
    expect([(await sent('4')).status, (await sent('2')).status]).toEqual([201, 201]);
    const later = new Date(now.getTime() + 1).toISOString();
    const paths = [
      followUpPath(pairId, now.toISOString(), 'mentor'),
      followUpPath(pairId, later, 'mentor'),
    ];
    expect(await followUpFiles(h, pairId)).toEqual(paths);
    const ratings = await Promise.all(
      paths.map(async (path) => JSON.parse((await h.store.readFile(path))!).rating),
    );
    expect(ratings).toEqual([4, 2]);
  });
});

describe('what a follow-up leaves behind', () => {
  it('a text kept « within the pair » is nowhere: not stored, hashed, logged nor sent back', async () => {
    const h = await followUpHarness();
    const { pairId, mentor, mentee } = await addPair(h, 1, 'active');
    const secret = 'MARQUEUR-7Q4Z-texte-du-binome';
    const kept = (code: string, change: Record<string, string | undefined> = {}) =>
      aBilan(code, { 'words.text': secret, 'words.sharing': 'pair-only', ...change });
    // With a mistake first, without JavaScript: the form comes back without it.
    const wrong = await h.handle(
      formPost('bilan', kept(mentor, { 'outcome.satisfaction': undefined })),
    );
    expect(wrong.status).toBe(422);
    const page = await wrong.text();
    expect(page).toContain('<title>Erreur – Formulaire bilan</title>');
    expect(page).not.toContain(secret);
    const stored = await h.handle(formPost('bilan', kept(mentor), json));
    expect(stored.status).toBe(201);
    expect(await stored.text()).not.toContain(secret);
    // Without JavaScript, the same answers with another private text are the same bilan: the
    // text is in no key either.
    expect((await h.handle(formPost('bilan', kept(mentee)))).status).toBe(303);
    expect(
      (await h.handle(formPost('bilan', kept(mentee, { 'words.text': `${secret}-bis` })))).status,
    ).toBe(303);
    expect(await followUpFiles(h, pairId)).toHaveLength(2);
    for (const path of await followUpFiles(h, pairId)) {
      const record = JSON.parse((await h.store.readFile(path))!);
      expect(checkFollowUp(record).ok).toBe(true);
      expect(record).not.toHaveProperty('words');
    }
    expect(everythingStored(h)).not.toContain('MARQUEUR');
    // Nor any file beside the repository's history (data keys, Git's own files).
    for (const file of await readdir(h.directory, { recursive: true, withFileTypes: true }))
      if (file.isFile())
        expect(await readFile(join(file.parentPath, file.name), 'latin1')).not.toContain(
          'MARQUEUR',
        );
    expect(JSON.stringify(h.logs)).not.toContain('MARQUEUR');
  });

  it('no log line holds a code, typed or normalised, nor its hash', async () => {
    const h = await followUpHarness();
    const { mentor, mentee } = await addPair(h, 1, 'active');
    const unknown = newFollowUpCode(new Uint8Array(10).fill(77));
    await h.handle(formPost('check-in', aCheckIn(mentor), json));
    await h.handle(formPost('bilan', aBilan(mentee)));
    await h.handle(formPost('bilan', aBilan(mentee, { 'outcome.satisfaction': '1' })));
    await h.handle(formPost('check-in', aCheckIn(unknown)));
    await h.handle(formPost('check-in', aCheckIn('UUUU-UUUU-UUUU-UUUU'), json));
    await h.handle(formPost('check-in', aCheckIn(mentor, { 'mood.rating': '9' }), json));
    expect(h.logs.map((l) => [l['event'], l['code']])).toEqual([
      ['intake.accepted', undefined],
      ['intake.accepted', undefined],
      ['intake.refused', 'follow-up-code-refused'],
      ['intake.refused', 'follow-up-code-refused'],
      ['intake.refused', 'follow-up-code-refused'],
      ['intake.refused', 'invalid'],
    ]);
    const logged = JSON.stringify(h.logs).toUpperCase();
    for (const code of [mentor, mentee, unknown]) {
      const plain = normalizeFollowUpCode(code)!;
      for (const form of [code, plain]) expect(logged).not.toContain(form);
      expect(logged).not.toContain(followUpCodeHash(plain).toUpperCase());
    }
    expect(logged).not.toContain('UUUU');
  });
});

describe('a follow-up form gets the defences of every form', () => {
  it.each([['check-in'], ['bilan']] as const)(
    '%s: origin, honeypot, proof of work, fill time',
    async (kind) => {
      const h = await followUpHarness();
      const { pairId, mentor, mentee } = await addPair(h, 1, 'active');
      const errorOf = async (response: Response) =>
        ((await response.json()) as { error: string }).error;
      const form = formOf(kind)(mentor);
      expect(
        await errorOf(
          await h.handle(formPost(kind, form, { ...json, origin: 'https://ailleurs.example' })),
        ),
      ).toBe('origin-not-allowed');
      expect(
        await errorOf(
          await h.handle(
            formPost(kind, [...form.filter(([n]) => n !== 'website'), ['website', 'x']], json),
          ),
        ),
      ).toBe('honeypot');
      expect(
        await errorOf(await h.handle(formPost(kind, [...form, ['altcha', 'e30=']], json))),
      ).toBe('proof-of-work-invalid');
      const proof = await solvedProofOfWork(h.handle);
      h.now = new Date(now.getTime() + 5_000);
      expect(
        await errorOf(await h.handle(formPost(kind, [...form, ['altcha', proof]], json))),
      ).toBe('too-fast');
      h.now = new Date(now.getTime() + 60_000);
      expect((await h.handle(formPost(kind, [...form, ['altcha', proof]], json))).status).toBe(201);
      // The same proof for another answer is a replay.
      const replay = formOf(kind)(mentee);
      expect(
        await errorOf(await h.handle(formPost(kind, [...replay, ['altcha', proof]], json))),
      ).toBe('proof-of-work-replayed');
      expect(await followUpFiles(h, pairId)).toHaveLength(1);
    },
  );

  it('mistakes: French messages by field; without JavaScript, the form itself with the answers', async () => {
    const h = await followUpHarness();
    const { mentor } = await addPair(h, 1, 'active');
    const form = aCheckIn(mentor, {
      'meetings.second.date': '20/12/2027',
      'meetings.third.mode': undefined,
      'mood.rating': undefined,
    });
    const answer = await h.handle(formPost('check-in', form, json));
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchInlineSnapshot(`
      {
        "error": "invalid",
        "message": "Votre réponse n’a pas été envoyée : corrigez les points ci-dessous, puis renvoyez-la.",
        "problems": [
          {
            "field": "meetings.second.date",
            "label": "Date de la rencontre",
            "message": "Cette date est dans le futur : indiquez une rencontre qui a déjà eu lieu.",
          },
          {
            "field": "meetings.third.mode",
            "label": "Comment vous êtes-vous rencontrés ?",
            "message": "Choisissez comment vous vous êtes rencontrés.",
          },
          {
            "field": "mood.rating",
            "label": "Comment se passe le mentorat en ce moment ?",
            "message": "Choisissez comment se passe le mentorat, de 1 à 5.",
          },
        ],
      }
    `);
    const page = await h.handle(formPost('check-in', form));
    expect(page.status).toBe(422);
    const html = await page.text();
    expect(html).toContain('<title>Erreur – Formulaire check-in</title>');
    expect(html).toContain('value="20/12/2027"');
    // Every answer in place but the code, which never comes back in a page.
    expect(html).not.toContain(mentor);
    expect(html).toContain('Choisissez comment vous vous êtes rencontrés.');
  });

  it('too long, or too many forms from one address: said in French, nothing stored', async () => {
    const h = await followUpHarness({
      settings: programmeSettings((s) => {
        s.intake.rateLimit.submissionsPerHour = 2;
      }),
    });
    const { pairId, mentor } = await addPair(h, 1, 'active');
    const long = await h.handle(
      formPost('bilan', aBilan(mentor, { 'words.text': 'é'.repeat(20_000) }), json),
    );
    expect(long.status).toBe(413);
    expect(((await long.json()) as { message: string }).message).toBe(
      'Votre réponse est trop longue. Raccourcissez le texte libre, puis renvoyez-la.',
    );
    expect((await h.handle(formPost('check-in', aCheckIn(mentor), json))).status).toBe(201);
    const flood = await h.handle(formPost('check-in', aCheckIn(mentor), json));
    expect(flood.status).toBe(429);
    expect(flood.headers.get('retry-after')).toBe('3600');
    expect(((await flood.json()) as { error: string }).error).toBe('rate-limited');
    expect(await followUpFiles(h, pairId)).toHaveLength(1);
  });

  it('another method: the follow-up refusal page, in French', async () => {
    const h = await followUpHarness();
    const response = await h.handle(new Request(`${intakeOrigin}/api/suivi/bilan`));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const html = await response.text();
    expect(html).toContain('<h1>Réponse non envoyée</h1>');
    expect(html).toContain(
      'Cette adresse ne reçoit que les réponses envoyées avec les formulaires de suivi du site.',
    );
  });

  it('a store that cannot be written: nothing stored, said in French', async () => {
    const h = await followUpHarness();
    const { mentor } = await addPair(h, 1, 'active');
    const broken = withCommit(h.store, () => Promise.reject(new Error('disk full')));
    const failing = await followUpHarness({ store: broken });
    const response = await failing.handle(formPost('check-in', aCheckIn(mentor), json));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { message: string }).message).toBe(
      'Votre réponse n’a pas pu être enregistrée à cause d’un problème technique de notre côté\u00a0: rien n’a été enregistré. Réessayez dans quelques minutes.',
    );
  });
});

describe('the bilan’s words: one rule on both sides', () => {
  it('sends from the browser exactly the choices the intake stores', () => {
    // The browser (render-form.ts) keeps the text unless a choice is listed; the intake stores it
    // only with a choice the record's schema allows: the two lists must be one.
    expect([...keptTexts.bilan!.sentWith].sort()).toEqual(
      [...followUpSchema.properties.words.properties.sharing.enum].sort(),
    );
  });
});
