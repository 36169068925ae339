import type { MatchDependencies } from './propose-pairs.ts';
import { runCommentCommands } from './run-comment-commands.ts';
import { runMatch } from './run-match.ts';
import { printable } from '../text/printable.ts';
import { UsageError } from './usage-error.ts';

/** What an action of the coordinators' desk answers on the embedded default, in French. */
export interface DeskActionAnswer {
  text: string;
  failed: boolean;
}

/**
 * The coordinators' desk's actions on the embedded default (issue 15), by the command line's own
 * code: a comment command as `npm run match -- /commande …` runs it (the person at this machine
 * owns the data: no permission to check), and a cohort accepted as `npm run match -- --accept`.
 */
export function deskActions(deps: MatchDependencies) {
  return {
    async run(line: string, cohort: string | undefined): Promise<DeskActionAnswer> {
      const result = await runCommentCommands(deps, {
        body: line,
        place: { kind: 'terminal', ...(cohort ? { cohort } : {}) },
      });
      if (!result) return { text: 'Aucune commande reconnue.', failed: true };
      return {
        text: result.answers.map((a) => `${a.command} : ${printable(a.answer)}`).join('\n'),
        failed: result.failed,
      };
    },
    async accept(cohort: string): Promise<DeskActionAnswer> {
      const printed: string[] = [];
      try {
        const { failed } = await runMatch(['--accept', cohort], {
          ...deps,
          print: (line) => printed.push(line),
        });
        return { text: printed.join('\n'), failed };
      } catch (error) {
        if (error instanceof UsageError) return { text: error.message, failed: true };
        throw error;
      }
    },
  };
}
