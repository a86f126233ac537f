import { MAX_STORED_ERRORS } from '../domain/constants';
import type { Finding, ImportError, KeyTimes, LogRecord } from '../domain';
import { classifyRecord, RecordClassifier } from '../timeline/classify';
import { ChangeAnalysis } from '../timeline/changes';
import { Folder } from '../timeline/fold';
import type { FoldResult, RecordRef, Regroup } from '../timeline/fold';
import { PhaseTracker } from '../timeline/phases';
import type {
  BurstOptions,
  EventCapReport,
  FindingOptions,
  FoldOptions,
  TimelineEventDraft,
} from '../timeline/types';
import { PatternCollector } from '../patterns/collect';
import type { MinedPattern, PatternResult, PatternStats } from '../patterns/collect';
import { canonicalService, normalizeAliases } from '../timeline/aliases';
import type { ServiceAliases } from '../timeline/aliases';
import { firstLineOf } from '../timeline/template';
import { FileReader, newTally } from './file-reader';
import type { FileStats } from './file-reader';
import { parsedFile } from './merge';
import type { ParsedFile } from './merge';
import type { FieldMapping, FormatDef, RawRecord } from './types';

/** Where formats come from: the app's registry, or a test's own list. */
export interface FormatRegistry {
  getFormat(id: string): FormatDef | undefined;
  detectFormat(head: string, fileName: string): { id: string; confidence: number };
}

export interface CreateImportOptions {
  /** IANA zone for timestamps without an offset. */
  zone: string;
  /** Year for timestamps without one; null = let the format infer it. */
  year?: number | null;
  /** Format id for every file; null/undefined = detect per file. */
  format?: string | null;
  mapping?: FieldMapping | null;
  foldOptions?: Partial<FoldOptions>;
  findingOptions?: Partial<FindingOptions>;
  /** Service aliases (alias → canonical), applied to every record before anything else. */
  aliases?: ServiceAliases;
  /** When a WARN pattern counts as a burst (and so as impact). */
  burstOptions?: Partial<BurstOptions>;
  /** Keep every pattern's record places (file, line): the CLI's `patterns --with-lines`. */
  patternLines?: boolean;
  /** Gets every classified record (log ones too), in file order, e.g. to store in blocks. */
  onRecord?: (record: LogRecord) => void;
}

export type { FileStats };

export interface ImportStatsResult {
  files: number;
  lines: number;
  records: number;
  skipped: number;
  errorCount: number;
  /** The first MAX_STORED_ERRORS errors; errorCount is the true number. */
  errors: ImportError[];
  perFile: FileStats[];
}

/** A mined pattern with the timeline events its records were folded into. */
export interface ImportPattern extends MinedPattern {
  eventIds: string[];
}

export interface ImportResult {
  events: TimelineEventDraft[];
  /** Set when the import had more events than FoldOptions.maxEvents and folded groups by pattern. */
  cap: EventCapReport | null;
  phases: KeyTimes;
  findings: Finding[];
  stats: ImportStatsResult;
  /** Every record in exactly one pattern, most frequent first (shared/patterns). */
  patterns: ImportPattern[];
  patternStats: PatternStats;
}

/** A file being fed to an import, chunk by chunk (any split, even mid-line). */
export interface FileInput {
  push(chunk: string): void;
  end(): void;
}

export interface Import {
  /** `mapping` overrides the import's field mapping for this file (unknown JSON/CSV columns). */
  /** `capturedAt`: the file's modification time, for formats whose records may carry no time. */
  addFile(
    name: string,
    options?: { format?: string | null; mapping?: FieldMapping | null; capturedAt?: number | null },
  ): FileInput;
  /** An archive (Slack export zip or folder) already unpacked into text entries. */
  addEntries(
    name: string,
    entries: { path: string; text: string }[],
    options?: { format?: string | null },
  ): void;
  /**
   * The format a file would be read in, given its head (BOM dropped): the requested one, else
   * the import's, else detected. A string says why there is none.
   */
  formatOf(name: string, head: string, format?: string | null): FormatDef | string;
  /** A file parsed apart in segments (parallel import), in format `format` (an id). */
  addParsed(name: string, format: string): ParsedFile;
  finish(): ImportResult;
}

/* Latest instant accepted: year 9999. Parsers should never produce more, but one bug must not
 * poison the timeline with NaN or 1e300. */
const MAX_AT = 253_402_300_799_999;
const MIN_AT = -62_135_596_800_000;

/**
 * Creates a streaming import with an explicit format registry (see `createImport` in
 * pipeline.ts for the app's). Never throws on file content: bad lines become errors.
 */
export function createImportWith(registry: FormatRegistry, options: CreateImportOptions): Import {
  const files: string[] = [];
  const tallies: FileStats[] = [];
  const errors: ImportError[] = [];
  const folder = new Folder(options.foldOptions);
  const phases = new PhaseTracker();
  const classifier = new RecordClassifier({ burst: options.burstOptions });
  const changes = new ChangeAnalysis<RecordRef | -1>(options.findingOptions);
  const patterns = new PatternCollector({ keepLines: options.patternLines ?? false });
  const foldedRecords = new FoldedClusters();
  const onRecord = options.onRecord;
  const aliases = normalizeAliases(options.aliases ?? {});
  const hasAliases = Object.keys(aliases).length > 0;
  let finished: ImportResult | null = null;
  // One fold key string per cluster, so folding finds its group without hashing a new string.
  const clusterKeys: string[] = [];
  const clusterKey = (cluster: number): string => (clusterKeys[cluster] ??= `${PATTERN_KEY}${cluster}`);

  function addError(tally: FileStats, line: number, reason: string): void {
    tally.errorCount++;
    if (errors.length < MAX_STORED_ERRORS) errors.push({ file: tally.file, line, reason });
  }

  /** `key`: the message's pattern key when a parallel import's worker worked it out. */
  function addRecord(tally: FileStats, fileIndex: number, parsed: RawRecord, key?: string): void {
    const raw = hasAliases ? withAliases(parsed, aliases) : parsed;
    const at = raw.at;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < MIN_AT || at > MAX_AT) {
      addError(tally, raw.source.line, `timestamp out of range (${String(at)})`);
      return;
    }
    tally.records++;
    if (tally.firstAt === null || at < tally.firstAt) tally.firstAt = at;
    if (tally.lastAt === null || at > tally.lastAt) tally.lastAt = at;
    const cluster = patterns.add({
      at,
      level: raw.level,
      message: raw.message,
      file: fileIndex,
      line: raw.source.line,
      key,
    });
    // A pattern's kind comes from its level and its own rate (WARN bursts): see classify.ts.
    const kind = classifier.kindOf(raw, fileIndex, cluster);
    if (onRecord !== undefined) onRecord(classifyRecord(raw, kind));
    phases.add(at, kind, raw.type);
    let ref: RecordRef | -1 = -1;
    if (kind !== 'log') {
      const endAt =
        raw.endAt !== null && Number.isFinite(raw.endAt) && raw.endAt <= MAX_AT ? raw.endAt : null;
      ref = folder.add({
        at,
        kind,
        service: raw.service,
        region: raw.region,
        // The title names the record; its stack trace stays in the stored record as evidence.
        message: firstLineOf(raw.message),
        // Changes keep their step numbers (the default key); the rest folds by mined pattern.
        key: kind === 'change' ? undefined : clusterKey(cluster),
        file: fileIndex,
        line: raw.source.line,
        repeat: raw.repeat,
        endAt,
        injected: raw.injected,
      });
      // A record folded on its pattern is found through its group (FoldResult.eventsByKey).
      if (kind === 'change' || folder.inCatchAll(ref)) foldedRecords.add(ref, cluster);
    }
    changes.add(raw, kind, firstLineOf(raw.message), ref);
    if (kind === 'log')
      tally.routine[raw.kindHint === 'log' ? 'format' : raw.level === 'warn' ? 'warn' : 'plain']++;
  }

  function open(
    name: string,
    format: string | null,
    mapping?: FieldMapping | null,
    capturedAt?: number | null,
  ): FileReader {
    finished = null;
    const fileIndex = files.length;
    // Folding keeps the file index in 16 bits; a 65,536th file shares the last slot's name.
    const slot = Math.min(fileIndex, 0xffff);
    files.push(name);
    const mapped = mapping === undefined || mapping === null ? options : { ...options, mapping };
    const readerOptions =
      capturedAt === undefined || capturedAt === null ? mapped : { ...mapped, capturedAt };
    // Attributes are only stored with records: without onRecord, formats may leave them out.
    const reader = new FileReader(
      name,
      { ...readerOptions, attrs: onRecord !== undefined },
      {
        resolve: (head) => resolveFormat(registry, format ?? options.format ?? null, head, name),
        record: (tally, raw) => addRecord(tally, slot, raw),
        error: addError,
      },
    );
    tallies.push(reader.tally);
    return reader;
  }

  return {
    addFile(name, fileOptions) {
      return open(name, fileOptions?.format ?? null, fileOptions?.mapping, fileOptions?.capturedAt);
    },
    formatOf(name, head, format) {
      return resolveFormat(registry, format ?? options.format ?? null, head, name);
    },
    addParsed(name, format) {
      finished = null;
      const slot = Math.min(files.length, 0xffff);
      files.push(name);
      const tally = newTally(name);
      tally.format = format;
      tallies.push(tally);
      const add = (raw: RawRecord, line: number, key: string | undefined): void => {
        raw.source = { file: name, line };
        addRecord(tally, slot, raw, key);
      };
      return parsedFile(tally, add, addError);
    },
    addEntries(name, entries, fileOptions) {
      open(name, fileOptions?.format ?? null).entries(entries);
    },
    finish() {
      if (finished !== null) return finished;
      const mined = patterns.finish(files);
      const fold = folder.finish(files, {
        inputRecords: tallies.reduce((n, t) => n + t.records, 0),
        regroup: byMinedPattern(mined),
        keyName: 'pattern',
      });
      const keyTimes = phases.result();
      const found = changes.findings(keyTimes, (ref) => (ref === -1 ? null : fold.eventIdOf(ref)));
      markKeyEvents(fold.events, keyTimes, found);
      const eventIds = foldedRecords.eventIds(mined, fold);
      finished = {
        events: fold.events,
        cap: fold.cap,
        phases: keyTimes,
        findings: found,
        stats: totals(tallies, errors),
        patterns: mined.patterns.map((p, i) => ({ ...p, eventIds: eventIds[i] ?? [] })),
        patternStats: mined.stats,
      };
      return finished;
    },
  };
}

/* Fold keys that name a miner cluster; a change's key (its own text) never starts so. */
const PATTERN_KEY = '\u0000p';

/* A cluster's fold key → its final pattern (clusters the miner merged fold together), titled
 * by the pattern's template. */
function byMinedPattern(mined: PatternResult): Regroup {
  return (key) => {
    if (!key.startsWith(PATTERN_KEY)) return null;
    const p = mined.indexOf(Number(key.slice(PATTERN_KEY.length)));
    const pattern = mined.patterns[p];
    return pattern === undefined ? null : { key: pattern.id, title: pattern.template };
  };
}

/* One service under one name: the record's service and its change targets' components. */
function withAliases(raw: RawRecord, aliases: ServiceAliases): RawRecord {
  const service = canonicalService(raw.service, aliases);
  const change =
    raw.change === null
      ? null
      : {
          ...raw.change,
          targets: raw.change.targets.map((t) => ({
            ...t,
            component: canonicalService(t.component, aliases) ?? '',
          })),
        };
  return { ...raw, service, change };
}

function resolveFormat(
  registry: FormatRegistry,
  requested: string | null,
  head: string,
  name: string,
): FormatDef | string {
  // A gzipped file is detected by the name it has inside the gzip.
  const id = requested ?? registry.detectFormat(head, name.replace(/\.gz$/i, '')).id;
  const def = registry.getFormat(id);
  return def ?? `unknown format "${id}"`;
}

/* Key events are the ones the exported document shows by default: those holding a phase
 * boundary of their kind, and those holding a finding's rollout step. */
function markKeyEvents(events: TimelineEventDraft[], times: KeyTimes, found: Finding[]): void {
  const boundaries: [number | null, string][] = [
    [times.impactStartAt, 'impact'],
    [times.detectedAt, 'detection'],
    [times.mitigatedAt, 'mitigation'],
    [times.recoveredAt, 'recovery'],
    [times.resolvedAt, 'recovery'],
  ];
  const findingIds = new Set(found.flatMap((f) => f.eventIds));
  for (const e of events) {
    if (findingIds.has(e.id)) e.key = true;
    for (const [at, kind] of boundaries) {
      if (at !== null && e.kind === kind && e.at <= at && at <= (e.endAt ?? e.at)) e.key = true;
    }
  }
}

function totals(tallies: FileStats[], errors: ImportError[]): ImportStatsResult {
  const perFile = tallies.map((t) => ({ ...t, routine: { ...t.routine } }));
  const sum = (f: (t: FileStats) => number): number => perFile.reduce((n, t) => n + f(t), 0);
  return {
    files: perFile.length,
    lines: sum((t) => t.lines),
    records: sum((t) => t.records),
    skipped: sum((t) => t.skipped),
    errorCount: sum((t) => t.errorCount),
    errors,
    perFile,
  };
}

/** The pattern cluster of each folded record, to tell each pattern which events hold it. */
/**
 * The records whose pattern their event's group does not tell (changes, which fold on their own
 * text, and records past the group limit): each one's reference and cluster, 12 bytes a record.
 */
class FoldedClusters {
  private n = 0;
  private refs = new Float64Array(64);
  private clusters = new Int32Array(64);

  add(ref: RecordRef, cluster: number): void {
    if (this.n === this.refs.length) {
      const refs = new Float64Array(this.n * 2);
      refs.set(this.refs);
      this.refs = refs;
      const clusters = new Int32Array(this.n * 2);
      clusters.set(this.clusters);
      this.clusters = clusters;
    }
    this.refs[this.n] = ref;
    this.clusters[this.n] = cluster;
    this.n++;
  }

  /** Event ids per pattern index, in timeline order. */
  eventIds(mined: PatternResult, fold: FoldResult): string[][] {
    const sets = Array.from({ length: mined.patterns.length }, () => new Set<string>());
    const indexById = new Map(mined.patterns.map((p, i) => [p.id, i]));
    for (const [key, ids] of fold.eventsByKey()) {
      const p = indexById.get(key);
      if (p !== undefined) for (const id of ids) sets[p]!.add(id);
    }
    for (let i = 0; i < this.n; i++) {
      const id = fold.eventIdOf(this.refs[i]!);
      const p = mined.indexOf(this.clusters[i]!);
      if (id !== null && p >= 0) sets[p]!.add(id);
    }
    const order = new Map(fold.events.map((e, i) => [e.id, i]));
    return sets.map((s) => [...s].sort((a, b) => order.get(a)! - order.get(b)!));
  }
}
