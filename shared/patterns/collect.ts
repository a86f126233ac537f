import { hash64, LOG_LEVELS } from '../domain';
import type { LogLevel } from '../domain';
import { PatternMiner } from './miner';
import type { MinerOptions } from './miner';

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
}

const LEVEL_INDEX = new Map<LogLevel, number>(LOG_LEVELS.map((l, i) => [l, i + 1]));
const LEVEL_SLOTS = LOG_LEVELS.length + 1;
const DEFAULT_BUCKETS = 24;

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
 * cluster counts, levels, times and files, and per record its time and cluster (12 bytes; the
 * histograms need the whole input's time range, known only at the end).
 */
export class PatternCollector {
  private readonly miner: PatternMiner;
  private readonly keepLines: boolean;
  private readonly buckets: number;
  private n = 0;
  private readonly at = new Column((k) => new Float64Array(k));
  private readonly cluster = new Column((k) => new Int32Array(k));
  private readonly file = new Column((k) => new Uint16Array(k));
  private readonly line = new Column((k) => new Uint32Array(k));
  private levels: Uint32Array[] = [];
  private clusterFiles: Set<number>[] = [];

  constructor(options: CollectorOptions = {}) {
    this.miner = new PatternMiner(options.miner);
    this.keepLines = options.keepLines ?? false;
    this.buckets = Math.max(1, Math.floor(options.buckets ?? DEFAULT_BUCKETS));
  }

  /** Adds one record; returns its cluster id. */
  add(input: PatternInput): number {
    const id = this.miner.add(input.message, input.level === null, input.key);
    const i = this.n++;
    this.at.set(i, input.at);
    this.cluster.set(i, id);
    if (this.keepLines) {
      this.file.set(i, Math.min(input.file, 0xffff));
      this.line.set(i, Math.min(Math.max(0, input.line), 0xffffffff));
    }
    while (this.levels.length <= id) {
      this.levels.push(new Uint32Array(LEVEL_SLOTS));
      this.clusterFiles.push(new Set());
    }
    this.clusterFiles[id]!.add(input.file);
    this.levels[id]![input.level === null ? 0 : (LEVEL_INDEX.get(input.level) ?? 0)]!++;
    return id;
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
    let minAt = Infinity;
    let maxAt = -Infinity;
    // A record's pattern is looked up again below rather than kept: no second column of n entries.
    for (let i = 0; i < this.n; i++) {
      const p = mined.patternOf(this.cluster.get(i));
      const at = this.at.get(i);
      count[p]!++;
      if (at < first[p]!) first[p] = at;
      if (at > last[p]!) last[p] = at;
      if (at < minAt) minAt = at;
      if (at > maxAt) maxAt = at;
    }
    this.levels.forEach((counts, id) => {
      const p = mined.patternOf(id);
      const target = levelCounts[p];
      if (target !== undefined) for (let l = 0; l < LEVEL_SLOTS; l++) target[l]! += counts[l]!;
      for (const f of this.clusterFiles[id]!) fileSets[p]?.add(f);
    });
    const histograms = Array.from({ length: k }, () => new Array<number>(this.buckets).fill(0));
    const span = maxAt - minAt;
    const lines: { file: string; line: number }[][] = this.keepLines
      ? Array.from({ length: k }, () => [])
      : [];
    for (let i = 0; i < this.n; i++) {
      const p = mined.patternOf(this.cluster.get(i));
      const b =
        span > 0
          ? Math.min(this.buckets - 1, Math.floor(((this.at.get(i) - minAt) / span) * this.buckets))
          : 0;
      histograms[p]![b]!++;
      if (this.keepLines) lines[p]!.push({ file: files[this.file.get(i)] ?? '', line: this.line.get(i) });
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
