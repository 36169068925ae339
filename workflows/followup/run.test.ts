import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { followUpPath, pairPath } from '../../schemas/data-layout.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import type { Pair, PairEvent } from '../../schemas/pair.schema.ts';
import { checkFollowUp } from '../../schemas/validators.ts';
import { pairText } from '../../scripts/matching/pair-record.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import {
  aBilanRecord,
  aCheckInRecord,
  aCoordinatorRecord,
  aSignedPair,
  followUpSecret,
  pairIdOf,
} from '../../tests/helpers/follow-up-records.ts';
import { gitHubHarness } from '../../tests/helpers/github-harness.ts';
import { programmeSettings } from '../../tests/helpers/intake-harness.ts';
import type { Core } from '../core.ts';
import { followUpLabel, run } from './run.ts';

// Issue 12, the weekly follow-up issue on the GitHub stand-in: one issue, updated in place, its
// settled lines ticked, one comment when lines are new; an unreadable file never stops it.

const settings = programmeSettings((s) => {
  s.cohorts = [
    {
      id: '2026-2027',
      label: 'octobre 2026',
      applicationsOpen: '2026-06-01',
      applicationsClose: '2026-09-15',
      start: '2026-10-01',
      end: '2027-06-30',
    },
  ];
  s.mentoring.plannedEnd = 'cohort-end';
});

const secret = followUpSecret;
const aPair = (n: number, later: PairEvent[] = []): Pair => aSignedPair(n, later);
const checkIn = (n: number, sent: string, meeting: string, wantsContact = false) =>
  aCheckInRecord(pairIdOf(n), 'mentee', sent, [meeting], wantsContact);
const contact = (n: number, on: string) => aCoordinatorRecord(pairIdOf(n), 'contact', on);
const bilan = (n: number, sent: string) =>
  aBilanRecord(pairIdOf(n), 'mentor', sent, {
    objectivesReached: 'partly',
    satisfaction: 4,
    words: { text: `Merci à ${secret}.`, sharing: 'coordinators' },
  });

const recordFile = (record: FollowUp) => {
  expect(checkFollowUp(record).ok).toBe(true);
  return {
    path: followUpPath(record.pairId, record.submittedAt, record.role),
    content: `${JSON.stringify(record, null, 2)}\n`,
  };
};

function fakeCore() {
  const outputs: Record<string, unknown> = {};
  const failures: string[] = [];
  const written: string[] = [];
  let pending: string[] = [];
  const summary: Core['summary'] = {
    addHeading: (text) => (pending.push(text), summary),
    addTable: (rows) => (
      pending.push(rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.data))).join('|')),
      summary
    ),
    addRaw: (text) => (pending.push(text), summary),
    write: () => {
      written.push(...pending);
      pending = [];
      return Promise.resolve();
    },
  };
  const core: Core = {
    setOutput: (k, v) => void (outputs[k] = v),
    setFailed: (m) => void failures.push(m),
    info: (m) => void written.push(m),
    summary,
  };
  return { core, outputs, failures, written };
}

const fileUrl = (path: string) => `https://github.com/clavim/mentorat-donnees/blob/main/${path}`;
const at = (day: string) => () => new Date(`${day}T06:00:00.000Z`);

describe('the weekly follow-up issue', () => {
  it('keeps one issue up to date, ticks what got settled, comments only on new lines, and goes past an unreadable file', async () => {
    const { store, standIn } = gitHubHarness();
    const commit = (files: { path: string; content: string }[]) =>
      (store as DataStore).commit(files, 'Test data');
    const early = aPair(4, [
      {
        type: 'closed',
        at: '2026-12-01T10:00:00.000Z',
        outcome: 'early',
        reasonCode: 'other',
        reason: secret,
      },
    ]);
    await commit([
      ...[aPair(1), aPair(2), aPair(3), early].map((p) => ({
        path: pairPath(p.id),
        content: pairText(p),
      })),
      recordFile(checkIn(1, '2026-10-21', '2026-10-20', true)),
      recordFile(checkIn(3, '2026-10-21', '2026-10-20')),
      recordFile(bilan(4, '2026-12-02')),
      // A hand edit that broke one of pair 3's files: skipped and counted, never the end of it.
      {
        path: followUpPath(pairIdOf(3), '2026-10-25T10:00:00.000Z', 'mentor'),
        content: `{"words": "${secret}"`,
      },
    ]);

    const first = fakeCore();
    await run({ store, core: first.core, settings, now: at('2026-10-28'), fileUrl });
    expect(first.failures).toEqual([]);
    expect(standIn.issues).toHaveLength(1);
    const issue = standIn.issues[0]!;
    expect(issue.labels).toEqual([followUpLabel]);
    expect(issue.title).toBe('Suivi des binômes — semaine du 26 octobre 2026');
    expect(issue.body).toContain(
      `- [ ] [${pairIdOf(1)}](${fileUrl(pairPath(pairIdOf(1)))}) — Un participant demande à être contacté (point d’étape du 21 octobre) <!-- binome:${pairIdOf(1)}:help-requested:2026-10-21 -->`,
    );
    expect(issue.body).toContain(
      `- [ ] [${pairIdOf(2)}](${fileUrl(pairPath(pairIdOf(2)))}) — Première rencontre non signalée depuis le 27 octobre`,
    );
    expect(issue.body).not.toContain(`[${pairIdOf(3)}](${fileUrl(pairPath(pairIdOf(3)))}) —`);
    expect(issue.body).toContain('1 fichier n’a pas pu être lu');
    expect(issue.body).toContain('`/contact <binôme> [date]`');
    expect(standIn.comments.map((c) => c.body)).toEqual([
      `2 nouveaux points à traiter dans le suivi des binômes\u00a0: ${pairIdOf(1)} (un participant demande à être contacté), ${pairIdOf(2)} (première rencontre non signalée).`,
    ]);
    expect(first.outputs).toEqual({
      issue: issue.number,
      followed: 3,
      open: 2,
      new: 2,
      settled: 0,
      due: expect.any(Number) as number,
      unreadable: 1,
    });

    // The next day: a coordinator noted a contact with pair 1.
    await commit([recordFile(contact(1, '2026-10-29'))]);
    const second = fakeCore();
    await run({ store, core: second.core, settings, now: at('2026-10-29'), fileUrl });
    expect(second.failures).toEqual([]);
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues.filter((i) => i.labels.includes(followUpLabel))).toHaveLength(1);
    expect(standIn.issues[0]!.number).toBe(issue.number);
    const body = standIn.issues[0]!.body;
    expect(body).toContain(
      `- [x] [${pairIdOf(1)}](${fileUrl(pairPath(pairIdOf(1)))}) — Un participant demande à être contacté\u00a0: réglé le 29 octobre <!-- binome:${pairIdOf(1)}:help-requested:2026-10-21:2026-10-29 -->`,
    );
    expect(body).toContain(`- [ ] [${pairIdOf(2)}]`);
    expect(standIn.comments).toHaveLength(1);
    expect(second.outputs).toMatchObject({ open: 1, new: 0, settled: 1, unreadable: 1 });

    // Two weeks on: pair 2's check-in is overdue too, a new line, so one more comment; the line
    // settled stays ticked, with its day.
    const third = fakeCore();
    await run({ store, core: third.core, settings, now: at('2026-11-12'), fileUrl });
    expect(standIn.issues).toHaveLength(1);
    expect(standIn.issues[0]!.title).toBe('Suivi des binômes — semaine du 9 novembre 2026');
    expect(standIn.issues[0]!.body).toContain('réglé le 29 octobre');
    expect(standIn.comments.map((c) => c.body).at(-1)).toBe(
      `Nouveau point à traiter dans le suivi des binômes\u00a0: ${pairIdOf(2)} (point d’étape en retard).`,
    );
    expect(standIn.comments).toHaveLength(2);

    const everything = [
      JSON.stringify(standIn.issues),
      JSON.stringify(standIn.comments),
      ...[first, second, third].flatMap((c) => [...c.written, JSON.stringify(c.outputs)]),
    ].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('mentor-aaaaa');
    expect(everything).not.toContain('mentee-bbbbb');
    expect(everything).not.toContain(pairIdOf(4));
  });

  it('fails the job, in words, when the data repository cannot be read', async () => {
    const { store } = gitHubHarness();
    const broken = new Proxy(store, {
      get(target, property) {
        if (property === 'listFiles') return () => Promise.reject(new Error('boom'));
        return Reflect.get(target, property) as unknown;
      },
    });
    const { core, failures } = fakeCore();
    await run({ store: broken, core, settings, now: at('2026-10-28'), fileUrl });
    expect(failures).toEqual(['Follow-up report could not run: Error: boom']);
  });

  it('runs with the least permissions: reading the data, writing the issue', async () => {
    const workflow = parse(await readFile('.github/workflows/followup-data.yml', 'utf8')) as {
      on: Record<string, unknown>;
      permissions: unknown;
      jobs: Record<string, { permissions: unknown; steps: { run?: string }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(workflow.permissions).toEqual({});
    expect(Object.values(workflow.jobs).map((j) => j.permissions)).toEqual([
      { contents: 'read', issues: 'write' },
    ]);
    expect(workflow.jobs['followup']!.steps.at(-1)!.run).toBe(
      'node_modules/.bin/node workflows/followup/main.ts',
    );
  });
});
