import { tokensFrom } from '../../schemas/fill-tokens.ts';
import type { PrivacyDependencies } from '../../scripts/commands/privacy-dependencies.ts';
import type { DataStore } from '../../scripts/store/data-store.ts';
import { programmeSettings } from '../helpers/intake-harness.ts';
import { accessNotice } from '../../scripts/commands/access-notice.ts';

/**
 * What the privacy commands get from the command line, as typed stand-ins: `store`, a fixed
 * clock, the coordinators' key `identities` (given as `--key` would), every printed line kept
 * in `printed`, and every file written kept in `written`.
 */
export function privacyDeps(store: DataStore, identities: readonly string[] = []) {
  const printed: string[] = [];
  const written = new Map<string, string>();
  const deps: PrivacyDependencies & {
    writeFile: (path: string, text: string) => Promise<void>;
    defaultOut: string;
    notice: string;
  } = {
    store,
    now: () => new Date('2026-12-01T10:00:00Z'),
    timeZone: 'Europe/Paris',
    print: (line) => void printed.push(line),
    tokens: tokensFrom(programmeSettings()),
    identities: () => Promise.resolve([...identities]),
    onGitHub: false,
    writeFile: (path, text) => Promise.resolve(void written.set(path, text)),
    defaultOut: 'home/binome-acces',
    notice: accessNotice(programmeSettings()),
  };
  return { deps, printed, written };
}
