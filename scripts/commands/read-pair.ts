import { pairPath } from '../../schemas/data-layout.ts';
import type { Pair } from '../../schemas/pair.schema.ts';
import { sortRecords } from '../records/sort-records.ts';
import type { DataStore } from '../store/data-store.ts';
import { UsageError } from './usage-error.ts';

/**
 * A pair's file, read once: the valid pair, and the text read (the guard of a commit that
 * rewrites it). A missing or unreadable file is a French `UsageError`, never a stack trace.
 */
export async function readPairFile(
  store: DataStore,
  id: string,
): Promise<{ pair: Pair; path: string; text: string }> {
  const path = pairPath(id);
  const text = await store.readFile(path);
  const pair =
    text === undefined
      ? undefined
      : sortRecords(new Map([[path, text]])).pairs.find((p) => p.id === id);
  if (text === undefined)
    throw new UsageError(`Le binôme ${id} n’existe pas dans le dépôt de données.`);
  if (!pair)
    throw new UsageError(
      `Le fichier du binôme ${id} n’a pas pu être lu : corrigez-le d’abord (la validation dit pourquoi).`,
    );
  return { pair, path, text };
}
