import type { MatchingPool } from './build-pool.ts';
import type { MeetingMode, MentorProfile } from './profiles.ts';
import type { ScoringSettings } from './rule-score.ts';
import { availabilityPoints } from './score-availability.ts';
import { objectivesPoints } from './score-objectives.ts';
import { sectorFit, sectorPoints, studiesCloseTo } from './score-sector.ts';
import { monthsBetween, waitingPoints } from './score-waiting.ts';

/**
 * The rules compiled to bit fields and small tables, to score millions of pairs without
 * building objects (issue 9: 20,000 × 24,000 pairs scored in a few seconds). It computes the
 * same points as the rules themselves (`scorePair`): they share their arithmetic, and a property
 * test checks every total against the explained path.
 */
export interface CompiledScoring {
  /** The score of a pair, or -1 when a hard rule forbids it. Capacity is not looked at. */
  score(row: number, mentor: number): number;
  /**
   * The fast path: for each `columns[c]` (mentor indices, increasing), writes
   * `score × scale + offset` into `out[c]`, or -1 when a hard rule forbids the pair.
   */
  scoreRow(
    row: number,
    columns: Int32Array,
    out: Float64Array,
    scale: number,
    offset: number,
  ): void;
  /** The group of a mentor for the solver's skipping: its meeting mode and sector (0–127). */
  groupOf(mentor: number): number;
  /**
   * For each group, an upper bound of `score × scale + offset` over its mentors for this row
   * (0 when the mode rules them all out): every rule at its best but the sector and the mode,
   * which the group fixes.
   */
  groupBounds(row: number, out: Float64Array, scale: number, offset: number): void;
}

// Each mentor is one 32-bit word: objectives (bits 0–4), days (5–10), moments of the day
// (11–13), languages (14–21), meeting mode (22–23), sector (24–28). A pair then costs one load
// and four lookups in tables built once per mentoré.
const field = {
  objectives: { shift: 0, size: 5 },
  availability: { shift: 5, size: 9 },
  days: { shift: 5, size: 6 },
  periods: { shift: 11, size: 3 },
  languages: { shift: 14, size: 8 },
  modeAndSector: { shift: 22, size: 7 },
} as const;
const modeCode: Record<MeetingMode, number> = { presentiel: 0, visio: 1, 'les-deux': 2 };
/** In the mode-and-sector table: a forbidden pair, and a sector whose points need the words. */
const forbidden = -1;
const byWords = -2;

const popcount = new Uint8Array(512);
for (let i = 1; i < 512; i += 1) popcount[i] = (i & 1) + popcount[i >> 1]!;

function indexOf(values: Iterable<string>, size: number, what: string): Map<string, number> {
  const sorted = [...new Set(values)].sort();
  if (sorted.length > size) throw new RangeError(`More ${what} than the scoring can pack.`);
  return new Map(sorted.map((v, i) => [v, i]));
}

function maskOf(values: readonly string[], index: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const v of values) mask |= 1 << index.get(v)!;
  return mask;
}

/** Compiles the pool's people and rules (`today` dates the waiting bonus). */
export function compileScoring(
  pool: MatchingPool,
  settings: ScoringSettings,
  today: string,
): CompiledScoring {
  const { mentees, mentors } = pool;
  const w = settings.weights;
  const people = [...mentees, ...mentors];
  const objectiveIndex = indexOf(
    people.flatMap((p) => p.objectives),
    5,
    'objectives',
  );
  const dayIndex = indexOf(
    people.flatMap((p) => p.days),
    6,
    'days',
  );
  const periodIndex = indexOf(
    people.flatMap((p) => p.periods),
    3,
    'moments',
  );
  const languageIndex = indexOf(
    people.flatMap((p) => p.languages),
    8,
    'languages',
  );
  const sectorIndex = indexOf(
    mentors.map((m) => m.sector),
    32,
    'sectors',
  );
  const sectors = [...sectorIndex.keys()];

  const packed = new Int32Array(mentors.length);
  mentors.forEach((mentor, j) => {
    packed[j] =
      maskOf(mentor.objectives, objectiveIndex) |
      (maskOf(mentor.days, dayIndex) << field.days.shift) |
      (maskOf(mentor.periods, periodIndex) << field.periods.shift) |
      (maskOf(mentor.languages, languageIndex) << field.languages.shift) |
      ((modeCode[mentor.meetingMode] | (sectorIndex.get(mentor.sector)! << 2)) <<
        field.modeAndSector.shift);
  });
  // Conflicts of interest are found through these maps, never by comparing every pair's names.
  const byOrganisation = new Map<string, number[]>();
  const byAvoided = new Map<string, number[]>();
  mentors.forEach((mentor, j) => {
    if (mentor.organisation) push(byOrganisation, mentor.organisation, j);
    for (const name of mentor.avoid) push(byAvoided, name, j);
  });
  const mentorIndex = new Map(mentors.map((m, j) => [m.id, j]));
  const menteeIndex = new Map(mentees.map((m, i) => [m.id, i]));
  const ruledOutByRow = new Map<number, number[]>();
  const { forbidden: forbiddenPairs, withdrawn, closed } = pool.ruledOut;
  for (const key of [...forbiddenPairs, ...withdrawn, ...closed]) {
    const [, mentorPart, menteePart] = key.split('-');
    const i = menteeIndex.get(`mentee-${menteePart}`);
    const j = mentorIndex.get(`mentor-${mentorPart}`);
    if (i !== undefined && j !== undefined) push(ruledOutByRow, i, j);
  }
  const availability = new Int32Array(19);
  for (let k = 0; k <= 18; k += 1) availability[k] = availabilityPoints(w.availability, k);

  interface Row {
    objectives: Int32Array;
    availability: Int32Array;
    languages: Int32Array;
    modeAndSector: Int32Array;
    waiting: number;
    /** Mentors ruled out by a conflict of interest or a coordinator, increasing. */
    blocked: Int32Array;
    /** Sector points of « autre » mentors, by mentor: their words decide. */
    byWords: Map<number, number>;
  }
  let cached: { row: number; data: Row } | undefined;
  const none = new Int32Array(0);
  // Many mentorés share a table (the same objectives, moments, languages, sectors and
  // studies): each is built once, which keeps the cost of a row's tables far below its scan.
  const tables = new Map<string | number, Int32Array>();
  const highestOf = new Map<Int32Array, number>();
  // Whether a field of study is close to a sector, by field and sector (studies repeat a lot).
  const closeness = new Map<string, boolean>();
  const close = (field: string, sector: string): boolean => {
    const key = `${sector}/${field}`;
    let found = closeness.get(key);
    if (found === undefined) closeness.set(key, (found = studiesCloseTo(field, sector)));
    return found;
  };
  const table = (key: string | number, build: () => Int32Array): Int32Array => {
    let found = tables.get(key);
    if (!found) {
      found = build();
      let max = 0;
      for (const v of found) if (v > max) max = v;
      tables.set(key, found);
      highestOf.set(found, max);
    }
    return found;
  };
  const waitingOf = new Map<string, number>();
  const rowData = (i: number): Row => {
    if (cached?.row === i) return cached.data;
    const mentee = mentees[i]!;
    const wanted = mentee.objectives.length;
    const mine = maskOf(mentee.objectives, objectiveIndex);
    const objectives = table(mine * 8 + wanted, () => {
      const built = new Int32Array(32);
      for (let m = 0; m < 32; m += 1)
        built[m] = objectivesPoints(w.objectives, popcount[m & mine]!, wanted);
      return built;
    });
    const days = maskOf(mentee.days, dayIndex);
    const periods = maskOf(mentee.periods, periodIndex);
    const slots = table(-1 - (days * 8 + periods), () => {
      const built = new Int32Array(512);
      for (let m = 0; m < 512; m += 1)
        built[m] = availability[popcount[m & 63 & days]! * popcount[(m >> 6) & periods]!]!;
      return built;
    });
    const speaks = maskOf(mentee.languages, languageIndex);
    const languages = table(1000 + speaks, () => {
      const built = new Int32Array(256);
      for (let m = 0; m < 256; m += 1) built[m] = (m & speaks) !== 0 ? w.languages : 0;
      return built;
    });
    const mode = modeCode[mentee.meetingMode];
    const modeAndSector = table(
      `s${mode}/${mentee.sectors.join()}/${mentee.sectorOther}/${mentee.fieldFolded}`,
      () => {
        const built = new Int32Array(128).fill(forbidden);
        sectors.forEach((sector, s) => {
          const points =
            sector === 'autre'
              ? byWords
              : sectorPoints(w.sector, sectorFit(mentee, { sector } as MentorProfile, close));
          for (let theirs = 0; theirs < 3; theirs += 1) {
            if ((mode === 0 && theirs === 1) || (mode === 1 && theirs === 0)) continue;
            built[theirs | (s << 2)] =
              points === byWords
                ? byWords
                : points + (mode !== 1 && theirs !== 1 ? w.meetingMode : 0);
          }
        });
        return built;
      },
    );
    const blocked = new Set<number>(ruledOutByRow.get(i) ?? []);
    for (const name of mentee.avoid) for (const j of byOrganisation.get(name) ?? []) blocked.add(j);
    if (mentee.school) {
      for (const j of byOrganisation.get(mentee.school) ?? []) blocked.add(j);
      for (const j of byAvoided.get(mentee.school) ?? []) blocked.add(j);
    }
    const data: Row = {
      objectives,
      availability: slots,
      languages,
      modeAndSector,
      waiting:
        waitingOf.get(mentee.appliedOn) ??
        waitingOf
          .set(
            mentee.appliedOn,
            waitingPoints(
              w.waiting,
              monthsBetween(mentee.appliedOn, today),
              settings.waitingFullBonusMonths,
            ),
          )
          .get(mentee.appliedOn)!,
      blocked: blocked.size ? Int32Array.from([...blocked].sort((a, b) => a - b)) : none,
      byWords: new Map(),
    };
    cached = { row: i, data };
    return data;
  };

  /** The score without the « autre » sector's words and the ruled-out pairs: -1, -2 or points. */
  const quick = (r: Row, f: number): number => {
    const modeAndSector = r.modeAndSector[f >>> field.modeAndSector.shift]!;
    if (modeAndSector < 0) return modeAndSector;
    return (
      modeAndSector +
      r.objectives[f & 31]! +
      r.availability[(f >>> field.availability.shift) & 511]! +
      r.languages[(f >>> field.languages.shift) & 255]! +
      r.waiting
    );
  };
  /** The « autre » sector's points, cached per mentor: the mode's points are already known. */
  const wordsScore = (r: Row, i: number, j: number): number => {
    let points = r.byWords.get(j);
    if (points === undefined) {
      const mentee = mentees[i]!;
      const mentor = mentors[j]!;
      const f = packed[j]!;
      const theirs = (f >>> field.modeAndSector.shift) & 3;
      const mode = modeCode[mentee.meetingMode];
      points =
        sectorPoints(w.sector, sectorFit(mentee, mentor)) +
        (mode !== 1 && theirs !== 1 ? w.meetingMode : 0) +
        r.objectives[f & 31]! +
        r.availability[(f >>> field.availability.shift) & 511]! +
        r.languages[(f >>> field.languages.shift) & 255]! +
        r.waiting;
      r.byWords.set(j, points);
    }
    return points;
  };

  return {
    score(i, j) {
      const r = rowData(i);
      if (r.blocked.includes(j)) return -1;
      const score = quick(r, packed[j]!);
      return score === byWords ? wordsScore(r, i, j) : score;
    },
    groupOf(j) {
      return packed[j]! >>> 22;
    },
    groupBounds(i, out, scale, offset) {
      const r = rowData(i);
      const rest =
        highestOf.get(r.objectives)! +
        highestOf.get(r.availability)! +
        highestOf.get(r.languages)! +
        r.waiting;
      const mode = modeCode[mentees[i]!.meetingMode];
      for (let g = 0; g < out.length; g += 1) {
        const base = r.modeAndSector[g]!;
        const words = w.sector + (mode !== 1 && (g & 3) !== 1 ? w.meetingMode : 0);
        out[g] =
          base === forbidden ? 0 : ((base === byWords ? words : base) + rest) * scale + offset;
      }
    },
    scoreRow(i, columns, out, scale, offset) {
      const r = rowData(i);
      const count = columns.length;
      const rare = scoreColumns(packed, columns, out, r, scale, offset);
      // The rare cases, outside the loop: « autre » sectors, and pairs ruled out by a conflict
      // of interest or a coordinator.
      if (rare)
        for (let c = 0; c < count; c += 1)
          if (out[c] === byWords) out[c] = wordsScore(r, i, columns[c]!) * scale + offset;
      const blocked = r.blocked;
      if (blocked.length > 0) {
        let c = 0;
        for (const j of blocked) {
          while (c < count && columns[c]! < j) c += 1;
          if (c < count && columns[c] === j) out[c] = -1;
        }
      }
    },
  };
}

/**
 * The hot loop, on its own so that everything it reads is a parameter: one packed word per
 * mentor, four lookups. Returns whether some pair needs the « autre » sector's words.
 */
function scoreColumns(
  packed: Int32Array,
  columns: Int32Array,
  out: Float64Array,
  row: {
    objectives: Int32Array;
    availability: Int32Array;
    languages: Int32Array;
    modeAndSector: Int32Array;
    waiting: number;
  },
  scale: number,
  offset: number,
): boolean {
  const { objectives, availability, languages, modeAndSector, waiting } = row;
  const count = columns.length;
  // Every mentor a column (the usual case: all have places): no indirection per pair.
  const identity = count === packed.length;
  let rare = false;
  for (let c = 0; c < count; c += 1) {
    const f = identity ? packed[c]! : packed[columns[c]!]!;
    const base = modeAndSector[f >>> 22]!;
    if (base >= 0)
      out[c] =
        (base +
          objectives[f & 31]! +
          availability[(f >>> 5) & 511]! +
          languages[(f >>> 14) & 255]! +
          waiting) *
          scale +
        offset;
    else {
      out[c] = base;
      if (base === byWords) rare = true;
    }
  }
  return rare;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
