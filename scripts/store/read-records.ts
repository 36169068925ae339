import type { RulesContext } from '../../schemas/application-rules.ts';
import { applicationPath, recordFolders } from '../../schemas/data-layout.ts';
import { isSealed } from '../../schemas/sealed-identity.ts';
import { checkApplication } from '../../schemas/validators.ts';
import { openIdentity, OpenIdentityError } from '../privacy/open-identity.ts';
import { sortRecords, unreadable, type RecordSet } from '../records/sort-records.ts';
import type { BranchOption, DataStore, KeyStore } from './data-store.ts';

/**
 * What the one reader reads from: a data store, or a read-only view of one (the coordinators'
 * desk reads GitHub from the browser, or the embedded default through the local server).
 */
export type RecordSource = Pick<DataStore, 'listFiles' | 'readFiles'> & {
  keys: Pick<KeyStore, 'read'>;
};

export interface ReadOptions extends BranchOption {
  context?: Omit<RulesContext, 'today'>;
  folders?: readonly (typeof recordFolders)[number][];
  /**
   * The coordinators' private keys (age identities), given only by what needs identities: the
   * conventions, `reveal`, subject access and erasure. With them, each sealed identity is opened
   * and the opened record checked again, identity rules included; without them, identities stay
   * sealed, and everything else is read exactly the same.
   */
  identities?: readonly string[];
  /** Single record files to read besides `folders` (one person's application, say). */
  paths?: readonly string[];
}

/**
 * The one record reader of the project: reads the applications, screening decisions, pairs,
 * matching edits and erasures of the data repository and returns the valid ones, with the files
 * it could not read (path and reason). It never throws because of a file's content; each caller
 * decides what an unreadable file means for it. It does throw when the store itself cannot be
 * read. With `folders`, only those record folders are read (a pairing branch's pairs, say).
 */
export async function readRecords(
  store: RecordSource,
  options: ReadOptions = {},
): Promise<RecordSet> {
  const branch = options.branch ? { branch: options.branch } : {};
  const listed = (
    await Promise.all((options.folders ?? recordFolders).map((f) => store.listFiles(f, branch)))
  ).flat();
  const asked = (options.paths ?? []).filter((path) => !listed.includes(path));
  const texts = await store.readFiles([...listed, ...asked], branch);
  const files = new Map(listed.map((path, i) => [path, texts[i]]));
  // A file asked for by name may simply not exist: absent, not unreadable.
  asked.forEach((path, i) => {
    const text = texts[listed.length + i];
    if (text !== undefined) files.set(path, text);
  });
  const set = sortRecords(files, options.context);
  if (options.identities) await openIdentities(store, set, options.identities, options.context);
  return set;
}

async function openIdentities(
  store: RecordSource,
  set: RecordSet,
  identities: readonly string[],
  context: ReadOptions['context'],
): Promise<void> {
  const open = async (application: RecordSet['applications'][number]) => {
    if (!isSealed(application.identity)) return application;
    try {
      const identity = await openIdentity(
        application.identity,
        await store.keys.read(application.id),
        identities,
      );
      return { ...application, identity } as RecordSet['applications'][number];
    } catch (error) {
      if (!(error instanceof OpenIdentityError)) throw error;
      set.unopened.push({ id: application.id, reason: error.message, problem: error.reason });
      return application;
    }
  };
  // A few at a time: on GitHub each key is two requests.
  const opened: RecordSet['applications'] = [];
  for (let i = 0; i < set.applications.length; i += 16)
    opened.push(...(await Promise.all(set.applications.slice(i, i + 16).map(open))));
  set.applications = [];
  for (const record of opened) {
    const kind = record.id.startsWith('mentor-') ? 'mentor' : 'mentee';
    const checked = checkApplication(kind, record, context);
    if (checked.ok) set.applications.push(checked.value);
    else set.unreadable.push(unreadable(applicationPath(record.id), checked.problems));
  }
}
