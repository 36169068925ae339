import { parseArgs } from 'node:util';
import { pairingBranch, reviewPath } from '../../schemas/data-layout.ts';
import { acceptCohort } from './accept-pairs.ts';
import { modeWords } from './pairing-commands.ts';
import { checkedCohort } from './pairing-state.ts';
import { proposePairs, type MatchDependencies } from './propose-pairs.ts';
import { runCommentCommands } from './run-comment-commands.ts';
import { UsageError } from './usage-error.ts';
import { printable } from '../text/printable.ts';

const usage = `Utilisation :
  npm run match -- --cohort <cohorte> [--mode meilleurs|plus-nombreux]
      propose les binômes de la cohorte (branche binomes/<cohorte>)
  npm run match -- --cohort <cohorte> --show
      affiche la revue de la proposition
  npm run match -- --cohort <cohorte> /retirer <binôme>
      les commandes des coordinateurs, comme sur GitHub : /retirer <binôme>,
      /associer <mentor> <mentoré>, /interdire <mentor> <mentoré>, /relancer [meilleurs|plus-nombreux]
  npm run match -- /decision <candidature> <statut> [motif]
      enregistre une décision, comme npm run screen
  npm run match -- --accept <cohorte>
      accepte la proposition (fusionne la branche)
Modes : meilleurs (le plus de points au total), plus-nombreux (le plus de personnes en binôme).`;

export interface RunMatchDependencies extends MatchDependencies {
  print: (line: string) => void;
}

/**
 * `npm run match`: proposes a cohort's pairs, shows the review, carries out a coordinator's
 * command exactly as the comment command on GitHub does, or accepts the proposal.
 */
export async function runMatch(
  args: readonly string[],
  deps: RunMatchDependencies,
): Promise<{ failed: boolean }> {
  if (args.includes('--help') || args.includes('-h')) {
    deps.print(usage);
    return { failed: false };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        cohort: { type: 'string' },
        mode: { type: 'string' },
        accept: { type: 'string' },
        show: { type: 'boolean', default: false },
      },
    });
  } catch {
    throw new UsageError(`Option inconnue ou sans valeur.\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.accept !== undefined) {
    const cohort = checkedCohort(deps.settings, values.accept);
    const { merged, accepted, refused } = await acceptCohort(
      deps.store,
      cohort,
      deps.now(),
      deps.settings.mentoring.mentorCapacityMax,
    );
    for (const r of refused) deps.print(`Le binôme ${r.id} n’est pas accepté : ${r.reason}.`);
    deps.print(
      accepted.length === 0 && !merged && refused.length === 0
        ? `Rien à accepter pour la cohorte ${cohort} : aucune proposition en attente.`
        : `Cohorte ${cohort} : ${accepted.length} binôme${accepted.length > 1 ? 's' : ''} accepté${accepted.length > 1 ? 's' : ''}${accepted.length ? ` (${accepted.join(', ')})` : ''}.`,
    );
    return { failed: false };
  }
  if (positionals.length > 0) {
    if (!positionals[0]!.startsWith('/'))
      throw new UsageError(`« ${printable(positionals[0]!)} » n’est pas une commande.\n${usage}`);
    const cohort =
      values.cohort === undefined ? undefined : checkedCohort(deps.settings, values.cohort);
    const result = await runCommentCommands(deps, {
      body: positionals.join(' '),
      place: { kind: 'terminal', ...(cohort ? { cohort } : {}) },
    });
    for (const { command, answer } of result?.answers ?? [])
      deps.print(`${command} : ${printable(answer)}`);
    return { failed: result?.failed ?? false };
  }
  const cohort = checkedCohort(deps.settings, values.cohort);
  if (values.show) {
    const review = await deps.store.readFile(reviewPath(cohort), { branch: pairingBranch(cohort) });
    // The file is Markdown for GitHub, every typed character escaped: a terminal shows it decoded.
    deps.print(
      review?.replace(/&#([0-9]+);/g, (_, code: string) => String.fromCharCode(Number(code))) ??
        `Aucune proposition pour la cohorte ${cohort} : lancez npm run match -- --cohort ${cohort}.`,
    );
    return { failed: false };
  }
  const mode = values.mode === undefined ? undefined : modeWords[values.mode.toLowerCase()];
  if (values.mode !== undefined && !mode)
    throw new UsageError(`Mode « ${printable(values.mode)} » inconnu.\n${usage}`);
  const outcome = await proposePairs(deps, { cohort, ...(mode ? { mode } : {}) });
  deps.print(
    `Cohorte ${cohort} (mode ${outcome.mode === 'best' ? 'meilleurs' : 'plus-nombreux'}) : ${outcome.pairs} binôme${outcome.pairs > 1 ? 's' : ''} proposé${outcome.pairs > 1 ? 's' : ''}, ${outcome.unmatched} mentoré${outcome.unmatched > 1 ? 's' : ''} sans binôme.`,
  );
  if (outcome.pullRequest)
    deps.print(
      `Proposition sur la branche ${pairingBranch(cohort)} (pull request n° ${outcome.pullRequest.number})${outcome.changed ? '' : ', inchangée'}. Lisez-la : npm run match -- --cohort ${cohort} --show ; acceptez-la : npm run match -- --accept ${cohort}.`,
    );
  else {
    deps.print('Rien de nouveau à proposer.');
    for (const u of outcome.leftOver) deps.print(`  ${u.id} : ${u.reason}`);
  }
  return { failed: false };
}
