import type { RulesContext } from '../../schemas/application-rules.ts';
import { recordFolders } from '../../schemas/data-layout.ts';
import { sortRecords, type RecordSet } from '../records/sort-records.ts';
import type { BranchOption, DataStore } from './data-store.ts';

/**
 * The one record reader of the project: reads the applications, screening decisions, pairs and
 * matching edits of the data repository and returns the valid ones, with the files it could not
 * read (path and reason). It never throws because of a file's content; each caller decides what
 * an unreadable file means for it. It does throw when the store itself cannot be read. With
 * `folders`, only those record folders are read (a pairing branch's pairs, say).
 */
export async function readRecords(
  store: DataStore,
  options: BranchOption & {
    context?: Omit<RulesContext, 'today'>;
    folders?: readonly (typeof recordFolders)[number][];
  } = {},
): Promise<RecordSet> {
  const branch = options.branch ? { branch: options.branch } : {};
  const paths = (
    await Promise.all((options.folders ?? recordFolders).map((f) => store.listFiles(f, branch)))
  ).flat();
  const texts = await store.readFiles(paths, branch);
  return sortRecords(new Map(paths.map((path, i) => [path, texts[i]])), options.context);
}
