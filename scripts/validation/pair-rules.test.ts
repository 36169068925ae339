import { describe, expect, it } from 'vitest';
import { matchingEditsPath, pairIdOf, pairPath, screeningPath } from '../../schemas/data-layout.ts';
import { formToObject } from '../../schemas/form-to-object.ts';
import type { MatchingEdits } from '../../schemas/matching-edits.schema.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import type { SchemaNode } from '../../schemas/schema-walk.ts';
import type { ScreeningStatus } from '../../schemas/screening-decision.schema.ts';
import { rulesSettingsFrom } from '../../schemas/rules-context.ts';
import { formSchemas } from '../../schemas/validators.ts';
import { programmeSettings } from '../../tests/helpers/intake-harness.ts';
import {
  aMenteeForm,
  aMentorForm,
  personalStrings,
  type FormFields,
} from '../dev/application-forms.ts';
import { sortRecords } from '../records/sort-records.ts';
import { pairRules } from './pair-rules.ts';
import { validateRepository } from './validate-repository.ts';

// Small builders of data repository files (path -> record), synthetic people only. The default
// mentor meets by video, offers 2 places and works at « Entreprise Fictive SA »; the default
// mentoré meets either way and studies at « Lycée Eugène-Ionesco »: they may be paired.
type Entry = [path: string, record: unknown];

const envelope = (id: string) => ({
  schemaVersion: 1,
  id,
  submittedAt: '2026-09-01T10:00:00.000Z',
  cohort: '2026-2027',
  intake: {
    proofOfWork: 'verified',
    fillTime: 'ok',
    needsReview: false,
    idempotencyKeyHash: 'b'.repeat(64),
  },
});

const aMentor = (id: string, fields: FormFields = {}): Entry => [
  `applications/mentors/${id}.json`,
  { ...envelope(id), ...formToObject(formSchemas.mentor as SchemaNode, aMentorForm(fields)) },
];
const aMentee = (id: string, fields: FormFields = {}): Entry => [
  `applications/mentees/${id}.json`,
  { ...envelope(id), ...formToObject(formSchemas.mentee as SchemaNode, aMenteeForm(fields)) },
];
const aDecision = (id: string, status: ScreeningStatus = 'accepted'): Entry => [
  screeningPath(id),
  {
    schemaVersion: 1,
    id,
    status,
    updatedAt: '2026-09-10T10:00:00.000Z',
    history: [{ status, at: '2026-09-10T10:00:00.000Z' }],
  },
];
/** An accepted person: their application and the decision. */
const accepted = (entry: Entry): Entry[] => {
  const id = (entry[1] as { id: string }).id;
  return [entry, aDecision(id)];
};
const aPair = (mentor: string, mentee: string, fields: Partial<Pair> = {}): Entry => {
  const pair: Pair = {
    schemaVersion: 1,
    id: pairIdOf(mentor, mentee),
    cohort: '2026-2027',
    mentor,
    mentee,
    status: 'proposed',
    proposedBy: 'matching',
    meetingMode: 'visio',
    objectives: ['choisir-dernier-stage'],
    score: { total: 0, rules: [] },
    events: [{ type: 'proposed', at: '2026-10-01T10:00:00.000Z' }],
    ...fields,
  };
  return [pairPath(pair.id), pair];
};
const someEdits = (cohort: string, fields: Partial<MatchingEdits> = {}): Entry => [
  matchingEditsPath(cohort),
  { schemaVersion: 1, cohort, mode: 'best', forbidden: [], withdrawn: [], ...fields },
];
const at = '2026-10-02T10:00:00.000Z';

/** The files of a data repository, every one of them a valid record. */
function repository(...entries: (Entry | Entry[])[]): Map<string, string> {
  // An entry is itself an array: a list of entries is told apart by its first item.
  const flat = entries.flatMap((e) => (Array.isArray(e[0]) ? (e as Entry[]) : [e as Entry]));
  const files = new Map(
    flat.map(([path, record]) => [path, `${JSON.stringify(record, null, 2)}\n`]),
  );
  expect(sortRecords(files).unreadable).toEqual([]);
  return files;
}

const capacityMax = 3;
const problemsOf = (files: Map<string, string>, max = capacityMax) =>
  pairRules(sortRecords(files), max);

/** Two accepted mentors (2 places each) and three accepted mentorés. */
const people = () => [
  ...accepted(aMentor('mentor-aaaaaa')),
  ...accepted(aMentor('mentor-dddddd')),
  ...accepted(aMentee('mentee-bbbbbb')),
  ...accepted(aMentee('mentee-cccccc')),
  ...accepted(aMentee('mentee-eeeeee')),
];

describe('the pair rules', () => {
  it('find nothing wrong in pairs that keep every rule', () => {
    const files = repository(
      people(),
      // mentor-aaaaaa uses both places, one pair being paused.
      aPair('mentor-aaaaaa', 'mentee-bbbbbb'),
      aPair('mentor-aaaaaa', 'mentee-cccccc', { status: 'paused' }),
      aPair('mentor-dddddd', 'mentee-eeeeee', { status: 'active' }),
      // A closed pair holds nobody: both its people are in other pairs.
      aPair('mentor-dddddd', 'mentee-bbbbbb', { status: 'closed' }),
      someEdits('2026-2027', {
        forbidden: [{ mentor: 'mentor-dddddd', mentee: 'mentee-cccccc', at }],
        withdrawn: [{ mentor: 'mentor-dddddd', mentee: 'mentee-bbbbbb', at }],
      }),
    );
    expect(problemsOf(files)).toEqual([]);
    // So does the whole validation, the application rules included.
    const context = { ...rulesSettingsFrom(programmeSettings()), mentorCapacityMax: capacityMax };
    expect(validateRepository(files, context).problems).toEqual([]);
  });

  it('name a pair after its two people', () => {
    const [, pair] = aPair('mentor-aaaaaa', 'mentee-bbbbbb');
    const misnamed = { ...(pair as Pair), id: 'pair-aaaaaa-cccccc' };
    const files = repository(people(), [pairPath(misnamed.id), misnamed]);
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "id",
          "file": "pairs/pair-aaaaaa-cccccc.json",
          "message": "ce binôme associe mentor-aaaaaa et mentee-bbbbbb : son identifiant doit être pair-aaaaaa-bbbbbb (et son fichier pair-aaaaaa-bbbbbb.json)",
        },
      ]
    `);
  });

  it('pair a mentor who exists', () => {
    const files = repository(people(), aPair('mentor-zzzzzz', 'mentee-bbbbbb'));
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "mentor",
          "file": "pairs/pair-zzzzzz-bbbbbb.json",
          "message": "le mentor mentor-zzzzzz n’existe pas dans applications/mentors/ (ou sa candidature n’est pas valide)",
        },
      ]
    `);
  });

  it('pair a mentoré whose application is valid', () => {
    const files = repository(people(), aPair('mentor-aaaaaa', 'mentee-ffffff'));
    // The application is there, but unreadable: it is no mentoré.
    files.set('applications/mentees/mentee-ffffff.json', '{ "id": "mentee-ffffff" }');
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "mentee",
          "file": "pairs/pair-aaaaaa-ffffff.json",
          "message": "le mentoré mentee-ffffff n’existe pas dans applications/mentees/ (ou sa candidature n’est pas valide)",
        },
      ]
    `);
  });

  it('propose a pair only between accepted people, and leave accepted pairs be', () => {
    const files = repository(
      people(),
      // mentee-gggggg applied but was waitlisted, mentee-hhhhhh has no decision yet.
      aMentee('mentee-gggggg'),
      aDecision('mentee-gggggg', 'waitlisted'),
      aMentee('mentee-hhhhhh'),
      aPair('mentor-aaaaaa', 'mentee-gggggg'),
      // Accepted before their decision changed: not checked again.
      aPair('mentor-dddddd', 'mentee-hhhhhh', { status: 'accepted' }),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "mentee",
          "file": "pairs/pair-aaaaaa-gggggg.json",
          "message": "ce binôme est proposé, mais la candidature mentee-gggggg n’est pas acceptée (screening/mentee-gggggg.json) : seules les personnes acceptées entrent dans un binôme",
        },
      ]
    `);
    // Without its decision, the proposed pair's mentor is not accepted either.
    files.delete(screeningPath('mentor-aaaaaa'));
    expect(problemsOf(files).map((p) => [p.file, p.field])).toEqual([
      ['pairs/pair-aaaaaa-gggggg.json', 'mentor'],
      ['pairs/pair-aaaaaa-gggggg.json', 'mentee'],
    ]);
  });

  it('put each mentoré in at most one pair that holds them, reporting every pair after the first', () => {
    const files = repository(
      people(),
      aPair('mentor-aaaaaa', 'mentee-bbbbbb', { status: 'active' }),
      aPair('mentor-dddddd', 'mentee-bbbbbb'),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "mentee",
          "file": "pairs/pair-dddddd-bbbbbb.json",
          "message": "le mentoré mentee-bbbbbb est déjà dans le binôme pair-aaaaaa-bbbbbb : une personne n’est que dans un binôme à la fois (proposé, accepté, en cours ou en pause)",
        },
      ]
    `);
  });

  it('keep each mentor within the places they offered', () => {
    const files = repository(
      accepted(aMentor('mentor-aaaaaa', { 'profile.capacity': '1' })),
      accepted(aMentee('mentee-bbbbbb')),
      accepted(aMentee('mentee-cccccc')),
      aPair('mentor-aaaaaa', 'mentee-bbbbbb', { status: 'paused' }),
      aPair('mentor-aaaaaa', 'mentee-cccccc'),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "mentor",
          "file": "pairs/pair-aaaaaa-cccccc.json",
          "message": "ce binôme dépasse la capacité du mentor mentor-aaaaaa : il est déjà dans le binôme pair-aaaaaa-bbbbbb, soit autant de mentorés qu’il a proposé d’accompagner, dans la limite de 3 fixée par le programme",
        },
      ]
    `);
  });

  it('keep each mentor within the programme’s maximum, whatever they offered', () => {
    const files = repository(
      people(),
      aPair('mentor-aaaaaa', 'mentee-bbbbbb'),
      aPair('mentor-aaaaaa', 'mentee-cccccc'),
      aPair('mentor-aaaaaa', 'mentee-eeeeee', { status: 'closed' }),
    );
    expect(problemsOf(files, 2)).toEqual([]);
    expect(problemsOf(files, 1)).toMatchInlineSnapshot(`
      [
        {
          "field": "mentor",
          "file": "pairs/pair-aaaaaa-cccccc.json",
          "message": "ce binôme dépasse la capacité du mentor mentor-aaaaaa : il est déjà dans le binôme pair-aaaaaa-bbbbbb, soit autant de mentorés qu’il a proposé d’accompagner, dans la limite de 1 fixée par le programme",
        },
      ]
    `);
  });

  it('pair no one whose meeting modes exclude each other', () => {
    const files = repository(
      accepted(aMentor('mentor-aaaaaa')),
      accepted(aMentee('mentee-bbbbbb', { 'profile.meetingMode': 'presentiel' })),
      aPair('mentor-aaaaaa', 'mentee-bbbbbb', { status: 'active' }),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "meetingMode",
          "file": "pairs/pair-aaaaaa-bbbbbb.json",
          "message": "ce binôme enfreint une règle de l’appariement — modes de rencontre incompatibles : le mentoré souhaite des rencontres en personne seulement, le mentor en visioconférence seulement",
        },
      ]
    `);
  });

  it('pair no one in a conflict of interest', () => {
    const files = repository(
      accepted(aMentor('mentor-aaaaaa', { 'profile.organisation': 'Lycée Eugène Ionesco' })),
      accepted(aMentee('mentee-bbbbbb')),
      aPair('mentor-aaaaaa', 'mentee-bbbbbb'),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "mentor",
          "file": "pairs/pair-aaaaaa-bbbbbb.json",
          "message": "ce binôme enfreint une règle de l’appariement — conflit d’intérêts : le mentor travaille dans l’établissement du mentoré",
        },
      ]
    `);
  });

  it('propose no pair a coordinator forbade, in any cohort, but keep one accepted before', () => {
    const files = repository(
      people(),
      aPair('mentor-aaaaaa', 'mentee-bbbbbb'),
      aPair('mentor-dddddd', 'mentee-cccccc', { status: 'accepted' }),
      someEdits('2025-2026', {
        forbidden: [
          { mentor: 'mentor-aaaaaa', mentee: 'mentee-bbbbbb', at },
          { mentor: 'mentor-dddddd', mentee: 'mentee-cccccc', at },
        ],
      }),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "id",
          "file": "pairs/pair-aaaaaa-bbbbbb.json",
          "message": "ce binôme enfreint une règle de l’appariement — cette association a été interdite par une coordinatrice ou un coordinateur (/interdire)",
        },
      ]
    `);
  });

  it('hold matching edits to people who exist', () => {
    const files = repository(
      people(),
      someEdits('2026-2027', {
        forbidden: [{ mentor: 'mentor-zzzzzz', mentee: 'mentee-bbbbbb', at }],
        withdrawn: [
          { mentor: 'mentor-aaaaaa', mentee: 'mentee-bbbbbb', at },
          { mentor: 'mentor-aaaaaa', mentee: 'mentee-yyyyyy', at },
        ],
      }),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        {
          "field": "forbidden.0.mentor",
          "file": "matching/2026-2027.json",
          "message": "cette interdiction (/interdire) porte sur le mentor mentor-zzzzzz, qui n’existe pas dans applications/mentors/ (ou dont la candidature n’est pas valide)",
        },
        {
          "field": "withdrawn.1.mentee",
          "file": "matching/2026-2027.json",
          "message": "ce retrait (/retirer) porte sur le mentoré mentee-yyyyyy, qui n’existe pas dans applications/mentees/ (ou dont la candidature n’est pas valide)",
        },
      ]
    `);
  });

  it('never quote what a person wrote, even when every rule breaks', () => {
    const recognisable = {
      'identity.firstName': 'Prénomreconnaissable',
      'identity.lastName': 'Nomreconnaissable',
    };
    const organisation = 'Organisation Reconnaissable Quetzal';
    const files = repository(
      accepted(
        aMentor('mentor-aaaaaa', {
          ...recognisable,
          'profile.organisation': organisation,
          'profile.capacity': '1',
          'profile.meetingMode': 'presentiel',
          'profile.organisationsToAvoid': 'Établissement Reconnaissable Xylophone',
        }),
      ),
      aMentee('mentee-bbbbbb', {
        ...recognisable,
        'profile.meetingMode': 'visio',
        'profile.eligibility.school': 'Établissement Reconnaissable Xylophone',
        'profile.studies.field': 'Étude Reconnaissable Zanzibar',
        'profile.organisationsToAvoid': organisation,
      }),
      aDecision('mentee-bbbbbb', 'declined'),
      accepted(aMentee('mentee-cccccc', recognisable)),
      aPair('mentor-aaaaaa', 'mentee-bbbbbb'),
      // Misnamed, and beyond the mentor's one place.
      aPair('mentor-aaaaaa', 'mentee-cccccc', { id: 'pair-aaaaaa-ffffff' }),
      someEdits('2026-2027', {
        forbidden: [{ mentor: 'mentor-aaaaaa', mentee: 'mentee-bbbbbb', at }],
      }),
    );
    const problems = problemsOf(files);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['pairs/pair-aaaaaa-bbbbbb.json', 'mentee'],
      ['pairs/pair-aaaaaa-bbbbbb.json', 'meetingMode'],
      ['pairs/pair-aaaaaa-bbbbbb.json', 'mentor'],
      ['pairs/pair-aaaaaa-bbbbbb.json', 'id'],
      ['pairs/pair-aaaaaa-ffffff.json', 'id'],
      ['pairs/pair-aaaaaa-ffffff.json', 'mentor'],
    ]);
    const written = JSON.stringify(problems);
    for (const value of [
      ...personalStrings(),
      'Prénomreconnaissable',
      'Nomreconnaissable',
      'Reconnaissable',
      'Quetzal',
      'Xylophone',
      'Zanzibar',
      'Entreprise Fictive',
      'Eugène',
      'BTS services',
    ])
      expect(written.toLowerCase()).not.toContain(value.toLowerCase());
  });
});
