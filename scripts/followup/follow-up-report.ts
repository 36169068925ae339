import { isPairId, locate } from '../../schemas/data-layout.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { frenchDate } from '../../schemas/next-cohort.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { followUpFacts } from './follow-up-facts.ts';
import { addDays, daysBetween, followUpRulesFrom, type FollowUpRules } from './follow-up-rules.ts';
import type { Due } from './follow-up-schedule.ts';
import { pairDates, type PairDateSettings } from './pair-dates.ts';
import { pairSituation, type Flag, type FlagCode } from './pair-flags.ts';
import { endedAsPlanned, isDay } from './pair-transitions.ts';

export { followUpLabel } from '../../schemas/data-layout.ts';

/** What the report looks ahead to. */
export const horizonDays = 7;

/** A line ticked as settled stays this many days, then drops. */
export const settledKeptDays = 56;

/** What the report needs of the settings (content/programme.yaml). */
export interface FollowUpReportSettings extends PairDateSettings {
  followUp?: Partial<FollowUpRules>;
}

/** One line of the report's task list: one flag of one pair. */
export interface ReportLine {
  pairId: string;
  code: FlagCode;
  /** The day the flag's condition started (YYYY-MM-DD). */
  since: string;
  /** The day the report first saw it settled (YYYY-MM-DD): the line is ticked. */
  settledOn?: string;
}

export interface FollowUpReportInput {
  pairs: readonly Pair[];
  /** Each pair's follow-up records (the one reader's `followUps`). */
  followUps: ReadonlyMap<string, readonly FollowUp[]>;
  /** The paths of the record files that could not be read (the one reader's `unreadable`). */
  unreadable?: readonly string[];
  settings: FollowUpReportSettings;
  /** YYYY-MM-DD, in the programme's time zone. */
  today: string;
  /** The issue's body before this run (empty for a new issue, or on a terminal). */
  previousBody?: string;
  /**
   * Where it is read: the issue (task list with hidden markers, comment commands) or a terminal
   * (the same Markdown, without markers, with `npm run pair` commands).
   */
  place?: 'issue' | 'terminal';
  /** The web address of a pair's file, to link its id; none on a terminal. */
  pairUrl?: (pairId: string) => string;
}

export interface FollowUpReport {
  /** « Suivi des binômes — semaine du 30 novembre 2026 » (the Monday of `today`'s week). */
  title: string;
  body: string;
  /** How many pairs are followed: under way, paused, or closed as planned without a bilan. */
  followed: number;
  /** The flags of today, one line each. */
  open: ReportLine[];
  /** The open lines that were not open in the previous body: the comment names them. */
  fresh: ReportLine[];
  /** The lines ticked as settled (today's and those of the last eight weeks). */
  settled: ReportLine[];
  /** How many items fall due in the coming days (overdue contacts and reviews included). */
  due: number;
  /** How many files could not be read; and the pairs they concern, whose lines may be wrong. */
  unreadable: number;
  uncertain: string[];
}

const flagOrder: FlagCode[] = [
  'help-requested',
  'first-meeting-late',
  'inactive',
  'check-in-overdue',
  'bilan-missing',
];

/** A flag in a few words: a settled line, and the comment that announces a new one. */
const flagLabels: Record<FlagCode, string> = {
  'first-meeting-late': 'Première rencontre non signalée',
  inactive: 'Aucune rencontre signalée récemment',
  'check-in-overdue': 'Point d’étape en retard',
  'help-requested': 'Un participant demande à être contacté',
  'bilan-missing': 'Bilan de fin non reçu',
};

/** Hidden after each line of the issue: `<!-- binome:<pairId>:<code>:<since>[:<settled>] -->`. */
const markerPattern =
  /<!-- binome:(pair-[0-9a-z]{6}-[0-9a-z]{6}):([a-z-]+):(\d{4}-\d{2}-\d{2})(?::(\d{4}-\d{2}-\d{2}))? -->/g;

const keyOf = (line: { pairId: string; code: FlagCode }) => `${line.pairId}:${line.code}`;

function marker(line: ReportLine): string {
  return `<!-- binome:${line.pairId}:${line.code}:${line.since}${line.settledOn ? `:${line.settledOn}` : ''} -->`;
}

/**
 * The lines of a previous body, from their hidden markers only: a pair id of the right shape, a
 * flag code the report knows and real days, or nothing. Whatever else the body holds (a
 * coordinator may edit it, tick a box) is never read, so nothing of it reaches the next body.
 */
export function linesInReport(body: string): ReportLine[] {
  const lines = new Map<string, ReportLine>();
  for (const [, pairId, code, since, settledOn] of body.matchAll(markerPattern)) {
    // The pattern takes pair ids of the right shape only; the code and days are checked here.
    if (!flagOrder.includes(code as FlagCode) || !isDay(since!)) continue;
    if (settledOn !== undefined && !isDay(settledOn)) continue;
    const line: ReportLine = {
      pairId: pairId!,
      code: code as FlagCode,
      since: since!,
      ...(settledOn ? { settledOn } : {}),
    };
    // A line twice (an edit): open wins over settled.
    const known = lines.get(keyOf(line));
    if (!known || (known.settledOn && !line.settledOn)) lines.set(keyOf(line), line);
  }
  return [...lines.values()];
}

/** The Monday of the week of `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

const byPairThenFlag = (a: ReportLine, b: ReportLine) =>
  a.pairId === b.pairId
    ? flagOrder.indexOf(a.code) - flagOrder.indexOf(b.code)
    : a.pairId < b.pairId
      ? -1
      : 1;

export interface Followed {
  pair: Pair;
  flags: Flag[];
  due: Due[];
  /** The last meeting reported, for « Aucune rencontre signalée depuis N jours ». */
  lastMeeting?: string;
  end: string;
}

/**
 * The pairs the follow-up watches on `input.today`: under way, paused, or closed as planned
 * without a bilan, each with its flags, what falls due in the coming `horizonDays` days and its
 * last meeting. What the weekly report and the coordinators' desk show. Pure.
 */
export function followedPairs(
  input: Pick<FollowUpReportInput, 'pairs' | 'followUps' | 'settings' | 'today'>,
): Followed[] {
  const { settings, today } = input;
  const rules = followUpRulesFrom(settings);
  const timeZone = settings.structure.timeZone;
  // Contacts not made pile up, and one contact answers them all: only the oldest is said.
  const lateContact = (d: Due) => d.kind === 'contact' && d.on < today;
  const followed: Followed[] = [];
  for (const pair of [...input.pairs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const facts = followUpFacts(input.followUps.get(pair.id) ?? [], timeZone);
    const under = pair.status === 'active' || pair.status === 'paused';
    // A bilan sent by `today` (a report of another day does not see a later one).
    const bilanSent = facts.some((f) => f.kind === 'bilan' && f.on <= today);
    if (!under && !(endedAsPlanned(pair) && !bilanSent)) continue;
    const dates = pairDates(pair, settings);
    const situation = pairSituation(pair, dates, facts, today, rules, horizonDays);
    const lastMeeting = facts
      .filter((f) => f.kind === 'meeting' && f.on <= today)
      .reduce<string | undefined>(
        (latest, f) => (!latest || f.on > latest ? f.on : latest),
        undefined,
      );
    followed.push({
      pair,
      flags: situation.flags,
      due: situation.due.filter(
        (d, i) => !lateContact(d) || situation.due.findIndex(lateContact) === i,
      ),
      end: dates.end,
      ...(lastMeeting ? { lastMeeting } : {}),
    });
  }
  return followed;
}

/**
 * The weekly follow-up report (issue 12): for each pair under way, paused, or closed as planned
 * without a bilan, its flags and what falls due in the coming `horizonDays` days, in French, by
 * pseudonymous pair id only: nothing of a pair's record or follow-ups is written but its id, its
 * status, flag codes and days (no name, no objective, no motif, no free text). As a task list:
 * one line per flag of a pair; a line of `previousBody` no longer flagged comes back ticked,
 * « réglé » on the day it was first seen so, and drops after `settledKeptDays` days. The lines of
 * a pair whose own file cannot be read stay as they were. Pure.
 */
export function followUpReport(input: FollowUpReportInput): FollowUpReport {
  const { today } = input;
  const place = input.place ?? 'issue';

  // Files that could not be read: the pairs they concern (ids of the right shape only).
  const unreadable = input.unreadable ?? [];
  const unreadablePairFiles = new Set<string>();
  const uncertain = new Set<string>();
  for (const path of unreadable) {
    const location = locate(path);
    const id =
      location.type === 'pair'
        ? location.id
        : location.type === 'follow-up'
          ? location.pairId
          : undefined;
    if (id === undefined || !isPairId(id)) continue;
    uncertain.add(id);
    if (location.type === 'pair') unreadablePairFiles.add(id);
  }

  const followed = followedPairs(input);

  const previous = linesInReport(input.previousBody ?? '');
  const wasOpen = new Set(previous.filter((l) => !l.settledOn).map(keyOf));
  const open: ReportLine[] = followed.flatMap(({ pair, flags }) =>
    flags.map((f) => ({ pairId: pair.id, code: f.code, since: f.since })),
  );
  const openKeys = new Set(open.map(keyOf));
  const settled: ReportLine[] = [];
  for (const line of previous) {
    if (openKeys.has(keyOf(line))) continue;
    // A pair whose file cannot be read: its lines stay as they were, neither settled nor new.
    if (unreadablePairFiles.has(line.pairId) && !line.settledOn) {
      open.push(line);
      continue;
    }
    const settledOn = line.settledOn ?? today;
    if (daysBetween(settledOn, today) <= settledKeptDays) settled.push({ ...line, settledOn });
  }
  open.sort(byPairThenFlag);
  settled.sort(byPairThenFlag);
  const fresh = open.filter((l) => !wasOpen.has(keyOf(l)));

  const situations = new Map(followed.map((f) => [f.pair.id, f]));
  const body = render({
    input,
    place,
    followed,
    open,
    settled,
    situations,
    unreadable: unreadable.length,
    uncertain: [...uncertain].sort(),
  });
  return {
    title: `Suivi des binômes — semaine du ${frenchDate(mondayOf(today))}`,
    body,
    followed: followed.length,
    open,
    fresh,
    settled,
    due: followed.reduce((n, f) => n + f.due.length, 0),
    unreadable: unreadable.length,
    uncertain: [...uncertain].sort(),
  };
}

/** The one comment that announces the new lines (GitHub e-mails it to the issue's watchers). */
export function freshLinesComment(fresh: readonly ReportLine[]): string {
  const items = fresh.map((l) => `${l.pairId} (${flagLabels[l.code].toLowerCase()})`);
  return frenchTypography(
    `${fresh.length === 1 ? 'Nouveau point à traiter' : `${fresh.length} nouveaux points à traiter`} dans le suivi des binômes : ${items.join(', ')}.`,
  );
}

interface RenderInput {
  input: FollowUpReportInput;
  place: 'issue' | 'terminal';
  followed: readonly Followed[];
  open: readonly ReportLine[];
  settled: readonly ReportLine[];
  situations: ReadonlyMap<string, Followed>;
  unreadable: number;
  uncertain: readonly string[];
}

const statusWords: Partial<Record<Pair['status'], string>> = {
  paused: 'en pause',
  closed: 'terminé',
};

/**
 * The French words of a flag and of what is due, as the weekly report writes them: shared with
 * the coordinators' desk. `situations` gives each pair's last meeting and planned end.
 */
export function followUpWording(today: string, situations: ReadonlyMap<string, Followed>) {
  const year = today.slice(0, 4);
  /** « 12 décembre », with the year when it is not this one. */
  const day = (date: string) => {
    const text = frenchDate(date);
    return date.slice(0, 4) === year ? text.slice(0, -5) : text;
  };
  const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const openText = (line: ReportLine): string => {
    const situation = situations.get(line.pairId);
    switch (line.code) {
      case 'first-meeting-late':
        return `Première rencontre non signalée depuis le ${day(line.since)}`;
      case 'inactive': {
        const last = situation?.lastMeeting;
        if (!last) return `Aucune rencontre signalée depuis le ${day(line.since)}`;
        const days = daysBetween(last, today);
        return `Aucune rencontre signalée depuis ${days} ${plural(days, 'jour', 'jours')} (la dernière le ${day(last)})`;
      }
      case 'check-in-overdue':
        return `Point d’étape en retard depuis le ${day(line.since)}`;
      case 'help-requested':
        return `Un participant demande à être contacté (point d’étape du ${day(line.since)})`;
      case 'bilan-missing':
        return `Bilan de fin non reçu (fin prévue le ${day(situation?.end ?? addDays(line.since, -1))})`;
    }
  };
  const dueText = (d: Due): string => {
    const late = d.on < today;
    switch (d.kind) {
      case 'first-meeting':
        return `première rencontre attendue au plus tard le ${day(d.on)}`;
      case 'contact':
        return late
          ? `contact de l’équipe à faire (prévu depuis le ${day(d.on)})`
          : `contact de l’équipe prévu le ${day(d.on)}`;
      case 'check-in':
        return `point d’étape attendu le ${day(d.on)}`;
      case 'mid-point-review':
        return late
          ? `point de mi-parcours à faire (prévu le ${day(d.on)})`
          : `point de mi-parcours prévu le ${day(d.on)}`;
      case 'bilan':
        return `fin prévue le ${day(d.on)} : bilan de fin attendu`;
    }
  };

  return { day, plural, openText, dueText };
}

function render(r: RenderInput): string {
  const { today } = r.input;
  const { day, plural, openText, dueText } = followUpWording(today, r.situations);
  const idOf = (pairId: string) => {
    const status = r.situations.get(pairId)?.pair.status;
    const words = status ? statusWords[status] : undefined;
    const link = r.input.pairUrl ? `[${pairId}](${r.input.pairUrl(pairId)})` : `**${pairId}**`;
    return words ? `${link} (${words})` : link;
  };
  const withMarker = (text: string, line: ReportLine) =>
    r.place === 'issue' ? `${text} ${marker(line)}` : text;

  const count = (status: (p: Pair) => boolean) => r.followed.filter((f) => status(f.pair)).length;
  const active = count((p) => p.status === 'active');
  const paused = count((p) => p.status === 'paused');
  const closed = count((p) => p.status === 'closed');
  const parts = [
    active ? `${active} en cours` : '',
    paused ? `${paused} en pause` : '',
    closed ? `${closed} ${plural(closed, 'terminé', 'terminés')} sans bilan reçu` : '',
  ].filter(Boolean);
  const lead =
    r.followed.length === 0
      ? `Aucun binôme à suivre au ${frenchDate(today)}.`
      : `**${r.followed.length} ${plural(r.followed.length, 'binôme suivi', 'binômes suivis')}** au ${frenchDate(today)} : ${parts.join(', ')}.`;

  const out: string[] = [lead, '', `### À traiter (${r.open.length})`, ''];
  if (r.open.length === 0) out.push('Rien à traiter.');
  else
    for (const line of r.open)
      out.push(withMarker(`- [ ] ${idOf(line.pairId)} — ${openText(line)}`, line));

  const dueLines = r.followed
    .filter((f) => f.due.length > 0)
    .map((f) => `- ${idOf(f.pair.id)} : ${f.due.map(dueText).join(' ; ')}`);
  out.push('', `### À faire ou attendu dans les ${horizonDays} prochains jours`, '');
  out.push(...(dueLines.length ? dueLines : ['Rien de prévu.']));

  if (r.settled.length > 0) {
    out.push('', `### Réglé ces ${settledKeptDays / 7} dernières semaines`, '');
    for (const line of r.settled)
      out.push(
        withMarker(
          `- [x] ${idOf(line.pairId)} — ${flagLabels[line.code]} : réglé le ${day(line.settledOn!)}`,
          line,
        ),
      );
  }

  if (r.unreadable > 0) {
    const concerned =
      r.uncertain.length > 0
        ? ` Binômes concernés, dont les points peuvent être faux ou restent tels qu’ils étaient : ${r.uncertain.join(', ')}.`
        : '';
    out.push(
      '',
      `> ⚠️ ${r.unreadable} ${plural(r.unreadable, 'fichier n’a pas pu être lu', 'fichiers n’ont pas pu être lus')} : la validation des données dit ${plural(r.unreadable, 'lequel', 'lesquels')} et pourquoi.${concerned}`,
    );
  }

  out.push('', '### Commandes', '');
  if (r.place === 'issue')
    out.push(
      'Commentez cette issue, une commande par ligne (seules les personnes qui ont le droit d’écriture sur ce dépôt le peuvent) :',
      '',
      '- `/signee <binôme> <date>` : la convention est signée (`--representant <date>` pour un mentoré mineur, ou `--majeur` s’il est devenu majeur) ;',
      '- `/pause <binôme>` et `/reprise <binôme>` ;',
      '- `/cloture <binôme> <motif>` : `prevue` à la fin prévue, ou avant elle indisponible, objectif-atteint, desaccord, manquement, autre ;',
      '- `/contact <binôme> [date]` : l’équipe a pris contact avec le binôme (cela répond à une demande de contact) ;',
      '- `/mi-parcours <binôme> [date]` : le point de mi-parcours a eu lieu ;',
      '- `/codes <binôme>` : de nouveaux codes de suivi, si un code est perdu (les fiches sont dans l’artefact de l’exécution « Commandes »).',
      '',
      'Les cases se cochent d’elles-mêmes quand les données montrent que c’est réglé. Cette issue est mise à jour chaque semaine ; elle ne donne que des identifiants de binômes : n’y écrivez jamais de nom.',
    );
  else
    out.push(
      '- `npm run pair -- <binôme> signee <date>` : la convention est signée ;',
      '- `npm run pair -- <binôme> pause` et `npm run pair -- <binôme> reprise` ;',
      '- `npm run pair -- <binôme> cloture <motif>` : `prevue` à la fin prévue, ou avant elle indisponible, objectif-atteint, desaccord, manquement, autre ;',
      '- `npm run pair -- <binôme> contact [date]` : l’équipe a pris contact avec le binôme ;',
      '- `npm run pair -- <binôme> mi-parcours [date]` : le point de mi-parcours a eu lieu ;',
      '- `npm run pair -- <binôme> codes` : de nouveaux codes de suivi, si un code est perdu.',
    );
  return frenchTypography(out.join('\n'));
}
