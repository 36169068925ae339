import { frenchTypography } from '../../schemas/french-typography.ts';
import type { ShardProgramme } from './shard-messages.ts';

const number = new Intl.NumberFormat('fr-FR');
const seconds = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const duration = (ms: number) => {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${seconds.format(s)} s`;
  return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
};
const megabytes = (kB: number) => `${number.format(Math.round(kB / 1024))} Mo`;
const frenchDay = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayText = (day: string) => frenchDay.format(new Date(`${day}T12:00:00Z`));

/** What the simulation measured, for its closing lines. */
export interface SimulationMeasures {
  seed: number;
  jobs: number;
  wallMs: number;
  aggregateMs: number;
  parentMaxRssKB: number;
  shards: { pid: number; maxRssKB: number; ms: number; programmes: number; mentees: number }[];
  programmes: readonly ShardProgramme[];
}

/** The closing lines, in French: sizes, wall time, the slowest programme, memory, the peak. Pure. */
export function summaryLines(m: SimulationMeasures): string[] {
  const mentees = m.programmes.reduce((s, p) => s + p.mentees, 0);
  const mentors = m.programmes.reduce((s, p) => s + p.mentors, 0);
  const pairs = m.programmes.reduce((s, p) => s + p.pairs, 0);
  const slowest = m.programmes.reduce((a, b) => (b.ms.total > a.ms.total ? b : a));
  const biggest = m.programmes.reduce((a, b) => (b.mentees > a.mentees ? b : a));
  const sizes = m.programmes.map((p) => p.mentees).sort((a, b) => a - b);
  const hungriest = m.shards.reduce((a, b) => (b.maxRssKB > a.maxRssKB ? b : a));
  const peak = biggest.busiest;
  const hour = Number(peak.hour.at.slice(11, 13));
  return [
    `Pays simulé (graine ${m.seed}) : ${number.format(m.programmes.length)} programmes, ${number.format(mentees)} mentorés, ${number.format(mentors)} mentors, ${number.format(pairs)} binômes proposés ; de ${number.format(sizes[0]!)} à ${number.format(sizes.at(-1)!)} mentorés par programme (médiane ${number.format(sizes[sizes.length >> 1]!)}).`,
    `Temps total : ${duration(m.wallMs)} avec ${m.jobs} processus en parallèle (dont agrégation nationale : ${duration(m.aggregateMs)}).`,
    `Programme le plus lent : ${slowest.id} (${number.format(slowest.mentees)} mentorés, ${number.format(slowest.mentors)} mentors) en ${duration(slowest.ms.total)} : génération ${duration(slowest.ms.generate)}, appariement ${duration(slowest.ms.match)}, suivi ${duration(slowest.ms.follow)}, bilan et secret statistique ${duration(slowest.ms.report)}.`,
    `Mémoire maximale : processus principal ${megabytes(m.parentMaxRssKB)} ; processus de calcul le plus gourmand ${megabytes(hungriest.maxRssKB)}.`,
    ...m.shards.map(
      (s, i) =>
        `  Processus ${i + 1} (pid ${s.pid}) : ${number.format(s.programmes)} programmes, ${number.format(s.mentees)} mentorés, ${duration(s.ms)}, ${megabytes(s.maxRssKB)} au plus.`,
    ),
    `Plus forte affluence du plus grand programme (${biggest.id}) : ${number.format(peak.hour.applications)} candidatures en une heure (le ${dayText(peak.hour.at.slice(0, 10))}, de ${hour} h à ${(hour + 1) % 24} h UTC), ${number.format(peak.day.applications)} en un jour (le ${dayText(peak.day.at)}), ${number.format(peak.week.applications)} en une semaine (celle du ${dayText(peak.week.at)}).`,
  ].map(frenchTypography);
}
