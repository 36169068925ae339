import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formRoutes } from '../../schemas/form-routes.ts';
import { checkApplication, checkFollowUp, type FormKind } from '../../schemas/validators.ts';
import { aMenteeForm, aMentorForm, personalStrings } from '../../scripts/dev/application-forms.ts';
import { refusal, type RefusalCode } from '../../scripts/intake/refusals.ts';
import { securityHeaders } from '../../scripts/intake/security-headers.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { GitHubStandIn } from '../github-stand-in/github-stand-in.ts';
import { gitHubHarness } from '../helpers/github-harness.ts';
import { aCheckInForm, aPairWithCodes } from '../helpers/intake-harness.ts';
import { hostSettings, standInApi, type IntakeHost } from '../helpers/intake-hosts.ts';
import { openedRecord } from '../helpers/opened-record.ts';

type Entries = readonly (readonly [string, string])[];

/**
 * The intake's contract over HTTP, the same for every host it runs on (issue 14): what it
 * accepts and stores, what it refuses and how, what it logs and what each submission costs in
 * GitHub requests. `start` runs the host against the GitHub stand-in's repository.
 */
export function intakeContract(
  hostName: string,
  start: (env: Record<string, string>) => Promise<IntakeHost>,
) {
  describe(`the intake's contract, on the ${hostName} host`, () => {
    const standIn = new GitHubStandIn();
    // The test's own view of the repository, in-process (its requests are not the host's).
    const { store } = gitHubHarness(standIn, { checkedByCaller: true });
    let api: Awaited<ReturnType<typeof standInApi>>;
    let host: IntakeHost;

    beforeAll(async () => {
      api = await standInApi(standIn);
      host = await start(api.env);
    }, 60_000);
    afterAll(async () => {
      await host?.close();
      await api?.close();
    });
    afterEach(() => {
      expect(standIn.violations).toEqual([]);
    });

    const at = (path: string) => `${host.url}${path}`;
    const mainSha = () => standIn.git.resolve('main')?.sha;

    /** A challenge from the host, solved as the browser solves it, once the form was open 1 s. */
    async function solvedProof(): Promise<string> {
      const challenge = (await (await fetch(at('/api/altcha/challenge'))).json()) as Challenge;
      const solution = await solveChallenge({ challenge, deriveKey });
      await new Promise((done) => setTimeout(done, 1_100));
      return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    }

    function post(
      kind: FormKind,
      entries: Entries,
      headers: Record<string, string> = {},
      body?: BodyInit,
    ) {
      return fetch(at(formRoutes[kind]), {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: host.url,
          ...headers,
        },
        body: body ?? new URLSearchParams(entries.map(([k, v]) => [k, v])).toString(),
      });
    }

    function expectSecurityHeaders(response: Response) {
      for (const [name, value] of Object.entries(securityHeaders))
        expect(response.headers.get(name), name).toBe(value);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }

    it('answers a challenge, with the security headers and no cache', async () => {
      const response = await fetch(at('/api/altcha/challenge'));
      expect(response.status).toBe(200);
      expectSecurityHeaders(response);
      const challenge = (await response.json()) as Challenge;
      expect(challenge.parameters.algorithm).toBe('SHA-256');
      expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    });

    it('stores an application sent with JavaScript as one commit; a retry gets the same reference', async () => {
      const before = mainSha();
      const form = [
        ...aMentorForm(),
        ['altcha', await solvedProof()],
        ['idempotencyKey', '0b3c6a52-0000-4000-8000-00000000c0de'],
      ] as const;
      const first = await post('mentor', form, { accept: 'application/json' });
      expect(first.status).toBe(201);
      expectSecurityHeaders(first);
      const { reference } = (await first.json()) as { reference: string };
      expect(reference).toMatch(/^mentor-[0-9a-z]{6}$/);

      const main = standIn.git.resolve('main')!;
      expect(main.message).toBe(`Add application ${reference}`);
      expect(main.parents).toEqual([before]);
      const { stored, opened } = await openedRecord(
        store,
        `applications/mentors/${reference}.json`,
      );
      expect(checkApplication('mentor', stored).ok).toBe(true);
      expect(stored['intake']).toMatchObject({ proofOfWork: 'verified', needsReview: false });
      expect(JSON.stringify(stored)).not.toContain(aMentorForm()[0]![1]);
      expect(opened['identity']['lastName']).toBe(
        form.find(([name]) => name === 'identity.lastName')![1],
      );

      const retry = await post('mentor', form, { accept: 'application/json' });
      expect(retry.status).toBe(200);
      expect(((await retry.json()) as { reference: string }).reference).toBe(reference);
      expect(mainSha()).toBe(main.sha);
    });

    it('refuses a proof of work already used by another application, storing nothing', async () => {
      const proof = await solvedProof();
      const first = await post('mentee', [...aMenteeForm(), ['altcha', proof]], {
        accept: 'application/json',
      });
      expect(first.status).toBe(201);
      const after = mainSha();
      const replay = await post(
        'mentee',
        [...aMenteeForm({ 'identity.firstName': 'Autre' }), ['altcha', proof]],
        { accept: 'application/json' },
      );
      expect(replay.status).toBe(400);
      expect(((await replay.json()) as { error: string }).error).toBe('proof-of-work-replayed');
      expect(mainSha()).toBe(after);
    });

    it('without JavaScript, answers 303 to the receipt, whose page names the reference', async () => {
      const response = await post('mentee', aMenteeForm({ 'identity.firstName': 'Sansjs' }), {
        accept: 'text/html',
      });
      expect(response.status).toBe(303);
      expectSecurityHeaders(response);
      const location = response.headers.get('location')!;
      expect(location).toMatch(/^\/api\/candidatures\/recu\?reference=mentee-[0-9a-z]{6}$/);
      const reference = new URL(location, host.url).searchParams.get('reference')!;
      const receipt = await fetch(at(location));
      expect(receipt.status).toBe(200);
      expectSecurityHeaders(receipt);
      expect(await receipt.text()).toContain(`<strong>${reference}</strong>`);
      const { stored } = await openedRecord(store, `applications/mentees/${reference}.json`);
      expect(stored['intake']).toMatchObject({ proofOfWork: 'absent', needsReview: true });
    });

    it('refuses malformed and unwanted requests with their status and a French message, storing nothing', async () => {
      const before = mainSha();
      const json = { accept: 'application/json' };
      const cases: [string, Promise<Response>, number, string][] = [
        [
          'invalid UTF-8',
          post('mentee', [], json, 'identity.lastName=%FF%FE&website='),
          400,
          'invalid-encoding',
        ],
        [
          'another content type',
          post('mentee', [], { ...json, 'content-type': 'text/plain' }, 'x'),
          415,
          'unsupported-content-type',
        ],
        [
          'a body too large',
          post('mentee', [], json, `words=${'a'.repeat(40_000)}`),
          413,
          'too-large',
        ],
        [
          'another site',
          post('mentee', aMenteeForm(), { ...json, origin: 'https://ailleurs.example' }),
          403,
          'origin-not-allowed',
        ],
        [
          'a filled honeypot',
          post(
            'mentee',
            [...aMenteeForm().filter(([n]) => n !== 'website'), ['website', 'x']],
            json,
          ),
          400,
          'honeypot',
        ],
        [
          'a forged proof of work',
          post('mentee', [...aMenteeForm(), ['altcha', 'bm90LWEtcHJvb2Y=']], json),
          400,
          'proof-of-work-invalid',
        ],
        [
          'another method',
          fetch(at(formRoutes.mentor), { headers: json }),
          405,
          'method-not-allowed',
        ],
        ['an unknown address', fetch(at('/api/inconnue'), { headers: json }), 404, 'not-found'],
      ];
      for (const [what, sent, status, code] of cases) {
        const response = await sent;
        expect(response.status, what).toBe(status);
        expectSecurityHeaders(response);
        const body = (await response.json()) as { error: string; message: string };
        expect(body.error, what).toBe(code);
        // The very words of the refusal, whatever the host.
        expect(body.message, what).toBe(
          frenchTypography(
            refusal(code as RefusalCode, {
              structure: hostSettings().structure.shortName,
              form: code === 'not-found' ? undefined : 'mentee',
            }).message,
          ),
        );
      }
      expect(mainSha()).toBe(before);
    });

    it('refuses an invalid application, naming each field in French', async () => {
      const before = mainSha();
      const response = await post(
        'mentor',
        aMentorForm({ 'identity.lastName': undefined, 'identity.email': 'pas-une-adresse' }),
        { accept: 'application/json' },
      );
      expect(response.status).toBe(422);
      const { problems } = (await response.json()) as {
        problems: { field: string; message: string }[];
      };
      expect(problems.map((p) => p.field).sort()).toEqual(['identity.email', 'identity.lastName']);
      expect(problems.find((p) => p.field === 'identity.lastName')!.message).toBe(
        'Indiquez votre nom.',
      );
      expect(mainSha()).toBe(before);
    });

    it('stores a check-in sent with a participant’s code', async () => {
      const { pairId, mentee } = await aPairWithCodes(store, 7, 'active');
      // Meetings in the past (the host's clock is the real one), three days apart.
      const day = (ago: number) =>
        new Date(Date.now() - ago * 86_400_000)
          .toISOString()
          .slice(0, 10)
          .split('-')
          .reverse()
          .join('/');
      const form = aCheckInForm(mentee, {
        'meetings.first.date': day(9),
        'meetings.second.date': day(6),
        'meetings.third.date': day(3),
      });
      const response = await post('check-in', form, { accept: 'text/html' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/api/suivi/recu');
      const main = standIn.git.resolve('main')!;
      expect(main.message).toBe(`Add check-in to ${pairId}`);
      const [path] = (await store.listFiles(`followups/${pairId}`)).filter((p) =>
        p.endsWith('-mentee.json'),
      );
      expect(checkFollowUp(JSON.parse((await store.readFile(path!))!)).ok).toBe(true);
    });

    it('makes the same number of GitHub requests for every application, however many are stored', async () => {
      const costs: number[] = [];
      for (let n = 0; n < 3; n += 1) {
        const before = standIn.requests.length;
        const response = await post(
          'mentor',
          aMentorForm({ 'identity.firstName': `Prénom${'x'.repeat(n + 1)}` }),
          { accept: 'application/json' },
        );
        expect(response.status).toBe(201);
        costs.push(standIn.requests.length - before);
      }
      expect(new Set(costs).size, `requests per application: ${costs.join(', ')}`).toBe(1);
      // Write the data key (tree, commit, ref); read the branch, its commit and the absence of
      // the erasure, the marker and the record; write the commit (tree, commit, ref move). Never
      // a listing of the repository.
      expect(costs[0]).toBe(11);
    });

    it('logs codes and ids, never what a person typed', () => {
      expect(host.logs.length).toBeGreaterThan(0);
      const logged = host.logs.join('\n');
      for (const personal of personalStrings()) expect(logged).not.toContain(personal);
      expect(logged).not.toContain('github_pat');
    });
  });
}
