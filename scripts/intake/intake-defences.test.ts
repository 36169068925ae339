import { describe, expect, it } from 'vitest';
import { aMenteeForm, aMentorForm, aMinorMenteeForm } from '../dev/application-forms.ts';
import {
  formPost,
  intakeHarness,
  intakeOrigin,
  programmeSettings,
  referenceOf,
  solvedProofOfWork,
} from '../../tests/helpers/intake-harness.ts';
import { RejectedRequestError, type DataStore } from '../store/data-store.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { createIntakeHandler } from './create-intake-handler.ts';
import { openedRecord } from '../../tests/helpers/opened-record.ts';

const json = { accept: 'application/json' };
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

/** A POST with a raw body, for what a form never sends. */
function rawPost(body: BodyInit, contentType: string): Request {
  return new Request(`${intakeOrigin}/api/candidatures/mentee`, {
    method: 'POST',
    headers: { 'content-type': contentType, origin: intakeOrigin, ...json },
    body,
  });
}

const formBody = (entries: readonly (readonly [string, string])[]) =>
  new URLSearchParams(entries.map(([k, v]) => [k, v])).toString();

describe('the intake takes exactly what the forms send', () => {
  it('accepts the content types of a plain form and of fetch, and nothing else', async () => {
    const h = await intakeHarness();
    const body = formBody(aMenteeForm());
    for (const type of [
      'application/x-www-form-urlencoded-evil',
      'application/x-www-form-urlencoded; charset=iso-8859-1',
      'application/x-www-form-urlencoded; boundary=x',
      'text/plain',
      'multipart/form-data',
    ]) {
      const response = await h.handle(rawPost(body, type));
      expect([type, response.status]).toEqual([type, 415]);
    }
    expect(await h.store.listFiles('applications')).toEqual([]);
    const fromFetch = await h.handle(
      rawPost(body, 'application/x-www-form-urlencoded;charset=UTF-8'),
    );
    expect(fromFetch.status).toBe(201);
  });

  it('refuses invalid UTF-8, raw or percent-encoded, instead of storing U+FFFD', async () => {
    const h = await intakeHarness();
    const body = formBody(aMenteeForm({ 'identity.lastName': 'MARKER' }));
    const encoded = body.replace('MARKER', 'Caf%E9');
    const raw = Buffer.concat([
      Buffer.from(body.split('MARKER')[0]!),
      Buffer.from([0x43, 0x61, 0x66, 0xe9]),
      Buffer.from(body.split('MARKER')[1]!),
    ]);
    for (const bytes of [encoded, raw]) {
      const response = await h.handle(rawPost(bytes, 'application/x-www-form-urlencoded'));
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toBe('invalid-encoding');
    }
    expect(await h.store.listFiles('applications')).toEqual([]);
  });

  it('refuses two proofs of work in one form, whichever comes first', async () => {
    const h = await intakeHarness();
    const altcha = await solvedProofOfWork(h.handle);
    h.now = new Date(h.now.getTime() + 60_000);
    for (const pair of [
      ['', altcha],
      [altcha, ''],
    ]) {
      const form = [...aMenteeForm(), ['altcha', pair[0]!], ['altcha', pair[1]!]] as const;
      expect(await errorOf(await h.handle(formPost('mentee', form, json)))).toBe(
        'proof-of-work-invalid',
      );
    }
    expect(await h.store.listFiles('applications')).toEqual([]);
  });

  it('trips the honeypot on any non-empty value, even behind an empty one', async () => {
    const h = await intakeHarness();
    const form = [...aMenteeForm(), ['website', ''], ['website', 'x']] as const;
    const response = await h.handle(formPost('mentee', form, json));
    expect(await errorOf(response)).toBe('honeypot');
    expect(await h.store.listFiles('applications')).toEqual([]);
  });
});

describe('every answer carries the security headers', () => {
  const expectSecure = (response: Response, label: string) => {
    for (const name of [
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
      'cache-control',
    ])
      expect([label, name, response.headers.get(name) !== null]).toEqual([label, name, true]);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('on 303, 201, 200, 204, the challenge and every refusal; HSTS only over HTTPS', async () => {
    const h = await intakeHarness();
    const key = ['idempotencyKey', '0b5e8c1e-3f6a-4d2b-9c1e-7a8b9c0d1e2f'] as const;
    const answers: [string, Response][] = [
      ['303', await h.handle(formPost('mentor', aMentorForm()))],
      ['201', await h.handle(formPost('mentee', [...aMenteeForm(), key], json))],
      ['200', await h.handle(formPost('mentee', [...aMenteeForm(), key], json))],
      [
        '204',
        await h.handle(
          new Request(`${intakeOrigin}/api/candidatures/mentee`, { method: 'OPTIONS' }),
        ),
      ],
      ['challenge', await h.handle(new Request(`${intakeOrigin}/api/altcha/challenge`))],
      ['405', await h.handle(new Request(`${intakeOrigin}/api/candidatures/mentee`))],
      ['404', await h.handle(new Request(`${intakeOrigin}/api/nulle-part`))],
      ['422', await h.handle(formPost('mentee', aMenteeForm({ 'identity.email': 'x' })))],
    ];
    for (const [label, response] of answers) {
      expectSecure(response, label);
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    expect(answers.map(([, r]) => r.status)).toEqual([303, 201, 200, 204, 200, 405, 404, 422]);

    const secure = await intakeHarness({ origin: 'https://mentorat.example' });
    const overHttps = await secure.handle(
      formPost('mentee', aMenteeForm(), { origin: 'https://mentorat.example' }),
    );
    expect(overHttps.status).toBe(303);
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});

describe('the proof of work, judged by the intake’s clock', () => {
  const decode = (field: string) =>
    JSON.parse(Buffer.from(field, 'base64').toString('utf8')) as {
      challenge: { parameters: Record<string, unknown>; signature: string };
      solution: unknown;
    };
  const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64');

  it('refuses a forged challenge whatever its expiry, and takes an expired genuine one as absent', async () => {
    const h = await intakeHarness();
    const genuine = await solvedProofOfWork(h.handle);
    const payload = decode(genuine);
    const expiresAt = Number(payload.challenge.parameters['expiresAt']);
    const forgeries = [
      // Parameters changed under a genuine signature (an earlier issue time, to look patient).
      {
        ...payload,
        challenge: {
          ...payload.challenge,
          parameters: { ...payload.challenge.parameters, data: { issuedAt: 0 } },
        },
      },
      // Already expired by the library's clock and ours, with a made-up signature.
      {
        ...payload,
        challenge: {
          parameters: { ...payload.challenge.parameters, expiresAt: 1 },
          signature: 'f'.repeat(64),
        },
      },
      { ...payload, challenge: { ...payload.challenge, signature: '0'.repeat(64) } },
    ];
    h.now = new Date(h.now.getTime() + 60_000);
    for (const forged of forgeries) {
      const response = await h.handle(
        formPost('mentor', [...aMentorForm(), ['altcha', encode(forged)]], json),
      );
      expect(await errorOf(response)).toBe('proof-of-work-invalid');
    }
    // The same genuine challenge, once the intake's clock is past its expiry: accepted, for review.
    h.now = new Date(expiresAt * 1000 + 1000);
    const late = await h.handle(formPost('mentor', [...aMentorForm(), ['altcha', genuine]], json));
    expect(late.status).toBe(201);
    const [file] = await h.store.listFiles('applications/mentors');
    expect(JSON.parse((await h.store.readFile(file!))!).intake).toMatchObject({
      proofOfWork: 'absent',
      needsReview: true,
    });
  });

  it('lets a challenge serve a retry of its submission, never another one, across restarts and instances', async () => {
    const first = await intakeHarness();
    const second = await intakeHarness({ store: new LocalGitStore(first.directory) });
    second.now = first.now = new Date(first.now.getTime());
    const altcha = await solvedProofOfWork(first.handle);
    first.now = second.now = new Date(first.now.getTime() + 60_000);
    const form = [...aMentorForm(), ['altcha', altcha]] as const;
    const accepted = await first.handle(formPost('mentor', form, json));
    expect(accepted.status).toBe(201);
    // The same submission again, on the other instance: the first receipt.
    const retry = await second.handle(formPost('mentor', form, json));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(await accepted.json());
    // Another submission with the same proof, on the other instance, and after a restart.
    const restarted = await intakeHarness({ store: new LocalGitStore(first.directory) });
    restarted.now = first.now;
    for (const h of [second, restarted]) {
      const other = aMentorForm({ 'identity.firstName': 'Autre' });
      const replay = await h.handle(formPost('mentor', [...other, ['altcha', altcha]], json));
      expect(await errorOf(replay)).toBe('proof-of-work-replayed');
    }
    expect(await first.store.listFiles('applications')).toHaveLength(1);
  });
});

describe('the rate limits count what costs, not a person’s corrections', () => {
  it('lets 25 people behind one address apply within an hour, each correcting mistakes', async () => {
    const h = await intakeHarness();
    const wifi = { address: '192.0.2.1' };
    const statuses: number[] = [];
    for (let person = 0; person < 25; person += 1) {
      const mine = {
        'identity.lastName': `Personne${person}`,
        'identity.email': `p${person}@exemple.fr`,
      };
      for (const mistake of ['identity.phone', 'identity.birthDate', 'identity.commune']) {
        const wrong = await h.handle(
          formPost('mentee', aMenteeForm({ ...mine, [mistake]: 'x' }), json),
          wifi,
        );
        expect(wrong.status).toBe(422);
      }
      statuses.push((await h.handle(formPost('mentee', aMenteeForm(mine), json), wifi)).status);
    }
    expect(statuses).toEqual(Array(25).fill(201));
  });

  it('throttles a flood from one client, bounded, with the time to wait', async () => {
    const settings = programmeSettings();
    const limits = settings.intake.rateLimit;
    const h = await intakeHarness();
    const bot = { address: '198.51.100.9' };
    const trap = formPost('mentee', aMenteeForm({ website: 'x' }), json);
    let refused: Response | undefined;
    for (let i = 0; i <= limits.applicationsPerHour && !refused; i += 1) {
      const response = await h.handle(trap.clone(), bot);
      if (response.status === 429) refused = response;
    }
    expect(refused?.headers.get('retry-after')).toBe('3600');
    expect(await errorOf(refused!)).toBe('rate-limited');
    // Even a good application from that client now waits; another client is not affected.
    expect((await h.handle(formPost('mentee', aMenteeForm(), json), bot)).status).toBe(429);
    expect(
      (await h.handle(formPost('mentee', aMenteeForm(), json), { address: '198.51.100.10' }))
        .status,
    ).toBe(201);

    // Invalid forms cost nothing each, but a flood of them is stopped too.
    const flood = formPost('mentee', aMenteeForm({ 'identity.email': 'x' }), json);
    const statuses = new Set<number>();
    for (let i = 0; i <= limits.submissionsPerHour; i += 1)
      statuses.add((await h.handle(flood.clone(), { address: '203.0.113.4' })).status);
    expect([...statuses]).toEqual([422, 429]);

    // And the challenge endpoint.
    const challenge = new Request(`${intakeOrigin}/api/altcha/challenge`);
    const answers = new Set<number>();
    for (let i = 0; i <= limits.challengesPerHour; i += 1)
      answers.add((await h.handle(challenge.clone(), { address: '203.0.113.5' })).status);
    expect([...answers]).toEqual([200, 429]);
    expect(await h.store.listFiles('applications')).toHaveLength(1);
  });
});

describe('whatever the data repository holds, the intake keeps accepting', () => {
  it('after a malformed file lands on main', async () => {
    const h = await intakeHarness();
    await h.store.commit(
      [
        { path: 'applications/mentees/mentee-zzzzzz.json', content: '{ "identity": "Zéph' },
        { path: 'intake/submissions/readme.txt', content: 'not a marker' },
      ],
      'A mistaken edit',
    );
    const response = await h.handle(formPost('mentee', aMenteeForm(), json));
    expect(response.status).toBe(201);
  });

  it('treats a request the store refuses as malformed as our bug: 500, logged, not retried', async () => {
    const h = await intakeHarness();
    let commits = 0;
    const store: DataStore = Object.assign(Object.create(h.store) as DataStore, {
      readFile: (path: string) => h.store.readFile(path),
      commit: async () => {
        commits += 1;
        throw new RejectedRequestError('PUT /contents: 422 Validation Failed');
      },
    });
    const logs: Record<string, unknown>[] = [];
    const handle = createIntakeHandler({
      store,
      settings: programmeSettings(),
      secret: 's',
      templates: { receipt: '', problems: '', followUpReceipt: '', followUpProblems: '' },
      log: (entry) => logs.push(entry),
    });
    const response = await handle(formPost('mentee', aMenteeForm(), json));
    expect(response.status).toBe(500);
    expect(await errorOf(response)).toBe('internal-error');
    expect(commits).toBe(1);
    expect(logs.at(-1)).toMatchObject({ event: 'intake.bug' });
  });

  it('draws another id when the first one is taken', async () => {
    const ids = ['mentee-aaaaaa', 'mentee-aaaaaa', 'mentee-bbbbbb'];
    const h = await intakeHarness({ newId: () => ids.shift()! });
    const first = referenceOf(await h.handle(formPost('mentee', aMenteeForm())));
    const second = referenceOf(
      await h.handle(formPost('mentee', aMenteeForm({ 'identity.lastName': 'Autre' }))),
    );
    expect([first, second]).toEqual(['mentee-aaaaaa', 'mentee-bbbbbb']);
  });
});

describe('what a hostile review found, and holds now', () => {
  it('counts stored applications before committing them: a burst from one client stops at the limit', async () => {
    const settings = programmeSettings((s) => {
      s.intake.rateLimit.applicationsPerHour = 10;
    });
    const h = await intakeHarness({ settings });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.handle(
          formPost(
            'mentee',
            [
              ...aMenteeForm({ 'identity.lastName': `Rafale${i}` }),
              ['idempotencyKey', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`],
            ],
            json,
          ),
          { address: '192.0.2.99' },
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(await h.store.listFiles('applications')).toHaveLength(10);
  });

  it('gives IPv6 clients one budget per /64, and IPv4-mapped addresses their IPv4 one', async () => {
    const settings = programmeSettings((s) => {
      s.intake.rateLimit.challengesPerHour = 2;
    });
    const h = await intakeHarness({ settings });
    const challenge = () => new Request(`${intakeOrigin}/api/altcha/challenge`);
    const statuses = [];
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:db8:1:2::3'])
      statuses.push((await h.handle(challenge(), { address })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await h.handle(challenge(), { address: '2001:db8:1:3::1' })).status).toBe(200);
  });

  it('says so when a retry brings other answers, instead of a receipt for answers never kept', async () => {
    const h = await intakeHarness();
    const key = ['idempotencyKey', '0b5e8c1e-3f6a-4d2b-9c1e-7a8b9c0d1e2f'] as const;
    expect((await h.handle(formPost('mentee', [...aMenteeForm(), key], json))).status).toBe(201);
    const changed = await h.handle(
      formPost('mentee', [...aMenteeForm({ 'identity.firstName': 'Autre' }), key], json),
    );
    expect(changed.status).toBe(409);
    expect(await errorOf(changed)).toBe('already-sent');
    expect(await h.store.listFiles('applications')).toHaveLength(1);
  });

  it('answers a hand-edited marker with a 500 for a coordinator, not a passing outage', async () => {
    const h = await intakeHarness();
    const key = ['idempotencyKey', '11111111-2222-4333-8444-555555555555'] as const;
    await h.handle(formPost('mentee', [...aMenteeForm(), key], json));
    const [marker] = await h.store.listFiles('intake/submissions');
    await h.store.commit([{ path: marker!, content: '{ "note": "edited" }' }], 'Edit by hand');
    const again = await h.handle(formPost('mentee', [...aMenteeForm(), key], json));
    expect(again.status).toBe(500);
    expect(h.logs.at(-1)).toMatchObject({ event: 'intake.bug' });
  });

  it('takes a client that goes away mid-body for what it is, not for an outage', async () => {
    const h = await intakeHarness();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('identity.firstName=Z'));
        controller.error(new Error('aborted'));
      },
    });
    const response = await h.handle(
      new Request(`${intakeOrigin}/api/candidatures/mentee`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...json },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe('aborted');
    expect(h.logs.map((l) => l['event'])).not.toContain('intake.store-failed');
  });

  it('keeps only what applies: a representative sent for an adult is dropped; a minor’s authorisation is pending', async () => {
    const h = await intakeHarness();
    const adult = referenceOf(
      await h.handle(
        formPost(
          'mentee',
          aMenteeForm({
            'identity.legalRepresentative.name': 'Personne Inutile',
            'identity.legalRepresentative.email': 'inutile@exemple.fr',
            'identity.legalRepresentative.phone': '06 00 00 00 00',
            'profile.objectiveOther': 'Sans objet',
          }),
        ),
      ),
    );
    const { opened: stored } = await openedRecord(h.store, `applications/mentees/${adult}.json`);
    expect(stored['identity'].legalRepresentative).toBeUndefined();
    expect(stored['profile'].objectiveOther).toBeUndefined();
    expect(stored['legalRepresentativeAuthorisation']).toBeUndefined();
    const minor = referenceOf(await h.handle(formPost('mentee', aMinorMenteeForm())));
    const { opened: record } = await openedRecord(h.store, `applications/mentees/${minor}.json`);
    expect(record['legalRepresentativeAuthorisation']).toBe('pending');
    expect(record['identity'].legalRepresentative).toBeDefined();
  });

  it('refuses other methods on the receipt, and OPTIONS on unknown addresses', async () => {
    const h = await intakeHarness();
    const receipt = `${intakeOrigin}/api/candidatures/recu?reference=mentee-aaaaaa`;
    expect((await h.handle(new Request(receipt, { method: 'POST' }))).status).toBe(405);
    expect((await h.handle(new Request(receipt, { method: 'HEAD' }))).status).toBe(200);
    const options = (path: string) =>
      h.handle(new Request(`${intakeOrigin}${path}`, { method: 'OPTIONS' }));
    expect((await options('/api/nulle-part')).status).toBe(404);
    expect((await options('/api/candidatures/mentor')).status).toBe(204);
  });
});

describe('the digests the intake keeps of what a person sent', () => {
  it('are keyed, so the repository cannot confirm a guess of someone’s answers', async () => {
    const markers = async (secret: string, idempotencyKey?: string) => {
      const h = await intakeHarness({ secret });
      const form = [
        ...aMenteeForm(),
        ...(idempotencyKey ? [['idempotencyKey', idempotencyKey] as const] : []),
      ];
      await h.handle(formPost('mentee', form));
      const [path] = await h.store.listFiles('intake/submissions');
      return { path, marker: JSON.parse((await h.store.readFile(path!))!) as { answers: string } };
    };
    // Without JavaScript: the same answers give other digests under another intake secret.
    const [one, two] = await Promise.all([markers('secret-one'), markers('secret-two')]);
    expect(one.path).not.toBe(two.path);
    expect(one.marker.answers).not.toBe(two.marker.answers);
    // With JavaScript: the browser's random key, never stored, keys its own answers.
    const [a, b] = await Promise.all([
      markers('same', '9d7a6c1e-0000-4000-8000-00000000000a'),
      markers('same', '9d7a6c1e-0000-4000-8000-00000000000b'),
    ]);
    expect(a.marker.answers).not.toBe(b.marker.answers);
  });
});
