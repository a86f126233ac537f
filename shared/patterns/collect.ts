import { LOG_LEVELS } from '../domain/constants';
import { hash64 } from '../domain/ids';
import type { LogLevel } from '../domain';
import { PatternMiner } from './miner';
import type { MinerOptions } from './miner';
import { TimeGrid } from './timeGrid';

/** One record as pattern mining sees it. */
export interface PatternInput {
  at: number;
  level: LogLevel | null;
  message: string;
  /** Index into the file names passed to `finish`. */
  file: number;
  /** 1-based line of the record in its file. */
  line: number;
  /** The message's pattern key, when a parallel import's worker worked it out (`patternKey`). */
  key?: string | undefined;
}

/** A mined pattern: the template its records share, and when and where they appeared. */
export interface MinedPattern {
  /** Stable for a template: `pat-` + hash of the template text. */
  id: string;
  template: string;
  count: number;
  /** The level most of its records have (ties: the more severe), null when none has one. */
  level: LogLevel | null;
  firstAt: number;
  lastAt: number;
  files: string[];
  /** Records per time bucket, the whole input's first..last record split in `buckets` equal parts. */
  histogram: number[];
  /** Its records' places, when the collector keeps them (`keepLines`). */
  lines?: { file: string; line: number }[];
}

export interface PatternStats {
  records: number;
  patterns: number;
  /** Templates before the final merge (a measure of how much the merge did). */
  clusters: number;
  /** Time range the histograms cover. */
  firstAt: number | null;
  lastAt: number | null;
  buckets: number;
}

export interface PatternResult {
  /** Most frequent first (then first seen, then template). */
  patterns: MinedPattern[];
  stats: PatternStats;
  /** The index in `patterns` of the cluster id `add` returned. */
  indexOf(clusterId: number): number;
}

export interface CollectorOptions {
  miner?: Partial<MinerOptions>;
  /** Keep each record's file and line (the CLI's `--with-lines`). */
  keepLines?: boolean;
  /** Histogram buckets per pattern (the sparkline's resolution). */
  buckets?: number;
  /** Records whose times are kept exactly for the histograms; past it they go on a grid. */
  exactRecords?: number;
}

const LEVEL_INDEX = new Map<LogLevel, number>(LOG_LEVELS.map((l, i) => [l, i + 1]));
const LEVEL_SLOTS = LOG_LEVELS.length + 1;
const DEFAULT_BUCKETS = 24;
/** 2M records: 24 MB of exact times; beyond, a bounded grid. */
const DEFAULT_EXACT_RECORDS = 1 << 21;

const CHUNK_BITS = 14;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/**
 * A per-record column in fixed-size chunks: it grows without copying, so ten million records
 * cost their 12 bytes each, not twice that (a doubled array) plus the copy while it doubles.
 */
class Column<T extends Float64Array | Int32Array | Uint32Array | Uint16Array> {
  private readonly chunks: T[] = [];

  constructor(private readonly make: (n: number) => T) {}

  set(i: number, value: number): void {
    const c = i >>> CHUNK_BITS;
    while (this.chunks.length <= c) this.chunks.push(this.make(1 << CHUNK_BITS));
    this.chunks[c]![i & CHUNK_MASK] = value;
  }

  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!;
  }
}

/**
 * Streams records into the pattern miner and keeps what the pattern summaries need: per
 * cluster counts, levels, times and files as they come, and for the histograms (which need the
 * whole input's time range, known only at the end) each record's time and cluster — 12 bytes a
 * record — up to `exactRecords` records. Past that the records' times go onto a `TimeGrid`
 * (bounded memory; a histogram bucket's edges then fall on the grid's cells, within a twentieth
 * of a bucket). With `keepLines` every record is kept: its lines are the output.
 */
export class PatternCollector {
  private readonly miner: PatternMiner;
  private readonly keepLines: boolean;
  private readonly buckets: number;
  private readonly exactRecords: number;
  private n = 0;
  private minAt = Infinity;
  private maxAt = -Infinity;
  private at: Column<Float64Array> | null = new Column((k) => new Float64Array(k));
  private cluster: Column<Int32Array> | null = new Column((k) => new Int32Array(k));
  private grid: TimeGrid | null = null;
  private readonly file = new Column((k) => new Uint16Array(k));
  private readonly line = new Column((k) => new Uint32Array(k));
  private levels: Uint32Array[] = [];
  private clusterFiles: Set<number>[] = [];
  private clusterCount: number[] = [];
  private clusterFirst: number[] = [];
  private clusterLast: number[] = [];

  constructor(options: CollectorOptions = {}) {
    this.miner = new PatternMiner(options.miner);
    this.keepLines = options.keepLines ?? false;
    this.buckets = Math.max(1, Math.floor(options.buckets ?? DEFAULT_BUCKETS));
    this.exactRecords = this.keepLines ? Infinity : (options.exactRecords ?? DEFAULT_EXACT_RECORDS);
  }

  /** Adds one record; returns its cluster id. */
  add(input: PatternInput): number {
    const id = this.miner.add(input.message, input.level === null, input.key);
    const i = this.n++;
    const at = input.at;
    if (this.grid !== null) this.grid.add(id, at);
    else {
      this.at!.set(i, at);
      this.cluster!.set(i, id);
      if (this.n > this.exactRecords) this.toGrid();
    }
    if (this.keepLines) {
      this.file.set(i, Math.min(input.file, 0xffff));
      this.line.set(i, Math.min(Math.max(0, input.line), 0xffffffff));
    }
    while (this.levels.length <= id) {
      this.levels.push(new Uint32Array(LEVEL_SLOTS));
      this.clusterFiles.push(new Set());
      this.clusterCount.push(0);
      this.clusterFirst.push(Infinity);
      this.clusterLast.push(-Infinity);
    }
    this.clusterFiles[id]!.add(input.file);
    this.levels[id]![input.level === null ? 0 : (LEVEL_INDEX.get(input.level) ?? 0)]!++;
    this.clusterCount[id]!++;
    if (at < this.clusterFirst[id]!) this.clusterFirst[id] = at;
    if (at > this.clusterLast[id]!) this.clusterLast[id] = at;
    if (at < this.minAt) this.minAt = at;
    if (at > this.maxAt) this.maxAt = at;
    return id;
  }

  /** Moves the exact times onto the grid and lets the columns go. */
  private toGrid(): void {
    const grid = new TimeGrid();
    for (let i = 0; i < this.n; i++) grid.add(this.cluster!.get(i), this.at!.get(i));
    this.grid = grid;
    this.at = null;
    this.cluster = null;
  }

  /** Summarises every pattern. `files` names the file indexes given to `add`. */
  finish(files: readonly string[]): PatternResult {
    const mined = this.miner.finish();
    const k = mined.templates.length;
    const count = new Float64Array(k);
    const first = new Float64Array(k).fill(Infinity);
    const last = new Float64Array(k).fill(-Infinity);
    const levelCounts = Array.from({ length: k }, () => new Uint32Array(LEVEL_SLOTS));
    const fileSets = Array.from({ length: k }, () => new Set<number>());
    this.levels.forEach((counts, id) => {
      const p = mined.patternOf(id);
      if (p < 0) return;
      count[p]! += this.clusterCount[id]!;
      if (this.clusterFirst[id]! < first[p]!) first[p] = this.clusterFirst[id]!;
      if (this.clusterLast[id]! > last[p]!) last[p] = this.clusterLast[id]!;
      const target = levelCounts[p]!;
      for (let l = 0; l < LEVEL_SLOTS; l++) target[l]! += counts[l]!;
      for (const f of this.clusterFiles[id]!) fileSets[p]!.add(f);
    });
    const { minAt, maxAt } = this;
    const histograms = Array.from({ length: k }, () => new Array<number>(this.buckets).fill(0));
    const span = maxAt - minAt;
    const bucketOf = (at: number): number =>
      span > 0 ? Math.min(this.buckets - 1, Math.floor(((at - minAt) / span) * this.buckets)) : 0;
    const lines: { file: string; line: number }[][] = this.keepLines
      ? Array.from({ length: k }, () => [])
      : [];
    if (this.grid !== null) {
      // A cell counts in the bucket its middle falls in (clamped to the records' range).
      this.grid.forEach((id, start, width, n) => {
        const p = mined.patternOf(id);
        const middle = Math.min(maxAt, Math.max(minAt, start + width / 2));
        if (p >= 0) histograms[p]![bucketOf(middle)]! += n;
      });
    } else {
      for (let i = 0; i < this.n; i++) {
        const p = mined.patternOf(this.cluster!.get(i));
        histograms[p]![bucketOf(this.at!.get(i))]!++;
        if (this.keepLines) lines[p]!.push({ file: files[this.file.get(i)] ?? '', line: this.line.get(i) });
      }
    }
    const patterns: MinedPattern[] = mined.templates.map((tokens, p) => {
      const template = tokens.join(' ');
      const pattern: MinedPattern = {
        id: `pat-${hash64(template)}`,
        template,
        count: count[p]!,
        level: dominantLevel(levelCounts[p]!),
        firstAt: first[p]!,
        lastAt: last[p]!,
        files: [...fileSets[p]!].sort((a, b) => a - b).map((f) => files[f] ?? ''),
        histogram: histograms[p]!,
      };
      if (this.keepLines) pattern.lines = lines[p]!;
      return pattern;
    });
    const order = patterns.map((_, p) => p);
    order.sort(
      (a, b) =>
        patterns[b]!.count - patterns[a]!.count ||
        patterns[a]!.firstAt - patterns[b]!.firstAt ||
        patterns[a]!.template.localeCompare(patterns[b]!.template),
    );
    const rank = new Int32Array(k);
    order.forEach((p, r) => (rank[p] = r));
    return {
      patterns: order.map((p) => patterns[p]!),
      stats: {
        records: this.n,
        patterns: k,
        clusters: this.miner.size,
        firstAt: this.n > 0 ? minAt : null,
        lastAt: this.n > 0 ? maxAt : null,
        buckets: this.buckets,
      },
      indexOf: (id) => {
        const p = mined.patternOf(id);
        return p < 0 ? -1 : rank[p]!;
      },
    };
  }
}

function dominantLevel(counts: Uint32Array): LogLevel | null {
  let best = 0;
  for (let l = 1; l < LEVEL_SLOTS; l++) if (counts[l]! > 0 && counts[l]! >= counts[best]!) best = l;
  if (best === 0 || counts[best] === 0) return null;
  return LOG_LEVELS[best - 1] ?? null;
}
