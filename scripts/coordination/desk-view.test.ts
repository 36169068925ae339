import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicationPath, pairPath, screeningPath } from '../../schemas/data-layout.ts';
import { readSettings } from '../../schemas/read-settings.ts';
import type { ScreeningDecision } from '../../schemas/screening-decision.schema.ts';
import { aMentee, aMentor } from '../dev/matching-people.ts';
import { pairText } from '../matching/pair-record.ts';
import { sortRecords } from '../records/sort-records.ts';
import { aPair } from '../../tests/helpers/a-pair.ts';
import { aSignedPair } from '../../tests/helpers/follow-up-records.ts';
import { deskView } from './desk-view.ts';

const settings = readSettings(readFileSync('content/programme.yaml', 'utf8'));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const decision = (id: string, status: ScreeningDecision['status']): ScreeningDecision => ({
  schemaVersion: 1,
  id,
  status,
  updatedAt: '2026-11-25T10:00:00.000Z',
  history: [
    { status: 'interviewed', at: '2026-11-20T10:00:00.000Z' },
    { status, at: '2026-11-25T10:00:00.000Z', reason: 'Entretien fait' },
  ],
});

function records(extra: [string, string][] = []) {
  const files = new Map<string, string>([
    [
      applicationPath('mentee-aaaaa1'),
      json(aMentee('mentee-aaaaa1', {}, { submittedAt: '2026-11-10T10:00:00.000Z' })),
    ],
    [
      applicationPath('mentee-aaaaa2'),
      json(aMentee('mentee-aaaaa2', {}, { submittedAt: '2026-11-12T10:00:00.000Z' })),
    ],
    [applicationPath('mentee-aaaaa3'), json(aMentee('mentee-aaaaa3'))],
    [applicationPath('mentor-bbbbb1'), json(aMentor('mentor-bbbbb1'))],
    [applicationPath('mentor-bbbbb2'), json(aMentor('mentor-bbbbb2'))],
    [screeningPath('mentee-aaaaa2'), json(decision('mentee-aaaaa2', 'interviewed'))],
    [screeningPath('mentee-aaaaa3'), json(decision('mentee-aaaaa3', 'declined'))],
    [screeningPath('mentor-bbbbb1'), json(decision('mentor-bbbbb1', 'accepted'))],
    [screeningPath('mentor-bbbbb2'), json(decision('mentor-bbbbb2', 'accepted'))],
    ...extra,
  ]);
  return sortRecords(files);
}

describe('deskView', () => {
  it('lists the applications still to decide, newest first, with the person and the history', () => {
    const view = deskView({ records: records(), branches: [], settings, today: '2026-12-01' });
    expect(view.applications.map((a) => [a.id, a.status])).toEqual([
      ['mentee-aaaaa2', 'interviewed'],
      ['mentee-aaaaa1', 'new'],
    ]);
    const [first] = view.applications;
    expect(first).toMatchObject({
      name: 'Zéphyrine Testaccio',
      phone: '06 11 22 33 44',
      commune: 'Issy-les-Moulineaux',
      age: 21,
      statusLabel: 'Entretien réalisé',
    });
    expect(first!.history).toEqual([
      '20 novembre 2026 : entretien réalisé',
      '25 novembre 2026 : entretien réalisé (« Entretien fait »)',
    ]);
    expect(first!.profile.some((line) => line.label === 'Domaine d’études')).toBe(true);
  });

  it('shows the accepted pairs and the ones the follow-up watches, never a closed one that is settled', () => {
    const accepted = aPair('mentor-bbbbb1', 'mentee-aaaaa3');
    const closed = { ...aPair('mentor-bbbbb2', 'mentee-aaaaa2', 'closed') };
    closed.events = [
      ...closed.events,
      { type: 'closed' as const, at: '2026-12-06T10:00:00.000Z', reason: 'disagreement' },
    ];
    const view = deskView({
      records: records([
        [pairPath(accepted.id), pairText(accepted)],
        [pairPath(closed.id), pairText(closed)],
      ]),
      branches: [],
      settings,
      today: '2026-12-10',
    });
    expect(view.pairs.map((p) => [p.id, p.statusLabel, p.conventionReady])).toEqual([
      [accepted.id, 'Accepté (convention à signer)', true],
    ]);
    expect(view.pairs[0]!.mentee.name).toBe('Zéphyrine Testaccio');
  });

  it('says a followed pair’s flags and dues in the weekly report’s words', () => {
    // Signed, its cohort under way since 11 January 2027, no meeting reported: late for its
    // first meeting, and a contact still to make.
    const pair = {
      ...aSignedPair(1),
      mentor: 'mentor-bbbbb1',
      mentee: 'mentee-aaaaa3',
      id: 'pair-bbbbb1-aaaaa3',
    };
    const view = deskView({
      records: records([[pairPath(pair.id), pairText(pair)]]),
      branches: [],
      settings,
      today: '2027-02-15',
    });
    expect(view.pairs).toHaveLength(1);
    expect(view.pairs[0]!.statusLabel).toBe('En cours');
    expect(view.pairs[0]!.flags).toEqual(['Première rencontre non signalée depuis le 2 février']);
    expect(view.pairs[0]!.due).toEqual([
      'contact de l’équipe à faire (prévu depuis le 26 janvier)',
    ]);
  });

  it('shows a proposal while its branch holds pairs or edits main has not, and none once accepted', () => {
    const proposed = aPair('mentor-bbbbb1', 'mentee-aaaaa4', 'proposed');
    const accepted4: [string, string][] = [
      [applicationPath('mentee-aaaaa4'), json(aMentee('mentee-aaaaa4'))],
      [screeningPath('mentee-aaaaa4'), json(decision('mentee-aaaaa4', 'accepted'))],
    ];
    const main = records(accepted4);
    const withPair = deskView({
      records: main,
      branches: [{ cohort: '2026-2027', pairs: [proposed] }],
      settings,
      today: '2026-12-01',
    });
    expect(withPair.proposals.map((p) => p.pairs.map((x) => x.id))).toEqual([[proposed.id]]);
    // Every pair withdrawn: the edits differ from main's, the proposal is still to complete.
    const edits = {
      schemaVersion: 1 as const,
      cohort: '2026-2027',
      mode: 'best' as const,
      forbidden: [],
      withdrawn: [
        { mentor: 'mentor-bbbbb1', mentee: 'mentee-aaaaa4', at: '2026-11-30T10:00:00.000Z' },
      ],
    };
    const emptied = deskView({
      records: main,
      branches: [{ cohort: '2026-2027', pairs: [], edits }],
      settings,
      today: '2026-12-01',
    });
    expect(emptied.proposals).toHaveLength(1);
    expect(emptied.proposals[0]!.unmatched.map((u) => u.person.id)).toEqual(['mentee-aaaaa4']);
    expect(emptied.proposals[0]!.unmatched[0]!.person.name).toBe('Zéphyrine Testaccio');
    // Accepted: main holds the pair, the branch nothing more.
    const merged = deskView({
      records: records([...accepted4, [pairPath(proposed.id), pairText(proposed)]]),
      branches: [{ cohort: '2026-2027', pairs: [proposed] }],
      settings,
      today: '2026-12-01',
    });
    expect(merged.proposals).toEqual([]);
  });
});
