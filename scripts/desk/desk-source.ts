import type { RecordSource } from '../store/read-records.ts';

/**
 * Where a comment command belongs on GitHub: the « Candidatures à examiner » issue, the cohort's
 * pairing pull request, or the « Suivi des binômes » issue.
 */
export type CommandThread = 'digest' | 'pairing' | 'follow-up';

/** One action of the desk: exactly the comment command a coordinator would type. */
export interface DeskCommand {
  /** `/decision mentee-xxxxxx acceptee`: ids and words of the command only, never a name. */
  line: string;
  thread: CommandThread;
  /** The pairing commands' cohort. */
  cohort?: string;
}

/** Binôme's answer to a command, in French, as its reply says it. */
export interface DeskReply {
  text: string;
  /** The reply says some command was refused or could not run. */
  failed: boolean;
  /** Where the command and its reply can be read (GitHub's page of the comment). */
  link?: string;
}

/**
 * The data repository as the desk sees it: read-only records (for the one reader), and one way
 * to act, the comment commands. On GitHub, read with the coordinator's token from the browser
 * and acted upon by a comment the « Commandes » workflow answers; on the embedded default, read
 * and acted upon through the local server, which runs the same code as the command line.
 */
export interface DeskSource extends RecordSource {
  /** For people: « le dépôt clavim/mentorat-donnees », « le dépôt local ». */
  readonly label: string;
  /** Forgets what was listed, so that the next reading sees the repository as it is now. */
  refresh(): void;
  send(command: DeskCommand): Promise<DeskReply>;
  /**
   * Where a cohort's proposal is accepted: GitHub's page of its pull request (merging it
   * accepts), or undefined on the embedded default, where `accept` does it.
   */
  proposalLink(cohort: string): Promise<string | undefined>;
  /** Accepts a cohort's proposal, as `npm run match -- --accept <cohort>` (embedded default). */
  accept?(cohort: string): Promise<DeskReply>;
}
