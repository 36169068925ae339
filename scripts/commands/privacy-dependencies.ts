import type { TextTokens } from '../../schemas/fill-tokens.ts';
import type { DataStore } from '../store/data-store.ts';
import type { ConventionFolder } from './convention-folder.ts';

/** What the privacy commands (reveal, subject access, erase, retention, keys) are given. */
export interface PrivacyDependencies {
  store: DataStore;
  now: () => Date;
  /** The programme's time zone: « today » is the day there (`structure.timeZone`). */
  timeZone: string;
  print: (line: string) => void;
  tokens: TextTokens;
  /**
   * The coordinators' private keys, asked for only by what needs them (given at run time:
   * `--key`, `BINOME_AGE_KEY_FILE`, `BINOME_AGE_KEY`); the file, if any, named by `keyFile`.
   */
  identities: (keyFile?: string) => Promise<string[]>;
  /** Where the embedded default is (undefined on GitHub): said in what remains after erasure. */
  onGitHub: boolean;
  /** The embedded default's filled conventions (`<data>/conventions`): erasure removes theirs. */
  conventions?: ConventionFolder;
}
