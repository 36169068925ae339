import type { ProgrammeSettings } from '../../schemas/programme.schema.ts';
import type { BusiestTimes } from './busiest-times.ts';

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

/** One programme's outcome as a shard returns it: published figures, sizes and times only. */
export interface ShardProgramme {
  index: number;
  id: string;
  mentees: number;
  mentors: number;
  pairs: number;
  unmatched: number;
  /** The structure's published `chiffres.csv`. */
  csv: string;
  /** `programmeBounds(csv)`, computed in the shard to share the work: [key, min, max or null]. */
  bounds: [string, number, number | null][];
  busiest: BusiestTimes;
  ms: { generate: number; match: number; follow: number; report: number; total: number };
}

export type ShardMessage =
  | { type: 'batch'; programmes: ShardProgramme[] }
  | { type: 'done'; pid: number; maxRssKB: number; ms: number };
