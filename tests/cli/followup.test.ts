import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { followUpPath, pairPath } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { runFollowUp } from '../../scripts/commands/run-followup.ts';
import { UsageError } from '../../scripts/commands/usage-error.ts';
import { addDays, followUpRulesFrom } from '../../scripts/followup/follow-up-rules.ts';
import { mondayOf } from '../../scripts/followup/follow-up-report.ts';
import { pairDates } from '../../scripts/followup/pair-dates.ts';
import { pairText } from '../../scripts/matching/pair-record.ts';
import { frenchDate } from '../../schemas/next-cohort.ts';
import { aPair } from '../helpers/a-pair.ts';
import { intakeHarness, programmeSettings } from '../helpers/intake-harness.ts';
import { runCommand } from '../helpers/run-command.ts';

// Issue 12: `npm run followup` prints the weekly follow-up report on the embedded default, the
// same as the issue's, by pair id only; `--date` shows it as of another day.

const git = async (...args: string[]) => (await promisify(execFile)('git', args)).stdout;
const secret = 'Zébulon Quatremains';
const settings = programmeSettings();

/** A pair of the settings' cohort 2026-2027, signed on its first day, paused once with a motif. */
function signedPair(): Pair {
  const pair = aPair('mentor-aaaaaa', 'mentee-bbbbbb', 'active');
  const cohort = settings.cohorts.find((c) => c.id === pair.cohort)!;
  pair.events.push(
    {
      type: 'signed',
      at: `${cohort.start}T09:00:00.000Z`,
      signatures: { mentor: cohort.start, mentee: cohort.start, structure: cohort.start },
    },
    { type: 'paused', at: `${addDays(cohort.start, 1)}T09:00:00.000Z`, reason: secret },
    { type: 'resumed', at: `${addDays(cohort.start, 2)}T09:00:00.000Z` },
  );
  return pair;
}

async function world() {
  const { store, directory } = await intakeHarness();
  const pair = signedPair();
  await store.commit([{ path: pairPath(pair.id), content: pairText(pair) }], 'Add a pair');
  const dates = pairDates(pair, settings);
  // The first meeting is due within firstMeetingWithinDays days of mentoring (the one paused day
  // not counted): the day after, the pair is flagged.
  const late = addDays(dates.start, followUpRulesFrom(settings).firstMeetingWithinDays + 2);
  return { store, directory, pair, late };
}

const day = (date: string) => frenchDate(date).replace(/ \d{4}$/, '');

describe('npm run followup', () => {
  it('prints the week’s report by pair id only, as of the day given', async () => {
    const { directory, pair, late } = await world();
    const flagged = await runCommand('followup', directory, ['--date', late]);
    expect(flagged.stderr).toBe('');
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toContain(
      `# Suivi des binômes — semaine du ${frenchDate(mondayOf(late))}\n`,
    );
    expect(flagged.stdout).toContain(
      `- [ ] **${pair.id}** — Première rencontre non signalée depuis le ${day(late)}\n`,
    );
    expect(flagged.stdout).toContain('**1 binôme suivi**');
    expect(flagged.stdout).toContain('`npm run pair -- <binôme> contact [date]`');
    expect(flagged.stdout).not.toContain('<!--');
    expect(flagged.stdout).not.toContain(secret);
    expect(flagged.stdout).not.toContain(pair.mentor);
    expect(flagged.stdout).not.toContain(pair.mentee);

    const before = await runCommand('followup', directory, ['--date', addDays(late, -1)]);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('Rien à traiter.');

    // Without a date: today, in the programme's time zone.
    const today = await runCommand('followup', directory, []);
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/^# Suivi des binômes — semaine du /);
  });

  it('goes past a follow-up file it cannot read, and says so', async () => {
    const { store, directory, pair, late } = await world();
    await store.commit(
      [
        {
          path: followUpPath(pair.id, `${late}T08:00:00.000Z`, 'mentee'),
          content: `{"words": "${secret}"`,
        },
      ],
      'A mistaken edit',
    );
    const result = await runCommand('followup', directory, ['--date', late]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 fichier n’a pas pu être lu');
    expect(result.stdout).toContain(`Binômes concernés`);
    expect(result.stdout).not.toContain(secret);
  });

  it('answers a mistake in French, with the help on demand', async () => {
    const { directory } = await world();
    const help = await runCommand('followup', directory, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run followup -- --date AAAA-MM-JJ');
    const wrongDay = await runCommand('followup', directory, ['--date', '2027-02-30']);
    expect(wrongDay.code).toBe(2);
    expect(wrongDay.stderr).toContain('La date doit être un jour qui existe');
    expect(wrongDay.stderr).not.toMatch(/\n\s+at .*:\d+/);
    const extra = await runCommand('followup', directory, ['Zébulon']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('Utilisation');
    expect(extra.stderr).not.toContain('Zébulon');
    expect((await runCommand('followup', directory, ['--jour', 'x'])).code).toBe(2);
  });

  it('reads the clock it is given, and writes nothing', async () => {
    const { store, directory, pair, late } = await world();
    const head = () => git('-C', directory, 'rev-parse', 'HEAD');
    const before = await head();
    const printed: string[] = [];
    await runFollowUp([], {
      store,
      settings,
      now: () => new Date(`${late}T10:00:00.000Z`),
      print: (line) => void printed.push(line),
    });
    expect(printed.join('\n')).toContain(`**${pair.id}** — Première rencontre non signalée`);
    expect(await head()).toEqual(before);
    await expect(
      runFollowUp(['--date', '18/01/2027'], {
        store,
        settings,
        now: () => new Date(),
        print: () => {},
      }),
    ).rejects.toThrow(UsageError);
  });
});
