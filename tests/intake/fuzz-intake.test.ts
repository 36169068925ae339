import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpPath, locate } from '../../schemas/data-layout.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import { checkApplication, checkFollowUp } from '../../schemas/validators.ts';
import { aMenteeForm, aMentorForm } from '../../scripts/dev/application-forms.ts';
import {
  aBilanForm,
  aCheckInForm,
  aPairWithCodes,
  formPost,
  intakeHarness,
  intakeOrigin,
  programmeSettings,
} from '../helpers/intake-harness.ts';

// Generated hostile input (issue 7): malformed or hostile bodies and headers sent to the intake.
// Whatever arrives: no 5xx, no crash, nothing written on a refusal, every stored record valid.
// `npm run fuzz` runs 10,000 cases; the suite runs FUZZ_RUNS (1,000 by default). The seed is
// printed, and FUZZ_SEED replays a run.
const runs = Number(process.env['FUZZ_RUNS'] ?? 1000);
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'Jean\r\nBcc: x@y.z',
    '\t',
    '\u202Eevil',
    '<script>alert(1)</script>@exemple.fr',
    '=HYPERLINK("http://x")@exemple.fr',
    '../../.git/config',
    '%00',
    '\u0000',
    '31/02/1980',
    '29/02/2023',
    '01/01/2019',
    '99999999999999999999',
    '-1',
    'on',
    'true',
    'é'.repeat(400),
    '\uD800',
  ),
);

/** A valid form with a few fields replaced, removed, repeated or added. */
const mutatedForm = (base: readonly (readonly [string, string])[]) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('set'), at: fc.nat(), value: nasty }),
        fc.record({ op: fc.constant('drop'), at: fc.nat() }),
        fc.record({ op: fc.constant('repeat'), at: fc.nat(), value: nasty }),
        fc.record({ op: fc.constant('add'), name: nasty, value: nasty }),
      ),
      { maxLength: 4 },
    )
    .map((mutations) => {
      const entries = base.map(([k, v]) => [k, v] as [string, string]);
      for (const m of mutations) {
        const i = 'at' in m ? m.at % entries.length : 0;
        if (m.op === 'set') entries[i] = [entries[i]![0], m.value];
        else if (m.op === 'drop') entries.splice(i, 1);
        else if (m.op === 'repeat') entries.push([entries[i]![0], m.value]);
        else entries.push([m.name, m.value]);
      }
      return new URLSearchParams(entries).toString();
    });

const body = fc.oneof(
  { weight: 6, arbitrary: mutatedForm(aMenteeForm()) },
  { weight: 6, arbitrary: mutatedForm(aMentorForm()) },
  // Raw bytes, invalid UTF-8 and broken percent-escapes included.
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => s.replace(/=/g, '=%')) },
  // A valid form whose last name is arbitrary bytes, percent-encoded (often not UTF-8).
  {
    weight: 2,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 12 })
      .map(
        (bytes) =>
          new URLSearchParams(aMenteeForm({ 'identity.lastName': undefined })).toString() +
          '&identity.lastName=' +
          [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
      ),
  },
);

const headerValue = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const wild = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'OPTIONS', 'DELETE'),
  path: fc.oneof(
    fc.constantFrom(
      '/api/candidatures/mentee',
      '/api/candidatures/mentor',
      '/api/candidatures/mentor/',
      '/api/altcha/challenge',
      '/api/candidatures/recu?reference=mentee-aaaaaa',
      '/api/candidatures/recu?reference=../../x',
    ),
    headerValue.map((s) => `/api/${encodeURIComponent(s)}`),
  ),
  contentType: fc.oneof(
    fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded;charset=UTF-8',
      'application/x-www-form-urlencoded-evil',
      'application/x-www-form-urlencoded; charset=latin1',
      'multipart/form-data',
      'application/json',
    ),
    headerValue,
  ),
  origin: fc.option(fc.oneof(fc.constant(intakeOrigin), headerValue), { nil: undefined }),
  accept: fc.constantFrom('application/json', 'text/html', '*/*'),
  contentLength: fc.option(fc.constantFrom('0', '1', '999999999', '-5', 'x'), { nil: undefined }),
  body,
});

// Requests a form could have sent, with a few answers mutated: some must be stored.
const plausible = fc.constantFrom('mentee', 'mentor').chain((kind) =>
  fc.record({
    method: fc.constant('POST'),
    path: fc.constant(`/api/candidatures/${kind}`),
    contentType: fc.constant('application/x-www-form-urlencoded'),
    origin: fc.constant(intakeOrigin),
    accept: fc.constantFrom('application/json', 'text/html'),
    contentLength: fc.constant(undefined),
    body: mutatedForm(kind === 'mentee' ? aMenteeForm() : aMentorForm()),
  }),
);
const request = fc.oneof({ weight: 1, arbitrary: plausible }, { weight: 3, arbitrary: wild });

describe('the intake under generated hostile input', () => {
  it(
    `never fails, never writes on a refusal, stores only valid records (${runs} cases)`,
    { timeout: 60_000 + runs * 60 },
    async () => {
      console.log(`fuzz: ${runs} cases, seed ${seed} (replay with FUZZ_SEED=${seed})`);
      const settings = programmeSettings((s) => {
        s.intake.rateLimit = {
          applicationsPerHour: 1e6,
          submissionsPerHour: 1e6,
          challengesPerHour: 1e6,
        };
      });
      const h = await intakeHarness({ settings });
      const rules = rulesSettingsFrom(settings);
      let files = new Set(await h.store.listFiles(''));
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const headers: Record<string, string> = {
            'content-type': r.contentType,
            accept: r.accept,
          };
          if (r.origin !== undefined) headers['origin'] = r.origin;
          if (r.contentLength !== undefined) headers['content-length'] = r.contentLength;
          const hasBody = r.method !== 'GET';
          const response = await h.handle(
            new Request(`${intakeOrigin}${r.path}`, {
              method: r.method,
              headers,
              ...(hasBody ? { body: r.body } : {}),
            }),
            { address: '192.0.2.50' },
          );
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
          const now = await h.store.listFiles('');
          const added = now.filter((path) => !files.has(path));
          if (response.status >= 300 && response.status !== 303) expect(added).toEqual([]);
          for (const path of added) {
            const location = locate(path);
            if (location.type !== 'application') continue;
            stored += 1;
            const record = JSON.parse((await h.store.readFile(path))!) as unknown;
            expect(checkApplication(location.kind, record, rules).ok).toBe(true);
          }
          files = new Set(now);
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
      // The property saw accepted applications too, not only refusals.
      console.log(`fuzz: ${stored} applications stored, every one valid`);
      expect(stored).toBeGreaterThan(0);
      expect((await h.handle(formPost('mentee', aMenteeForm()))).status).toBe(303);
    },
  );
});

describe('the follow-up forms under generated hostile input', () => {
  const followUpRuns = Math.ceil(runs / 4);
  it(
    `never fail, never write on a refusal, store only valid records (${followUpRuns} cases)`,
    { timeout: 60_000 + followUpRuns * 60 },
    async () => {
      const settings = programmeSettings((s) => {
        s.intake.rateLimit = {
          applicationsPerHour: 1e6,
          submissionsPerHour: 1e6,
          challengesPerHour: 1e6,
          codeAttemptsPerHour: 1e6,
        };
      });
      const h = await intakeHarness({ settings });
      h.now = new Date('2027-08-02T10:00:00.000Z');
      const active = await aPairWithCodes(h.store, 1, 'active');
      const closed = await aPairWithCodes(h.store, 2, 'closed', '2027-07-20T10:00:00.000Z');
      const codes = [active.mentor, active.mentee, closed.mentor, closed.mentee];
      const followUp = fc
        .record({ kind: fc.constantFrom('check-in', 'bilan'), code: fc.constantFrom(...codes) })
        .chain(({ kind, code }) =>
          fc.record({
            path: fc.constantFrom(
              kind === 'check-in' ? '/api/suivi/point-etape' : '/api/suivi/bilan',
            ),
            accept: fc.constantFrom('application/json', 'text/html'),
            body: fc.oneof(
              mutatedForm((kind === 'check-in' ? aCheckInForm : aBilanForm)(code)),
              mutatedForm((kind === 'check-in' ? aCheckInForm : aBilanForm)(code)).map(
                (b) => `${b}&idempotencyKey=${crypto.randomUUID()}`,
              ),
              body,
            ),
          }),
        );
      let files = new Set(await h.store.listFiles(''));
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(followUp, async (r) => {
          // Each case a millisecond later: check-ins of one role then never share a name.
          h.now = new Date(h.now.getTime() + 1);
          const response = await h.handle(
            new Request(`${intakeOrigin}${r.path}`, {
              method: 'POST',
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                origin: intakeOrigin,
                accept: r.accept,
              },
              body: r.body,
            }),
            { address: '192.0.2.51' },
          );
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
          const now = await h.store.listFiles('');
          const added = now.filter((path) => !files.has(path));
          if (response.status >= 300 && response.status !== 303) expect(added).toEqual([]);
          for (const path of added) {
            const location = locate(path);
            if (location.type !== 'follow-up') continue;
            stored += 1;
            const record = checkFollowUp(JSON.parse((await h.store.readFile(path))!));
            expect(record.ok).toBe(true);
            if (record.ok)
              expect(path).toBe(
                followUpPath(
                  record.value.pairId,
                  record.value.submittedAt,
                  record.value.role as 'mentor',
                ),
              );
          }
          files = new Set(now);
        }),
        { numRuns: followUpRuns, seed, endOnFailure: true },
      );
      console.log(`fuzz: ${stored} follow-ups stored, every one valid`);
      expect(stored).toBeGreaterThan(0);
    },
  );
});
