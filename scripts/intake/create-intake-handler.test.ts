import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../schemas/validators.ts';
import {
  aMenteeForm,
  aMentorForm,
  aMinorMenteeForm,
  personalStrings,
} from '../dev/application-forms.ts';
import {
  formPost,
  intakeHarness,
  intakeOrigin,
  programmeSettings,
  solvedProofOfWork,
} from '../../tests/helpers/intake-harness.ts';
import { LocalGitStore } from '../store/local-git-store.ts';
import { openedRecord } from '../../tests/helpers/opened-record.ts';

const json = { accept: 'application/json' };

async function refusalOf(response: Response) {
  const body = (await response.json()) as {
    error: string;
    message: string;
    problems: { field: string; message: string }[];
  };
  return { status: response.status, ...body };
}

describe('the intake accepts an application', () => {
  it('commits one file, valid against its schema, with the id only in the commit message', async () => {
    const h = await intakeHarness();
    const response = await h.handle(formPost('mentee', aMenteeForm(), json));
    expect(response.status).toBe(201);
    const { reference, receiptUrl } = (await response.json()) as {
      reference: string;
      receiptUrl: string;
    };
    expect(reference).toMatch(/^mentee-[0-9a-z]{6}$/);
    expect(receiptUrl).toBe(`${intakeOrigin}/api/candidatures/recu?reference=${reference}`);

    const files = await h.store.listFiles('applications');
    expect(files).toEqual([`applications/mentees/${reference}.json`]);
    const { stored: record, opened } = await openedRecord(h.store, files[0]!);
    expect(checkApplication('mentee', record)).toEqual({ ok: true, value: record });
    expect(record).toMatchObject({
      schemaVersion: 1,
      id: reference,
      submittedAt: '2026-11-23T10:00:00.000Z',
      cohort: '2026-2027',
      intake: { proofOfWork: 'absent', fillTime: 'unknown', needsReview: true },
    });
    // Sealed: only the ciphertext is stored; the coordinators' key opens it.
    expect(Object.keys(record['identity'])).toEqual(['encrypted', 'ciphertext']);
    expect(opened['identity']).toMatchObject({
      birthDate: '2005-07-14',
      commune: 'Issy-les-Moulineaux',
    });
    expect(checkApplication('mentee', opened).ok).toBe(true);
    const log = execFileSync('git', ['-C', h.directory, 'log', '-1', '--format=%s|%an'], {
      encoding: 'utf8',
    });
    expect(log.trim()).toBe(`Add application ${reference}|Binôme`);
  });

  it('stores identities in clear only when the settings say so, and logs it at every start', async () => {
    const h = await intakeHarness({
      settings: programmeSettings((s) => {
        s.encryption.identities = 'plain';
      }),
    });
    expect(h.logs).toEqual([{ event: 'intake.identities-stored-in-plain-text' }]);
    const response = await h.handle(formPost('mentee', aMenteeForm(), json));
    const { reference } = (await response.json()) as { reference: string };
    const { stored } = await openedRecord(h.store, `applications/mentees/${reference}.json`);
    expect(stored['identity']).toMatchObject({ birthDate: '2005-07-14' });
    expect(await h.store.keys.list()).toEqual([]);
  });

  it('refuses to start with no public key to seal identities to, or fewer than required', async () => {
    const none = programmeSettings((s) => {
      s.encryption.recipients = [];
    });
    await expect(intakeHarness({ settings: none })).rejects.toThrow(
      'Aucune clé publique pour chiffrer les identités',
    );
    await expect(intakeHarness({ minimumRecipients: 3 })).rejects.toThrow(
      'Il faut au moins 3 clés publiques pour chiffrer les identités',
    );
    // One character mistyped: the shape is right, the checksum is not.
    const typo = programmeSettings((s) => {
      s.encryption.recipients[1]!.key = s.encryption.recipients[1]!.key.replace(/.$/, (c) =>
        c === 'q' ? 'p' : 'q',
      );
    });
    await expect(intakeHarness({ settings: typo })).rejects.toThrow(
      'n’est pas une clé publique age X25519 valable',
    );
  });

  it('without JavaScript, answers with a redirect to the receipt page (Post/Redirect/Get)', async () => {
    const h = await intakeHarness();
    const response = await h.handle(formPost('mentor', aMentorForm()));
    expect(response.status).toBe(303);
    // Relative: the browser resolves it against the address it posted to, never a Host header.
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/api\/candidatures\/recu\?reference=mentor-[0-9a-z]{6}$/);
    const receipt = await h.handle(new Request(new URL(location, intakeOrigin)));
    const html = await receipt.text();
    expect(html).toContain(
      `<strong>${new URL(location, intakeOrigin).searchParams.get('reference')}</strong>`,
    );
    expect(html).toContain('<h1>Candidature reçue</h1>');
  });

  it('with a solved proof of work, does not mark the entry for review', async () => {
    const h = await intakeHarness();
    const altcha = await solvedProofOfWork(h.handle);
    h.now = new Date(h.now.getTime() + 60_000);
    const response = await h.handle(
      formPost('mentor', [...aMentorForm(), ['altcha', altcha]], json),
    );
    expect(response.status).toBe(201);
    const [file] = await h.store.listFiles('applications/mentors');
    expect(JSON.parse((await h.store.readFile(file!))!).intake).toMatchObject({
      proofOfWork: 'verified',
      fillTime: 'ok',
      needsReview: false,
    });
  });

  it('gives a retry with the same idempotency key the first receipt, and stores nothing twice', async () => {
    const h = await intakeHarness();
    const form = [
      ...aMenteeForm(),
      ['idempotencyKey', '0b5e8c1e-3f6a-4d2b-9c1e-7a8b9c0d1e2f'],
    ] as const;
    const first = await (await h.handle(formPost('mentee', form, json))).json();
    const again = await h.handle(formPost('mentee', form, json));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await h.store.listFiles('applications')).toHaveLength(1);
  });

  it('without JavaScript (no key), treats the same answers sent twice as one application', async () => {
    const h = await intakeHarness();
    const first = await h.handle(formPost('mentor', aMentorForm()));
    const second = await h.handle(formPost('mentor', aMentorForm()));
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await h.store.listFiles('applications')).toHaveLength(1);
  });

  it('accepts a minor with a legal representative', async () => {
    const h = await intakeHarness();
    const response = await h.handle(formPost('mentee', aMinorMenteeForm(), json));
    expect(response.status).toBe(201);
  });

  it('remembers idempotency keys across a restart, from the data repository', async () => {
    const h = await intakeHarness();
    const form = [
      ...aMenteeForm(),
      ['idempotencyKey', '11111111-2222-4333-8444-555555555555'],
    ] as const;
    const first = await (await h.handle(formPost('mentee', form, json))).json();
    const restarted = await intakeHarness({ store: new LocalGitStore(h.directory) });
    const again = await restarted.handle(formPost('mentee', form, json));
    expect(await again.json()).toEqual(first);
    expect(await h.store.listFiles('applications')).toHaveLength(1);
  });
});

describe('the intake refuses, in French, and says why', () => {
  it('another method', async () => {
    const h = await intakeHarness();
    const response = await h.handle(
      new Request(`${intakeOrigin}/api/candidatures/mentor`, { headers: json }),
    );
    expect(response.headers.get('allow')).toBe('POST');
    expect(await refusalOf(response)).toMatchInlineSnapshot(`
      {
        "error": "method-not-allowed",
        "message": "Cette adresse ne reçoit que les candidatures envoyées avec le formulaire du site.",
        "problems": [],
        "status": 405,
      }
    `);
  });

  it('another content type', async () => {
    const h = await intakeHarness();
    const request = new Request(`${intakeOrigin}/api/candidatures/mentor`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...json },
      body: '{}',
    });
    expect(await refusalOf(await h.handle(request))).toMatchInlineSnapshot(`
      {
        "error": "unsupported-content-type",
        "message": "Votre candidature n’est pas arrivée dans le format attendu. Envoyez-la avec le formulaire du site.",
        "problems": [],
        "status": 415,
      }
    `);
  });

  it('a body over 32 KB, even when it does not declare its length', async () => {
    const h = await intakeHarness();
    const long = aMenteeForm({ 'profile.expectations': 'é'.repeat(20_000) });
    const request = formPost('mentee', long, json);
    expect(await refusalOf(await h.handle(request))).toMatchInlineSnapshot(`
      {
        "error": "too-large",
        "message": "Votre candidature est trop longue. Raccourcissez les textes libres (par exemple « Ce que vous attendez du mentorat »), puis renvoyez-la.",
        "problems": [],
        "status": 413,
      }
    `);
    expect(await h.store.listFiles('applications')).toEqual([]);
  });

  it('another site', async () => {
    const h = await intakeHarness();
    const request = formPost('mentee', aMenteeForm(), {
      ...json,
      origin: 'https://ailleurs.example',
    });
    expect(await refusalOf(await h.handle(request))).toMatchInlineSnapshot(`
      {
        "error": "origin-not-allowed",
        "message": "Cette candidature ne vient pas du site du programme. Remplissez le formulaire sur le site du programme.",
        "problems": [],
        "status": 403,
      }
    `);
  });

  it('a filled honeypot', async () => {
    const h = await intakeHarness();
    const request = formPost('mentee', aMenteeForm({ website: 'https://spam.example' }), json);
    expect(await refusalOf(await h.handle(request))).toMatchInlineSnapshot(`
      {
        "error": "honeypot",
        "message": "Un champ caché, qui doit rester vide, a été rempli, peut-être par un outil de remplissage automatique. Rechargez la page, remplissez le formulaire vous-même, puis renvoyez-le.",
        "problems": [],
        "status": 400,
      }
    `);
  });

  it('a form sent too fast after its challenge was issued', async () => {
    const h = await intakeHarness();
    const altcha = await solvedProofOfWork(h.handle);
    h.now = new Date(h.now.getTime() + 5_000);
    const request = formPost('mentor', [...aMentorForm(), ['altcha', altcha]], json);
    expect(await refusalOf(await h.handle(request))).toMatchInlineSnapshot(`
      {
        "error": "too-fast",
        "message": "Par sécurité, le formulaire ne peut pas être envoyé juste après l’ouverture de la page. Relisez vos réponses, patientez quelques secondes, puis renvoyez-le.",
        "problems": [],
        "status": 400,
      }
    `);
  });

  it('a forged proof of work, and a proof of work used for another application', async () => {
    const h = await intakeHarness();
    const forged = formPost(
      'mentor',
      [...aMentorForm(), ['altcha', Buffer.from('{"x":1}').toString('base64')]],
      json,
    );
    expect(await refusalOf(await h.handle(forged))).toMatchInlineSnapshot(`
      {
        "error": "proof-of-work-invalid",
        "message": "La vérification automatique anti-robot a échoué. Rechargez la page, puis renvoyez le formulaire : vos réponses sont conservées dans cet onglet.",
        "problems": [],
        "status": 400,
      }
    `);
    const altcha = await solvedProofOfWork(h.handle);
    h.now = new Date(h.now.getTime() + 60_000);
    expect(
      (await h.handle(formPost('mentor', [...aMentorForm(), ['altcha', altcha]], json))).status,
    ).toBe(201);
    const other = aMentorForm({ 'identity.firstName': 'Autre' });
    const replay = await h.handle(formPost('mentor', [...other, ['altcha', altcha]], json));
    expect((await refusalOf(replay)).error).toBe('proof-of-work-replayed');
  });

  it('an invalid application, naming each field', async () => {
    const h = await intakeHarness();
    const request = formPost(
      'mentee',
      aMinorMenteeForm({
        'identity.email': 'pas-une-adresse',
        'identity.legalRepresentative.name': undefined,
        'identity.legalRepresentative.email': undefined,
        'identity.legalRepresentative.phone': undefined,
        'profile.objectives': ['autre'],
        'profile.eligibility.basis': 'etudie',
        'profile.eligibility.schoolCommune': 'Vanves',
      }),
      json,
    );
    expect(await refusalOf(await h.handle(request))).toMatchInlineSnapshot(`
      {
        "error": "invalid",
        "message": "Votre candidature n’a pas été envoyée : corrigez les points ci-dessous, puis renvoyez-la.",
        "problems": [
          {
            "field": "identity.email",
            "label": "Adresse électronique",
            "message": "Indiquez une adresse électronique valide, par exemple nom@exemple.fr.",
          },
          {
            "field": "identity.legalRepresentative",
            "label": "Votre représentant légal",
            "message": "Comme vous avez moins de 18 ans, indiquez les coordonnées de votre représentant légal.",
          },
          {
            "field": "profile.eligibility.schoolCommune",
            "label": "Commune de l’établissement",
            "message": "Vous indiquez étudier à Issy-les-Moulineaux : la commune de votre établissement doit être celle-ci.",
          },
          {
            "field": "profile.objectiveOther",
            "label": "Autre objectif",
            "message": "Vous avez coché « Un autre objectif » : décrivez-le en quelques mots.",
          },
        ],
        "status": 422,
      }
    `);
  });

  it('an invalid application without JavaScript: the form again, answers and messages in place', async () => {
    const h = await intakeHarness();
    const hostile = '<b>06</b>';
    const response = await h.handle(formPost('mentor', aMentorForm({ 'identity.phone': hostile })));
    expect(response.status).toBe(422);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<title>Erreur – Formulaire mentor</title>');
    expect(html).toContain(
      '<li><a href="#f-identity-phone">Indiquez un numéro de téléphone valide, par exemple 06 12 34 56 78.</a></li>',
    );
    expect(html).toContain(
      '<p class="field-error" id="f-identity-phone-error">Indiquez un numéro de téléphone valide, par exemple 06 12 34 56 78.</p>',
    );
    // What was typed is back in its field, as text.
    expect(html).toContain('value="Barnabé"');
    expect(html).toContain('value="&#60;b&#62;06&#60;/b&#62;"');
    expect(html).toMatch(/<input type="checkbox" id="f-commitments-listening"[^>]* checked/);
    expect(html).not.toContain(hostile);
    // Nothing of it in the log.
    expect(JSON.stringify(h.logs)).not.toContain('Barnabé');
  });

  it('when the data repository cannot be written, stores nothing and says so', async () => {
    const broken = new LocalGitStore('/dev/null/impossible');
    const h = await intakeHarness({ store: broken });
    expect(await refusalOf(await h.handle(formPost('mentee', aMenteeForm(), json))))
      .toMatchInlineSnapshot(`
      {
        "error": "store-unavailable",
        "message": "Votre candidature n’a pas pu être enregistrée à cause d’un problème technique de notre côté : rien n’a été enregistré. Réessayez dans quelques minutes.",
        "problems": [],
        "status": 503,
      }
    `);
  });

  it('an unknown address, and a receipt for a malformed reference', async () => {
    const h = await intakeHarness();
    expect((await h.handle(new Request(`${intakeOrigin}/api/autre`))).status).toBe(404);
    const receipt = await h.handle(
      new Request(`${intakeOrigin}/api/candidatures/recu?reference=../../etc`),
    );
    expect(receipt.status).toBe(404);
  });
});

describe('what the intake writes about people', () => {
  it('keeps names, e-mails and phone numbers out of logs and commit messages', async () => {
    const h = await intakeHarness();
    await h.handle(formPost('mentee', aMinorMenteeForm(), json));
    await h.handle(formPost('mentor', aMentorForm({ 'identity.email': 'faux' }), json));
    await h.handle(formPost('mentor', aMentorForm(), json));
    const commits = execFileSync('git', ['-C', h.directory, 'log', '--format=%an %ae %s %b'], {
      encoding: 'utf8',
    });
    const written = JSON.stringify(h.logs) + commits;
    for (const personal of personalStrings()) expect(written).not.toContain(personal);
    expect(h.logs.map((l) => l['event'])).toEqual([
      'intake.accepted',
      'intake.refused',
      'intake.accepted',
    ]);
  });

  it('takes a hostile string as text: stored as typed, never as a path', async () => {
    const h = await intakeHarness();
    const hostile = '../../.git/config <img src=x onerror=alert(1)> [lien](javascript:alert(1))';
    const response = await h.handle(
      formPost('mentor', aMentorForm({ 'profile.jobTitle': hostile }), json),
    );
    const { reference } = (await response.json()) as { reference: string };
    expect(await h.store.listFiles('applications')).toEqual([
      `applications/mentors/${reference}.json`,
    ]);
    const record = JSON.parse((await h.store.readFile(`applications/mentors/${reference}.json`))!);
    expect(record.profile.jobTitle).toBe(hostile);
  });
});

describe('a receipt link with a mistyped reference (issue 8)', () => {
  it.each([
    ['a mistyped reference', 'xyz'],
    ['a reference cut short', 'mentee-7f3k'],
    ['a path', '../../etc'],
    ['markup', '<script>alert(1)</script>'],
  ])('%s gets a French page, 404, never JSON', async (_, reference) => {
    const h = await intakeHarness();
    for (const headers of [{}, json]) {
      const url = `${intakeOrigin}/api/candidatures/recu?reference=${encodeURIComponent(reference)}`;
      const response = await h.handle(new Request(url, { headers }));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await response.text();
      // Not « Candidature non envoyée »: the person may well have applied.
      expect(html).toContain('<h1>Lien de confirmation incorrect</h1>');
      expect(html).toContain(
        '<p class="intake-message">Ce lien de confirmation est incomplet ou mal recopié\u00a0: il ne contient pas de numéro de candidature valide.</p>',
      );
      expect(html).toContain(
        'contactez l’Espace Jeunes Anne Frank pour savoir si elle est bien arrivée',
      );
      expect(html).not.toContain(reference);
      expect(html).not.toContain('Page d’erreur.');
    }
    expect(await h.store.listFiles('applications')).toEqual([]);
  });

  it('a reference copied in capitals, with a full stop or after a trailing slash still gets its receipt', async () => {
    const h = await intakeHarness();
    for (const [path, reference] of [
      ['recu', 'MENTEE-WSZMK6'],
      ['recu', 'mentee-wszmk6.'],
      ['recu', ' mentee-wszmk6 '],
      ['recu/', 'mentee-wszmk6'],
    ]) {
      const response = await h.handle(
        new Request(
          `${intakeOrigin}/api/candidatures/${path}?reference=${encodeURIComponent(reference!)}`,
        ),
      );
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<strong>mentee-wszmk6</strong>');
    }
  });

  it('a well-formed reference still gets its receipt', async () => {
    const h = await intakeHarness();
    const response = await h.handle(
      new Request(`${intakeOrigin}/api/candidatures/recu?reference=mentor-7f3k9q`),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<strong>mentor-7f3k9q</strong>');
  });
});
