import { applicationPath, pairIdOf, pairPath } from '../../schemas/data-layout.ts';
import { frenchDate } from '../../schemas/next-cohort.ts';
import { frenchTypography } from '../../schemas/french-typography.ts';
import { escapeFrenchMarkdown as french } from '../text/escape-markdown.ts';
import type { MatchingPool } from './build-pool.ts';
import {
  dayLabel,
  meetingModeLabel,
  frenchList,
  languageLabel,
  objectiveLabel,
  periodLabel,
  sectorLabel,
} from './labels.ts';
import type { MatchingMode, Proposal, ProposedPair } from './proposal.ts';
import { commonAvailability } from './score-availability.ts';
import { sharedLanguages } from './score-languages.ts';

export const modeLabels: Record<MatchingMode, string> = {
  best: '« meilleurs » : le total de points le plus haut',
  most: '« plus-nombreux » : le plus de personnes en binôme, puis le meilleur total',
};

/** Each scoring rule's name, as the review and the coordinators' desk write it. */
export const ruleLabels: Record<string, string> = {
  objectives: 'Objectifs',
  sector: 'Secteur',
  availability: 'Disponibilités',
  languages: 'Langues',
  meetingMode: 'Rencontres',
  waiting: 'Attente',
};

/** The coordinators' edits counted in the summary. */
export interface EditCounts {
  forced: number;
  withdrawn: number;
  forbidden: number;
}

/** Figures of a proposal for the summary: counts, mean and lowest score. */
export function proposalFigures(proposal: Proposal) {
  const totals = proposal.pairs.map((p) => p.score.total);
  return {
    pairs: proposal.pairs.length,
    unmatched: proposal.unmatched.length,
    spare: proposal.spare.reduce((sum, s) => sum + s.places, 0),
    mean: totals.length
      ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10
      : 0,
    lowest: totals.length ? Math.min(...totals) : 0,
  };
}

const frenchNumber = (n: number): string => String(n).replace('.', ',');

/** The summary lines shared by the pull-request body and the review file. */
export function summaryLines(proposal: Proposal, edits: EditCounts, today: string): string[] {
  const f = proposalFigures(proposal);
  return [
    `- Cohorte : **${proposal.cohort}**, calculée le ${frenchDate(today)}`,
    `- Mode : ${modeLabels[proposal.mode]}`,
    `- Binômes proposés : **${f.pairs}**${edits.forced ? `, dont ${edits.forced} ${edits.forced > 1 ? 'imposés' : 'imposé'} par les coordinateurs (/associer)` : ''}`,
    f.pairs === 0
      ? '- Score moyen : — (aucun binôme)'
      : `- Score moyen : ${frenchNumber(f.mean)} points ; score le plus bas : ${f.lowest} point${f.lowest > 1 ? 's' : ''}`,
    `- Mentorés sans binôme : **${f.unmatched}**`,
    `- Places de mentor restées libres : ${f.spare}`,
    `- Modifications des coordinateurs : ${edits.forced} ${edits.forced > 1 ? 'associations imposées' : 'association imposée'}, ${edits.withdrawn} ${edits.withdrawn > 1 ? 'binômes retirés' : 'binôme retiré'}, ${edits.forbidden} ${edits.forbidden > 1 ? 'associations interdites' : 'association interdite'}`,
  ];
}

function facts(pool: MatchingPool, pair: ProposedPair): string {
  const mentee = pool.profiles.mentees.get(pair.mentee);
  const mentor = pool.profiles.mentors.get(pair.mentor);
  if (!mentee || !mentor) return '';
  const { days, periods, slots } = commonAvailability(mentee, mentor);
  const lines = [
    `Objectifs communs : ${pair.objectives.length ? frenchList(pair.objectives.map(objectiveLabel)) : 'aucun'}`,
    `Secteur du mentor : ${sectorLabel(mentor.sector)}`,
    `Secteurs visés par le mentoré : ${mentee.sectors.map(sectorLabel).join(' ; ')}`,
    `Études du mentoré : ${mentee.field}`,
    `Rencontres : ${meetingModeLabel(pair.meetingMode)}`,
    `Disponibilités communes : ${slots ? `${frenchList(days.map(dayLabel))} ; ${frenchList(periods.map(periodLabel))}` : 'aucune'}`,
    `Langues : ${frenchList(sharedLanguages(mentee, mentor).map(languageLabel)) || 'aucune en commun'}`,
  ];
  return lines.map(french).join('<br>');
}

function reasons(pair: ProposedPair): string {
  return pair.score.rules
    .map((r) => french(`${ruleLabels[r.rule] ?? r.rule} ${r.points}/${r.max} : ${r.reason}`))
    .join('<br>');
}

/** A Markdown table with these headers and rows, or the sentence that says it is empty. */
function table(headers: readonly string[], rows: readonly string[], empty: string): string[] {
  if (rows.length === 0) return [empty];
  return [`| ${headers.join(' | ')} |`, `|${'---|'.repeat(headers.length)}`, ...rows];
}

/**
 * The review of a proposal, `reviews/<cohort>.md` (issue 9): the summary, then every pair with
 * its ids (linking to their files), the non-identifying facts that matter, its score and the
 * reasons, then everyone left over and why. Every text from an application is escaped; links
 * are relative to the file, so they work on any branch. Deterministic.
 */
export function renderReview(
  proposal: Proposal,
  pool: MatchingPool,
  edits: EditCounts,
  today: string,
): string {
  const link = (text: string, path: string) => `[${text}](../${path})`;
  const rows = proposal.pairs.map((pair) => {
    const id = pairIdOf(pair.mentor, pair.mentee);
    const by = pair.proposedBy === 'coordinator' ? '<br>imposé (/associer)' : '';
    return `| ${link(id, pairPath(id))}${by} | ${link(pair.mentor, applicationPath(pair.mentor))} | ${link(pair.mentee, applicationPath(pair.mentee))} | **${pair.score.total}** | ${facts(pool, pair)} | ${reasons(pair)} |`;
  });
  const lines = [
    `# Binômes proposés — cohorte ${proposal.cohort}`,
    '',
    ...summaryLines(proposal, edits, today),
    '',
    'Pour modifier cette proposition, commentez la pull request : `/retirer <binôme>`, `/associer <mentor> <mentoré>`, `/interdire <mentor> <mentoré>`, `/relancer [meilleurs|plus-nombreux]`. Pour l’accepter, fusionnez-la.',
    '',
    `Sans GitHub (installation locale), les mêmes commandes s’écrivent après \`npm run match -- --cohort ${proposal.cohort}\`, et \`npm run match -- --accept ${proposal.cohort}\` accepte la proposition.`,
    '',
    '## Binômes',
    '',
  ];
  lines.push(
    ...table(
      ['Binôme', 'Mentor', 'Mentoré', 'Score', 'Ce qui compte', 'Points et raisons'],
      rows,
      'Aucun binôme proposé.',
    ),
    '',
    '## Mentorés sans binôme',
    '',
    ...table(
      ['Mentoré', 'Pourquoi'],
      proposal.unmatched.map(
        (u) => `| ${link(u.id, applicationPath(u.id))} | ${french(u.reason)} |`,
      ),
      'Aucun : chaque mentoré accepté a un binôme.',
    ),
    '',
    '## Mentors avec des places libres',
    '',
    ...table(
      ['Mentor', 'Places libres', 'Pourquoi'],
      proposal.spare.map(
        (s) => `| ${link(s.id, applicationPath(s.id))} | ${s.places} | ${french(s.reason)} |`,
      ),
      'Aucun : chaque place de mentor est prise.',
    ),
  );
  return `${frenchTypography(lines.join('\n'))}\n`;
}

/**
 * The pull request's body: the summary and a link to the review file (a cohort of any size
 * fits: GitHub truncates a body past 65,536 characters, so the table lives in the file).
 */
export function renderPullRequestBody(
  proposal: Proposal,
  edits: EditCounts,
  today: string,
  reviewUrl: string,
): string {
  return [
    `Proposition de binômes pour la cohorte ${proposal.cohort}, à relire puis à fusionner pour l’accepter.`,
    '',
    ...summaryLines(proposal, edits, today),
    '',
    `Le détail de chaque binôme (score, raisons) et de chaque personne sans binôme est dans [la revue](${reviewUrl}).`,
    '',
    'Commandes (en commentaire de cette pull request, une par ligne) :',
    '- `/retirer <binôme>` : retire ce binôme de la proposition (il ne sera plus proposé pour cette cohorte) ;',
    '- `/associer <mentor> <mentoré>` : impose un binôme, si aucune règle ne l’interdit ;',
    '- `/interdire <mentor> <mentoré>` : interdit cette association, pour toujours ;',
    '- `/relancer [meilleurs|plus-nombreux]` : recalcule la proposition, en gardant vos modifications.',
  ]
    .map(frenchTypography)
    .join('\n');
}
