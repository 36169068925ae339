import { cohortOfBranch, isApplicationId } from '../../schemas/data-layout.ts';
import { PermissionUnknownError, StaleFileError } from '../store/data-store.ts';
import { forbidPair, forcePair, solveAgain, withdrawPair } from './pairing-commands.ts';
import {
  commandNames,
  maxCommands,
  pairStepNames,
  parseCommands,
  quoteable,
  type CommandLine,
} from './parse-commands.ts';
import { runPair } from './run-pair.ts';
import type { MatchDependencies } from './propose-pairs.ts';
import { runScreen, ScreenUsageError } from './run-screen.ts';
import { UsageError } from './usage-error.ts';
import { escapeFrenchMarkdown } from '../text/escape-markdown.ts';
import { foldedWord } from '../text/folded-word.ts';

/** Where a command was typed. */
export type CommandPlace =
  | { kind: 'pull-request'; number: number }
  | { kind: 'issue'; number: number; digest: boolean }
  /** The command line of the embedded default: the cohort is given, the user owns the data. */
  | { kind: 'terminal'; cohort?: string };

const statusAliases: Record<string, string> = {
  nouvelle: 'new',
  entretien: 'interviewed',
  acceptee: 'accepted',
  attente: 'waitlisted',
  'liste-attente': 'waitlisted',
  'non-retenue': 'declined',
  refusee: 'declined',
  retiree: 'withdrawn',
  new: 'new',
  interviewed: 'interviewed',
  accepted: 'accepted',
  waitlisted: 'waitlisted',
  declined: 'declined',
  withdrawn: 'withdrawn',
};

const writers = new Set(['admin', 'maintain', 'write']);

/** What the commands of a comment did. */
export interface CommandsResult {
  /** The reply comment, in Markdown, everything typed escaped. */
  reply: string;
  /** Each command as typed (made printable) and its answer, for a terminal. */
  answers: { command: string; answer: string }[];
  /** Some command was refused or could not run. */
  failed: boolean;
  /** The author's permission could not be checked: nothing was done. */
  unverified: boolean;
  /** An unexpected error stopped the commands (the reply says which were done). */
  error?: Error;
}

/** `/decision <id> <statut> [motif]`: exactly `npm run screen <id> <statut> --reason motif`. */
async function decide(deps: MatchDependencies, args: readonly string[]): Promise<string> {
  const [id = '', word = '', ...reason] = args;
  if (!isApplicationId(id))
    throw new UsageError(
      `« ${quoteable(id)} » n’est pas un numéro de candidature : /decision mentee-xxxxxx acceptee [motif].`,
    );
  const status = statusAliases[foldedWord(word)];
  // The command line is never rebuilt from what was typed: an unknown status is answered here
  // (« -h » would otherwise be read as an option), and the reason is one option's value.
  if (!status)
    throw new UsageError(
      `statut « ${quoteable(word)} » inconnu : nouvelle, entretien, acceptee, attente, non-retenue ou retiree.`,
    );
  const printed: string[] = [];
  try {
    await runScreen([id, status, ...(reason.length ? [`--reason=${reason.join(' ')}`] : [])], {
      store: deps.store,
      now: deps.now,
      print: (line) => printed.push(line),
    });
  } catch (error) {
    // Its message ends with the command line's usage: the reply keeps the reason only.
    if (error instanceof ScreenUsageError) throw new UsageError(error.message.split('\n')[0]!);
    throw error;
  }
  return printed.join(' ');
}

/** The steps of a pair's life (issue 12), typed on an issue as on the command line. */
const pairSteps = new Set<string>(pairStepNames);

/**
 * `/signee|/pause|/reprise|/cloture <binôme> …`: exactly `npm run pair -- <binôme> <étape> …`
 * (one code path). What follows `--motif` is the motif, spaces included.
 */
async function pairStep(
  deps: MatchDependencies,
  step: string,
  args: readonly string[],
): Promise<string> {
  const [id = '', ...rest] = args;
  const motif = rest.indexOf('--motif');
  const words =
    motif < 0 ? rest : [...rest.slice(0, motif), '--motif', rest.slice(motif + 1).join(' ')];
  const printed: string[] = [];
  await runPair([id, step, ...words], {
    store: deps.store,
    settings: deps.settings,
    now: deps.now,
    print: (line) => printed.push(line),
    // The codes go to the delivery only: a reply is read by every collaborator and e-mailed.
    ...(deps.deliver ? { deliver: deps.deliver } : {}),
    showCodes: false,
  });
  return printed.join(' ');
}

function placeError(command: string, place: CommandPlace): string | undefined {
  if (place.kind === 'terminal') return undefined;
  if (pairSteps.has(command))
    return place.kind === 'issue'
      ? undefined
      : 'cette commande s’utilise dans une issue (celle du suivi des binômes), pas dans une pull request.';
  if (command === 'decision')
    return place.kind === 'issue' && place.digest
      ? undefined
      : 'cette commande s’utilise dans l’issue « Candidatures à examiner ».';
  return place.kind === 'pull-request'
    ? undefined
    : 'cette commande s’utilise dans la pull request des binômes proposés.';
}

/**
 * Carries out the commands of a comment (issue 9), one after the other, and returns the reply
 * to post, in French: for each command what was done or why not. A comment without a command
 * gets no reply (undefined). Only people with write access may use commands; anyone else's are
 * ignored, and the reply says so. Bad input never throws: it is answered.
 */
export async function runCommentCommands(
  deps: MatchDependencies,
  request: { body: string; author?: string; place: CommandPlace },
): Promise<CommandsResult | undefined> {
  const parsed = parseCommands(request.body);
  const commands = parsed.commands;
  if (commands.length === 0) return undefined;
  if (request.place.kind !== 'terminal') {
    let permission;
    try {
      permission = await deps.store.permissionOf(request.author ?? '');
    } catch (error) {
      if (!(error instanceof PermissionUnknownError)) throw error;
      return {
        reply:
          '❌ Commandes ignorées\u00a0: Binôme n’a pas pu vérifier que vous avez le droit d’écriture sur ce dépôt. Rien n’a été fait. Demandez à la personne qui a installé Binôme de vérifier que son application GitHub peut lire les collaborateurs de ce dépôt, puis publiez de nouveau votre commentaire.',
        answers: [],
        failed: true,
        unverified: true,
      };
    }
    if (!writers.has(permission))
      return {
        reply:
          '❌ Commandes ignorées\u00a0: seules les personnes qui ont le droit d’écriture sur ce dépôt peuvent utiliser les commandes de Binôme. Rien n’a été fait. Demandez ce droit à une coordinatrice ou un coordinateur.',
        answers: [],
        failed: false,
        unverified: false,
      };
  }
  let cohort: string | undefined;
  if (request.place.kind === 'pull-request') {
    const pull = await deps.store.pullRequest(request.place.number);
    const fromBranch = pull && pull.state === 'open' ? cohortOfBranch(pull.branch) : undefined;
    // Only a cohort of the settings: a branch named like one is not enough.
    cohort = deps.settings.cohorts.some((c) => c.id === fromBranch) ? fromBranch : undefined;
  } else if (request.place.kind === 'terminal') cohort = request.place.cohort;
  const lines: string[] = [];
  const answers: CommandsResult['answers'] = [];
  let failed = false;
  let broken: Error | undefined;
  for (const [i, command] of commands.entries()) {
    let answer: string;
    if (broken)
      answer =
        '❌ pas faite : une erreur inattendue sur une commande précédente a arrêté la suite. Publiez-la de nouveau dans un commentaire, dans quelques minutes.';
    else if (i >= maxCommands)
      answer = `❌ ignorée : ${maxCommands} commandes au plus par commentaire. Publiez-la dans un nouveau commentaire.`;
    else
      try {
        answer = await carryOut(deps, command, request.place, cohort);
      } catch (error) {
        // The answers already given stand: the reply says what was done, what was not.
        broken = error instanceof Error ? error : new Error('unknown error');
        answer = `❌ erreur inattendue (${broken.name}) : cette commande n’a peut-être pas été faite. Dans quelques minutes, vérifiez la revue ; si rien n’a changé, publiez-la de nouveau dans un commentaire.`;
      }
    if (answer.startsWith('❌')) failed = true;
    answers.push({ command: command.text, answer });
    // Answers may quote what was typed (a wrong status, a mode): escaped, so that nothing typed
    // in a comment becomes a mention, a link or markup in Binôme's reply.
    lines.push(`- \`${command.text}\`\u00a0: ${escapeFrenchMarkdown(answer)}`);
  }
  if (parsed.ignored > 0)
    lines.push(
      `- ${parsed.ignored} autre${parsed.ignored > 1 ? 's' : ''} ligne${parsed.ignored > 1 ? 's' : ''} de commande ignorée${parsed.ignored > 1 ? 's' : ''} (${maxCommands} commandes au plus par commentaire) : publiez-les dans un nouveau commentaire.`,
    );
  return {
    reply: ['**Binôme** a traité vos commandes\u00a0:', '', ...lines].join('\n'),
    answers,
    failed,
    unverified: false,
    ...(broken ? { error: broken } : {}),
  };
}

async function carryOut(
  deps: MatchDependencies,
  command: CommandLine,
  place: CommandPlace,
  cohort: string | undefined,
): Promise<string> {
  if (!(commandNames as readonly string[]).includes(command.name))
    return `❌ commande inconnue. Commandes : /retirer, /associer, /interdire, /relancer (pull request des binômes), /decision (issue « Candidatures à examiner ») et /signee, /pause, /reprise, /cloture, /contact, /mi-parcours, /codes, /rendez-vous (suivi des binômes).`;
  const misplaced = placeError(command.name, place);
  if (misplaced) return `❌ ${misplaced}`;
  try {
    if (command.name === 'decision') return `✅ ${await decide(deps, command.args)}`;
    if (pairSteps.has(command.name))
      return `✅ ${await pairStep(deps, command.name, command.args)}`;
    if (!cohort)
      return place.kind === 'terminal'
        ? '❌ indiquez la cohorte : --cohort AAAA-AAAA.'
        : '❌ cette pull request n’est pas une proposition de binômes ouverte : ces commandes s’utilisent dans la pull request « Binômes proposés — cohorte … » encore ouverte.';
    const run = {
      retirer: withdrawPair,
      associer: forcePair,
      interdire: forbidPair,
      relancer: solveAgain,
    }[command.name as 'retirer' | 'associer' | 'interdire' | 'relancer'];
    // Another command or the matching job wrote the same files meanwhile: read again, redo.
    for (let attempt = 1; ; attempt += 1)
      try {
        return `✅ ${await run(deps, cohort, command.args)}`;
      } catch (error) {
        if (!(error instanceof StaleFileError) || attempt >= 5) throw error;
      }
  } catch (error) {
    if (error instanceof UsageError) return `❌ ${error.message}`;
    throw error;
  }
}
