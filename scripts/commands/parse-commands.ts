import { foldedWord } from '../text/folded-word.ts';

/** The steps of a pair's life (issue 12): each is `npm run pair -- <binôme> <étape> …`. */
export const pairStepNames = [
  'signee',
  'pause',
  'reprise',
  'cloture',
  'codes',
  'contact',
  'mi-parcours',
  'rendez-vous',
] as const;

/** The comment commands coordinators type on GitHub (and on the command line). */
export const commandNames = [
  'retirer',
  'associer',
  'interdire',
  'relancer',
  'decision',
  ...pairStepNames,
] as const;
export type CommandName = (typeof commandNames)[number];

/** One command line of a comment: its name (unknown names kept, to be answered) and words. */
export interface CommandLine {
  /** The line as typed, made printable and cut, to quote in the reply. */
  text: string;
  name: string;
  args: string[];
}

/** A comment may hold a few commands, one per line; more are answered as refused. */
export const maxCommands = 10;

/**
 * The command lines of a comment: every line that starts with `/` (after spaces), outside code
 * blocks. Any other line is conversation and is ignored, so a comment with no command gets no
 * reply. `/décision` and `/decision` are the same command.
 */
export function parseCommands(body: string): { commands: CommandLine[]; ignored: number } {
  const commands: CommandLine[] = [];
  let ignored = 0;
  let inCode = false;
  let inComment = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('```') || line.startsWith('~~~')) inCode = !inCode;
    // What GitHub does not show is not a command: a line in an HTML comment, or indented as code.
    const commented = inComment || line.startsWith('<!--');
    if (line.includes('<!--')) inComment = true;
    if (line.includes('-->')) inComment = false;
    if (inCode || commented || /^( {4}|\t)/.test(raw) || !line.startsWith('/')) continue;
    // One more than the limit is kept, to be answered « ignorée »; the rest are only counted,
    // so that a huge comment cannot make a reply GitHub would refuse.
    if (commands.length > maxCommands) {
      ignored += 1;
      continue;
    }
    const [first = '', ...args] = line.split(/\s+/);
    const name = foldedWord(first.slice(1));
    commands.push({
      text: quoteable(line),
      name,
      args: args.slice(0, 20).map((a) => a.slice(0, 100)),
    });
  }
  return { commands, ignored };
}

/** A line safe to quote inside a Markdown code span in a reply: no backtick, no control, short. */
export function quoteable(text: string): string {
  const clean = text.replace(
    /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069`]/g,
    ' ',
  );
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}
