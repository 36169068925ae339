import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { ProgrammeRun } from './run-programme.ts';

/** What the parent sends a shard: the country's three numbers, its programmes, the settings. */
export interface ShardTask {
  seed: number;
  total: number;
  programmes: number;
  /** The indices of the programmes this shard runs. */
  indices: number[];
  /** Programmes per progress message. */
  batch: number;
  settings: ProgrammeSettings;
}

/**
 * One programme's outcome as a shard returns it: its published figures (the CSV, and the bounds
 * read from it), which alone make the national table; and, for the measures printed at the end,
 * its sizes, pairs, busiest hours and times.
 */
export interface ShardProgramme extends Omit<ProgrammeRun, 'ms'> {
  /** `programmeBounds(csv)`, computed in the shard to share the work: [key, min, max or null]. */
  bounds: [string, number, number | null][];
  ms: ProgrammeRun['ms'] & { total: number };
}

export type ShardMessage =
  | { type: 'batch'; programmes: ShardProgramme[] }
  | { type: 'done'; pid: number; maxRssKB: number; ms: number }
  /** The shard stopped on an error: its class only, never what it was working on. */
  | { type: 'failed'; error: string };
