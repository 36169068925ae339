import type { ApplicationKind } from '../../schemas/data-layout.ts';
import type { Erasure } from '../../schemas/erasure.schema.ts';
import type { FollowUp } from '../../schemas/follow-up.schema.ts';
import { bilanFormSchema } from '../../schemas/follow-up-forms.ts';
import { sector as sectorField } from '../../schemas/fields.ts';
import { closeReason, type Pair } from '../../schemas/pair.schema.ts';
import type {
  ScreeningDecision,
  ScreeningStatus,
} from '../../schemas/screening-decision.schema.ts';
import type { Application } from '../../schemas/validators.ts';
import { addMonths } from '../convention/planned-dates.ts';
import { addDays, daysBetween, type FollowUpRules } from '../followup/follow-up-rules.ts';
import { followUpSchedule } from '../followup/follow-up-schedule.ts';
import { frenchMonth } from '../text/french-month.ts';
import { CountSystemBuilder, type CountSystem } from './count-system.ts';
import { dayInZone } from './day-in-zone.ts';
import {
  daysUnderWay,
  pairTimeline,
  reachedMonths,
  type PairTimeline,
  type TimelineSettings,
} from './pair-timeline.ts';
import { monthsBetween, type ReportPeriod } from './report-period.ts';
import { crossTable, type Category, type ReportTable } from './report-table.ts';

/** The records a report is compiled from: read by the one reader, nothing else. */
export interface ReportRecords {
  applications: readonly Application<ApplicationKind>[];
  decisions: ReadonlyMap<string, ScreeningDecision>;
  pairs: readonly Pair[];
  erasures: ReadonlyMap<string, Erasure>;
  followUps: ReadonlyMap<string, readonly FollowUp[]>;
}

export interface ReportSettings extends TimelineSettings {
  structure: { timeZone: string };
  mentoring: TimelineSettings['mentoring'] & { meetingsPerMonth: number };
  followUp: FollowUpRules;
  /** Counts below it are hidden (content/programme.yaml, `reports.threshold`). */
  threshold: number;
}

/** A figure that is not a count (a median, a rate): published only when enough people make it. */
export interface ReportStatistic {
  label: string;
  /** Undefined when too few people make it: then `withheld` says why, in French. */
  value?: string;
  withheld?: string;
  /**
   * The counts it is computed from: it is published only if they all are, since a ratio and one
   * of its terms give the other.
   */
  dependsOn?: string[];
}

export interface ReportSection {
  id: string;
  heading: string;
  paragraphs: string[];
  statistics: ReportStatistic[];
  tables: ReportTable[];
}

export interface ReportFigures {
  period: ReportPeriod;
  /** The last day counted: the period's end, or the day of the report while it runs. */
  day: string;
  threshold: number;
  /** Every count and how they add up: what suppression protects and the tests attack. */
  system: CountSystem;
  sections: ReportSection[];
}

const roles: Category[] = [
  { key: 'mentor', label: 'Mentors' },
  { key: 'mentee', label: 'Mentorés' },
];
const statuses: { key: ScreeningStatus; label: string }[] = [
  { key: 'new', label: 'Pas encore examinée' },
  { key: 'interviewed', label: 'Entretien réalisé' },
  { key: 'accepted', label: 'Acceptée' },
  { key: 'waitlisted', label: 'En liste d’attente' },
  { key: 'declined', label: 'Non retenue' },
  { key: 'withdrawn', label: 'Retirée par la personne' },
];
const sectors: Category[] = sectorField.oneOf.map((o) => ({ key: o.const, label: o.title }));
const reasons: Category[] = closeReason.oneOf.map((o) => ({ key: o.const, label: o.title }));
const outcome = bilanFormSchema.properties.outcome.properties;
const choices = (field: { oneOf: readonly { const: string | number; title: string }[] }) =>
  field.oneOf.map((o) => ({ key: String(o.const), label: o.title }));
const only: Category[] = [{ key: 'count', label: 'Nombre' }];

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
/** A month of mentoring, in days, to turn days under way into months. */
const monthDays = 30.44;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The figures of a report (issue 13): what the programme did over a period, in counts and a few
 * medians and rates, each table registered with how its counts add up. Aggregates only: no id,
 * no name, no free text. Pure: records and settings in, figures out.
 */
export function reportFigures(input: {
  period: ReportPeriod;
  day: string;
  records: ReportRecords;
  settings: ReportSettings;
}): ReportFigures {
  const { period, day, records, settings } = input;
  const t = settings.threshold;
  const dayOf = dayInZone(settings.structure.timeZone);
  const system = new CountSystemBuilder();
  const within = (on: string) => on >= period.from && on <= day;
  const enough = (n: number, what: string) =>
    n >= t ? undefined : `non publié : moins de ${t} ${what}`;

  // Applications, those erased included (their tombstones keep what is counted here).
  const statusOn = (id: string): ScreeningStatus => {
    const history = records.decisions.get(id)?.history ?? [];
    return history.filter((h) => dayOf(h.at) <= day).at(-1)?.status ?? 'new';
  };
  const entries = [
    ...records.applications.map((a) => {
      const on = dayOf(a.submittedAt);
      return {
        kind: a.id.startsWith('mentor-') ? 'mentor' : 'mentee',
        month: on.slice(0, 7),
        on,
        cohort: a.cohort,
        status: statusOn(a.id),
      };
    }),
    ...[...records.erasures.values()].map((e) => ({
      kind: e.kind,
      month: e.submittedMonth,
      on: undefined,
      cohort: e.cohort,
      status: e.lastStatus,
    })),
  ].filter((e) =>
    period.cohort !== undefined
      ? e.cohort === period.cohort && (e.on ?? `${e.month}-01`) <= day
      : e.on !== undefined
        ? within(e.on)
        : e.month >= period.from.slice(0, 7) && e.month <= day.slice(0, 7),
  );
  // A cohort's months are those its applications were open, whatever was sent: a row that
  // appeared because one person applied early would say so. Earlier and later ones are grouped.
  const openMonths =
    period.cohort !== undefined
      ? monthsBetween(period.from, period.applicationsClose ?? period.from)
      : monthsBetween(period.from, day);
  const monthRow = (month: string) =>
    month < openMonths[0]! ? 'before' : month > openMonths.at(-1)! ? 'after' : month;
  const monthRows: Category[] = [
    ...(period.cohort !== undefined ? [{ key: 'before', label: 'Avant l’ouverture' }] : []),
    ...openMonths.map((m) => ({ key: m, label: frenchMonth(m) })),
    ...(period.cohort !== undefined ? [{ key: 'after', label: 'Après la clôture' }] : []),
  ];
  // A month's applications by role are the same people in the month's report and in its school
  // year's: one key (`candidatures/<month>/<role>`), so that both reports hide the same counts
  // (scripts/reporting/stable-counts.ts). A month report's totals are its one row; a cohort's
  // counts are its own people only, under keys of their own.
  const applicationsId =
    period.cohort !== undefined ? `candidatures-cohorte-${period.cohort}` : 'candidatures';
  const onlyMonth = period.kind === 'month' ? openMonths[0] : undefined;
  const applicationTotals = roles.map((r) =>
    onlyMonth ? `${applicationsId}/${onlyMonth}/${r.key}` : `${applicationsId}/total/${r.key}`,
  );
  const applicationsTotal = onlyMonth
    ? `${applicationsId}/${onlyMonth}/total`
    : `${applicationsId}/total/total`;
  const applicationsByMonth = crossTable(system, {
    id: applicationsId,
    caption: 'Candidatures reçues par mois',
    corner: 'Mois',
    rows: monthRows,
    columns: roles,
    count: (row, col) =>
      entries.filter((e) => monthRow(e.month) === row.key && e.kind === col.key).length,
    rowTotals: true,
    columnTotals: onlyMonth ? { keys: applicationTotals, grand: applicationsTotal } : true,
    chart: {
      description: 'Nombre de candidatures de mentors et de mentorés reçues chaque mois.',
      unit: 'candidatures',
    },
  });
  const screening = crossTable(system, {
    id: 'selection',
    caption: 'Où en sont ces candidatures',
    corner: 'Décision',
    rows: statuses,
    columns: roles,
    count: (row, col) => entries.filter((e) => e.status === row.key && e.kind === col.key).length,
    rowTotals: true,
    columnTotals: { keys: applicationTotals, grand: applicationsTotal },
  });

  // Who waits, and who could take them: the waiting list on the report's day.
  const timelines = new Map<string, PairTimeline>();
  for (const pair of records.pairs) {
    const timeline = pairTimeline(pair, day, dayOf, settings);
    if (timeline) timelines.set(pair.id, timeline);
  }
  const held = new Map<string, number>();
  // A mentoré whose mentoring went to its end is not matched again (issue 12).
  const done = new Set<string>();
  for (const pair of records.pairs) {
    const timeline = timelines.get(pair.id);
    if (timeline?.status === 'closed' && timeline.outcome === 'as-planned') done.add(pair.mentee);
    if (
      timeline?.status === 'accepted' ||
      timeline?.status === 'active' ||
      timeline?.status === 'paused'
    )
      for (const id of [pair.mentor, pair.mentee]) held.set(id, (held.get(id) ?? 0) + 1);
  }
  const ofCohort = (a: { cohort: string }) =>
    period.cohort === undefined || a.cohort === period.cohort;
  const present = records.applications.filter((a) => ofCohort(a) && dayOf(a.submittedAt) <= day);
  const waiting = present.filter(
    (a): a is Application<'mentee'> =>
      a.id.startsWith('mentee-') &&
      ['accepted', 'waitlisted'].includes(statusOn(a.id)) &&
      !held.has(a.id) &&
      !done.has(a.id),
  );
  const mentors = present.filter(
    (a): a is Application<'mentor'> => a.id.startsWith('mentor-') && statusOn(a.id) === 'accepted',
  );
  const free = mentors.map((m) => Math.max(0, m.profile.capacity - (held.get(m.id) ?? 0)));
  const available = mentors.filter((_, i) => free[i]! > 0);
  const waitingBySector = crossTable(system, {
    id: 'attente',
    caption: 'Mentorés en attente d’un binôme, par secteur visé',
    corner: 'Secteur',
    rows: sectors,
    columns: [{ key: 'mentees', label: 'Mentorés en attente' }],
    count: (row) => waiting.filter((w) => w.profile.sectors.includes(row.key as never)).length,
    additive: false,
    note: 'Un mentoré peut viser jusqu’à cinq secteurs : il est compté dans chacun.',
    chart: {
      description:
        'Nombre de mentorés acceptés ou en liste d’attente, sans binôme, qui visent chaque secteur.',
      unit: 'mentorés',
    },
  });
  const mentorsBySector = crossTable(system, {
    id: 'mentors-disponibles',
    caption: 'Mentors acceptés qui peuvent encore accompagner un mentoré, par secteur',
    corner: 'Secteur',
    rows: sectors,
    columns: [{ key: 'mentors', label: 'Mentors disponibles' }],
    count: (row) => available.filter((m) => m.profile.sector === row.key).length,
    columnTotals: true,
  });
  const waitingTotal = crossTable(system, {
    id: 'effectifs',
    caption: 'Le jour du rapport',
    corner: 'Effectif',
    rows: [
      { key: 'waiting', label: 'Mentorés en attente d’un binôme' },
      { key: 'free-places', label: 'Places libres chez les mentors' },
    ],
    columns: only,
    count: (row) =>
      row.key === 'waiting' ? waiting.length : free.reduce((sum, places) => sum + places, 0),
    additive: false,
  });
  // What a reader can tell from these counts' meaning: a mentor with a place offers one at least;
  // a cohort's mentorés waiting were accepted or waitlisted.
  system.atMost('mentors-disponibles/total/mentors', ['effectifs/free-places/count']);
  if (period.cohort !== undefined)
    system.atMost('effectifs/waiting/count', [
      'selection/accepted/mentee',
      'selection/waitlisted/mentee',
    ]);
  const acceptedMentors = entries.filter((e) => e.kind === 'mentor' && e.status === 'accepted');
  const acceptedMentees = entries.filter((e) => e.kind === 'mentee' && e.status === 'accepted');
  const ratio: ReportStatistic = {
    label: 'Mentorés acceptés pour un mentor accepté, parmi ces candidatures',
    dependsOn: ['selection/accepted/mentor', 'selection/accepted/mentee'],
    ...(acceptedMentors.length >= t && acceptedMentees.length >= t
      ? { value: number.format(acceptedMentees.length / acceptedMentors.length) }
      : { withheld: `non publié : moins de ${t} mentors ou de ${t} mentorés acceptés` }),
  };

  // A month's pairs formed and bilans are its school year's too: published in both, one minus
  // the others would give small counts away (a review measured it). A month's report leaves them
  // to the school year's, and they are counted apart, in no report's protection.
  const monthOnly = period.kind === 'month';
  const flows = monthOnly ? new CountSystemBuilder() : system;

  // Pairs formed in the period (or of the cohort), where they stood on the report's day.
  const formed = records.pairs.filter((p) => {
    const timeline = timelines.get(p.id);
    if (!timeline) return false;
    return period.cohort !== undefined ? p.cohort === period.cohort : within(timeline.acceptedOn);
  });
  const stateOf = (p: Pair) => {
    const timeline = timelines.get(p.id)!;
    return timeline.status === 'closed'
      ? `closed-${timeline.outcome ?? 'as-planned'}`
      : timeline.status;
  };
  const pairStates: Category[] = [
    { key: 'accepted', label: 'Acceptés, convention pas encore signée' },
    { key: 'active', label: 'En cours' },
    { key: 'paused', label: 'En pause' },
    { key: 'closed-as-planned', label: 'Terminés à la date prévue' },
    { key: 'closed-early', label: 'Terminés avant la date prévue' },
  ];
  const pairsByState = crossTable(flows, {
    id: 'binomes',
    caption: 'Binômes formés, selon où ils en sont',
    corner: 'Situation',
    rows: pairStates,
    columns: only,
    count: (row) => formed.filter((p) => stateOf(p) === row.key).length,
    columnTotals: true,
    chart: { description: 'Nombre de binômes formés dans chaque situation.', unit: 'binômes' },
  });
  const earlyEnds = crossTable(flows, {
    id: 'fins-anticipees',
    caption: 'Binômes terminés avant la date prévue, par motif',
    corner: 'Motif',
    rows: reasons,
    columns: only,
    count: (row) =>
      formed.filter(
        (p) => stateOf(p) === 'closed-early' && timelines.get(p.id)!.reasonCode === row.key,
      ).length,
    columnTotals: { keys: ['binomes/closed-early/count'] },
  });

  // An erased mentoré's tombstone keeps the month only: the middle of it stands for the day, so
  // that the time to pair counts the same pairs as those formed (a difference would say that
  // someone was erased).
  const submitted = new Map([
    ...[...records.erasures.values()].map((e) => [e.id, `${e.submittedMonth}-15`] as const),
    ...records.applications.map((a) => [a.id, dayOf(a.submittedAt)] as const),
  ]);
  const waits = formed.flatMap((p) => {
    const applied = submitted.get(p.mentee);
    return applied ? [Math.max(0, daysBetween(applied, timelines.get(p.id)!.acceptedOn))] : [];
  });
  const waitBands: (Category & { upTo: number })[] = [
    { key: 'under-1', label: 'Moins d’un mois', upTo: 30 },
    { key: '1-3', label: 'De 1 à 3 mois', upTo: 91 },
    { key: '3-6', label: 'De 3 à 6 mois', upTo: 182 },
    { key: 'over-6', label: 'Plus de 6 mois', upTo: Infinity },
  ];
  const bandOf = (days: number) => waitBands.find((b) => days <= b.upTo)!.key;
  const timeToPair = crossTable(flows, {
    id: 'delai',
    caption: 'Temps entre la candidature du mentoré et la formation du binôme',
    corner: 'Délai',
    rows: waitBands,
    columns: only,
    count: (row) => waits.filter((d) => bandOf(d) === row.key).length,
    // The same pairs as those formed (no mentoré erased): one count, which a reader would equate.
    columnTotals: waits.length === formed.length ? { keys: ['binomes/total/count'] } : true,
    note: 'Pour un mentoré effacé depuis, dont seul le mois de candidature est gardé, le délai court du 15 de ce mois.',
  });
  const minimumMonths = settings.mentoring.minimumDurationMonths;
  const eligible = formed.filter((p) => {
    const timeline = timelines.get(p.id)!;
    return timeline.startedOn !== undefined && addMonths(timeline.startedOn, minimumMonths) <= day;
  });
  const sixMonths = crossTable(flows, {
    id: 'duree',
    caption: `Binômes arrivés à ${minimumMonths} mois de mentorat`,
    corner: 'Parmi les binômes commencés depuis assez longtemps',
    rows: [
      { key: 'reached', label: `Encore en cours ${minimumMonths} mois après leur début` },
      {
        key: 'ended-before',
        label: `Terminés avant ${minimumMonths} mois (à la date prévue ou avant)`,
      },
    ],
    columns: only,
    count: (row) =>
      eligible.filter(
        (p) => reachedMonths(timelines.get(p.id)!, minimumMonths, day) === (row.key === 'reached'),
      ).length,
    columnTotals: eligible.length === formed.length ? { keys: ['binomes/total/count'] } : true,
  });

  // Meetings and check-ins of the pairs under way in the period (whenever they were formed).
  const target = settings.mentoring.meetingsPerMonth;
  const underWay = records.pairs.filter((p) => {
    const timeline = timelines.get(p.id);
    return (
      timeline !== undefined &&
      (period.cohort === undefined || p.cohort === period.cohort) &&
      daysUnderWay(timeline, period.from, day) > 0
    );
  });
  const participantRecords = (p: Pair) =>
    (records.followUps.get(p.id) ?? []).filter(
      (r) => r.role !== 'coordinator' && within(dayOf(r.submittedAt)),
    );
  const meetingsOf = (p: Pair) => {
    const byDay = new Map<string, string>();
    for (const record of participantRecords(p))
      if (record.type === 'check-in')
        for (const meeting of record.meetings ?? [])
          if (within(meeting.on) && !byDay.has(meeting.on)) byDay.set(meeting.on, meeting.mode);
    return byDay;
  };
  const judged = underWay.flatMap((p) => {
    const days = daysUnderWay(timelines.get(p.id)!, period.from, day);
    // Less than a month under way in the period: too soon to judge a monthly rhythm.
    return days >= 30 ? [{ rate: meetingsOf(p).size / (days / monthDays) }] : [];
  });
  const rhythmOf = (rate: number) =>
    rate === 0 ? 'none' : rate < 0.75 * target ? 'below' : 'target';
  const rhythm = crossTable(system, {
    id: 'rythme',
    caption: 'Rythme des rencontres des binômes en cours',
    corner: 'Rencontres signalées',
    rows: [
      { key: 'none', label: 'Aucune rencontre signalée' },
      { key: 'below', label: `Moins de ${number.format(0.75 * target)} par mois` },
      { key: 'target', label: `Environ ${target} par mois ou plus` },
    ],
    columns: only,
    count: (row) => judged.filter((j) => rhythmOf(j.rate) === row.key).length,
    columnTotals: true,
    note: `Les binômes en cours depuis moins d’un mois sur la période ne sont pas comptés. Une rencontre signalée par les deux membres compte une fois. L’objectif de la convention : environ ${target} rencontre${target > 1 ? 's' : ''} par mois.`,
  });
  const meetingRate: ReportStatistic = {
    label: 'Rencontres par binôme et par mois (médiane)',
    // A median lies between the bands of its table: with one of them hidden, it would narrow it.
    dependsOn: rhythm.rows.flatMap((r) => r.keys),
    ...(judged.length >= t
      ? { value: `${number.format(median(judged.map((j) => j.rate)))} (objectif : ${target})` }
      : { withheld: enough(judged.length, 'binômes')! }),
  };
  const modes = underWay.flatMap((p) => [...meetingsOf(p).values()]);
  const meetingModes = crossTable(system, {
    id: 'modes',
    caption: 'Rencontres signalées, selon le lieu',
    corner: 'Lieu',
    rows: [
      { key: 'presentiel', label: 'En personne (à l’Espace Jeunes ou ailleurs)' },
      { key: 'visio', label: 'En visioconférence' },
    ],
    columns: only,
    count: (row) => modes.filter((m) => m === row.key).length,
    columnTotals: true,
  });
  let expected = 0;
  let answered = 0;
  for (const p of underWay) {
    const timeline = timelines.get(p.id)!;
    const end = timeline.closedOn ?? timeline.plannedEnd;
    const due = followUpSchedule(timeline.startedOn!, end, settings.followUp, timeline.pauses)
      .filter((d) => d.kind === 'check-in')
      .map((d) => d.on)
      .filter(
        (on) =>
          on >= period.from && addDays(on, settings.followUp.checkInGraceDays) <= day && on <= end,
      );
    if (due.length === 0) continue;
    const sent = participantRecords(p).filter((r) => r.type === 'check-in');
    for (const role of ['mentor', 'mentee'] as const) {
      expected += due.length;
      answered += Math.min(due.length, sent.filter((r) => r.role === role).length);
    }
  }
  const checkIns = crossTable(system, {
    id: 'points-etape',
    caption: 'Points d’étape attendus des participants',
    corner: 'Point d’étape',
    rows: [
      { key: 'received', label: 'Reçus' },
      { key: 'missing', label: 'Non reçus' },
    ],
    columns: only,
    count: (row) => (row.key === 'received' ? answered : expected - answered),
    columnTotals: true,
    note: `Un point d’étape par participant tous les ${settings.followUp.checkInEveryDays} jours de mentorat, attendu ${settings.followUp.checkInGraceDays} jours au plus tard après la date prévue.`,
  });
  const responseRate: ReportStatistic = {
    label: 'Taux de réponse aux points d’étape',
    dependsOn: ['points-etape/received/count', 'points-etape/missing/count'],
    ...(answered >= t && expected - answered >= t
      ? { value: percent.format(answered / expected) }
      : { withheld: `non publié : moins de ${t} points d’étape reçus ou non reçus` }),
  };

  // The bilans sent in the period.
  const bilans = records.pairs
    .filter((p) => period.cohort === undefined || p.cohort === period.cohort)
    .flatMap((p) => participantRecords(p).filter((r) => r.type === 'bilan'));
  const bilanTotals = roles.map((r) => `bilans/total/${r.key}`);
  const bilanTable = (
    id: string,
    caption: string,
    corner: string,
    rows: Category[],
    value: (b: FollowUp) => string | undefined,
    chart?: ReportTable['chart'],
  ) =>
    crossTable(flows, {
      id,
      caption,
      corner,
      rows,
      columns: roles,
      count: (row, col) => bilans.filter((b) => b.role === col.key && value(b) === row.key).length,
      rowTotals: true,
      columnTotals: { keys: bilanTotals, grand: 'bilans/total/total' },
      ...(chart ? { chart } : {}),
    });
  const satisfaction = bilanTable(
    'bilans',
    'Satisfaction exprimée dans les bilans de fin de mentorat',
    'Satisfaction',
    choices(outcome.satisfaction),
    (b) => (b.satisfaction === undefined ? undefined : String(b.satisfaction)),
    {
      description:
        'Nombre de bilans de mentors et de mentorés pour chaque niveau de satisfaction, de 1 (pas du tout) à 5 (tout à fait).',
      unit: 'bilans',
    },
  );
  const objectives = bilanTable(
    'objectifs',
    'Objectifs atteints, selon les bilans',
    'Objectifs atteints',
    choices(outcome.objectivesReached),
    (b) => b.objectivesReached,
  );
  const recommend = bilanTable(
    'recommandation',
    'Recommanderaient le mentorat',
    'Recommanderait',
    choices(outcome.wouldRecommend),
    (b) => b.wouldRecommend,
  );
  const changes = crossTable(flows, {
    id: 'changements',
    caption: 'Ce que le mentorat a changé, selon les bilans',
    corner: 'Changement',
    rows: choices(outcome.changes.items),
    columns: roles,
    count: (row, col) =>
      bilans.filter((b) => b.role === col.key && (b.changes ?? []).includes(row.key as never))
        .length,
    additive: false,
    note: 'Chaque participant pouvait cocher plusieurs réponses : il est compté dans chacune.',
  });

  return {
    period,
    day,
    threshold: t,
    system: system.build(),
    sections: [
      {
        id: 'candidatures',
        heading: 'Candidatures',
        paragraphs: [
          period.cohort !== undefined
            ? 'Les candidatures de la cohorte, quel que soit le jour de leur envoi, et où elles en étaient le jour du rapport.'
            : 'Les candidatures envoyées pendant la période, et où elles en étaient le jour du rapport. Les personnes effacées depuis (à leur demande ou en fin de durée de conservation) restent comptées.',
        ],
        statistics: [ratio],
        tables: [applicationsByMonth, screening],
      },
      {
        id: 'attente',
        heading: 'Mentors et mentorés en attente',
        paragraphs: [
          'Qui attend un binôme le jour du rapport, et quels mentors pourraient les accompagner : les secteurs où manquent des mentors sont ceux où recruter.',
        ],
        statistics: [],
        tables: [waitingTotal, waitingBySector, mentorsBySector],
      },
      ...(monthOnly
        ? []
        : [
            {
              id: 'binomes',
              heading: 'Binômes',
              paragraphs: [
                period.cohort !== undefined
                  ? 'Les binômes de la cohorte, où ils en étaient le jour du rapport.'
                  : 'Les binômes formés pendant la période (acceptés par la coordination), où ils en étaient le jour du rapport.',
              ],
              statistics: [
                {
                  label: 'Temps entre la candidature et le binôme (médiane)',
                  dependsOn: timeToPair.rows.flatMap((r) => r.keys),
                  ...(waits.length >= t
                    ? { value: `${number.format(median(waits))} jours` }
                    : { withheld: enough(waits.length, 'binômes')! }),
                },
              ],
              tables: [pairsByState, earlyEnds, timeToPair, sixMonths],
            },
          ]),
      {
        id: 'suivi',
        heading: 'Rencontres et suivi',
        paragraphs: [
          'Les rencontres et les points d’étape que les participants ont signalés pendant la période, pour tous les binômes en cours. Rien du contenu des rencontres n’est demandé ni compté.',
          ...(monthOnly
            ? [
                'Les binômes formés et les bilans de fin de mentorat sont comptés dans le bilan de l’année scolaire : publiés aussi mois par mois, la différence entre les deux permettrait de retrouver de petits effectifs.',
              ]
            : []),
        ],
        statistics: [meetingRate, responseRate],
        tables: [rhythm, meetingModes, checkIns],
      },
      ...(monthOnly
        ? []
        : [
            {
              id: 'bilans',
              heading: 'Bilans de fin de mentorat',
              paragraphs: [
                'Les réponses aux bilans envoyés pendant la période, par les mentors et par les mentorés.',
              ],
              statistics: [],
              tables: [satisfaction, objectives, recommend, changes],
            },
          ]),
    ],
  };
}
