import type { Attrs, EventKind, LogLevel, SourceRef } from '../domain';

/**
 * Where a change is in its life, as its source says: a rollout starts, takes steps (a canary
 * weight, a wave of regions), and ends completed, failed, aborted or rolled back.
 */
export const CHANGE_PHASES = ['started', 'step', 'completed', 'failed', 'aborted', 'rolled-back'] as const;
export type ChangePhase = (typeof CHANGE_PHASES)[number];

/** True for the phases that put a change on its targets (what the rollout findings read). */
export function isChangeStepPhase(phase: ChangePhase | null | undefined): boolean {
  return phase === 'started' || phase === 'step';
}

/**
 * One change model for every source (orchestrator CloudEvents `deploy.*`, GitHub deployments,
 * Argo Rollouts, Flux, Terraform, Nomad, Spinnaker…): what changed, where, and how far. Used by
 * the change findings; flattened into attrs when stored.
 */
export interface ChangeInfo {
  /** The change id shared by every step of one rollout (`data.change`, a revision, an apply). */
  id: string | null;
  /** software | config | infrastructure (free text kept as is). */
  changeKind: string | null;
  description: string | null;
  targets: { component: string; region: string | null; slice: string | null }[];
  /**
   * Where the change is in its life; absent/null for sources that say it by event type
   * (CloudEvents `…deploy.started`/`…deploy.step`, see `isStepType`).
   */
  phase?: ChangePhase | null;
  /** Share of traffic or targets the change reaches after this step, 0–100 (a canary weight). */
  weight?: number | null;
}

/**
 * What a format parser emits: one record, not yet classified. The pipeline turns it into a
 * stored `LogRecord` by choosing its `kind` (from `kindHint` when the format knows, else rules).
 */
export interface RawRecord {
  at: number;
  level: LogLevel | null;
  message: string;
  service: string | null;
  region: string | null;
  attrs: Attrs;
  source: SourceRef;
  /** Set when the format itself says what the record means (CloudEvents type, Statuspage status…). */
  kindHint: EventKind | null;
  /** Event type name as the source wrote it (`com.example.deploy.started`), if any. */
  type: string | null;
  change: ChangeInfo | null;
  /** Records whose message repeats with a count (Kubernetes `count`): how many it stands for. */
  repeat: number;
  /** Last time for records that already span a range (Kubernetes lastTimestamp). */
  endAt: number | null;
  /** From a fault-injection tool (chaos experiment, FIS): a fault put there on purpose. */
  injected: boolean;
  /**
   * The source gave this record no time of its own: `at` is the file's capture time (or the
   * previous record's). Counted per file so the import says how many (FileStats.timeFallback).
   */
  timeFallback?: boolean;
}

/** User's column choice for unknown JSON/CSV. Values are field names (dotted for nested JSON). */
export interface FieldMapping {
  time: string;
  /** Second time column when date and time are split (CSV). */
  time2: string | null;
  message: string;
  level: string | null;
  service: string | null;
  region: string | null;
}

export interface ImportSink {
  record(record: RawRecord): void;
  /** A line (or record) that could not be read; the reason names what was wrong. */
  error(line: number, reason: string): void;
  /** Lines that are not records by design: blank lines, comments, headers. */
  skip(line: number): void;
}

export interface ParseContext {
  file: string;
  /** IANA zone for naive timestamps. */
  zone: string;
  /** Year for timestamps without one (RFC 3164); null = infer from the file/context. */
  year: number | null;
  mapping: FieldMapping | null;
  sink: ImportSink;
  /** When the file was captured (its modification time), for records that carry no time; null = unknown. */
  capturedAt?: number | null;
  /**
   * Told the year a file whose times carry none was read from (its first time), when `year` is
   * null and the parser inferred it (see YearlessYears).
   */
  yearAssumed?: (year: number) => void;
  /**
   * False when no one keeps record attributes (a timeline, a pattern list): a format may then
   * leave them out rather than build them for nothing. Absent or true: build them.
   */
  attrs?: boolean;
}

/** Parses a line-oriented file one line at a time (streaming; memory independent of file size). */
export interface LineParser {
  line(text: string, lineNo: number): void;
  end(): void;
}

export type FormatMode = 'lines' | 'document' | 'archive';

/**
 * How a line format's file may be cut into segments parsed apart (parallel import) with the
 * very records one parser would give. A segment begins at a line where `startsAt` holds: the
 * one parser, whatever it read before, is there in the state `resume` starts in.
 */
export interface SplitRule {
  /** True for a line where a segment may begin (a record starts; no state carries over). */
  startsAt(line: string): boolean;
  /** A parser for a segment that begins at such a line, mid-file. */
  resume(ctx: ParseContext): LineParser;
}

export interface FormatDef {
  id: string;
  label: string;
  mode: FormatMode;
  /** Confidence 0..1 that the file is in this format, from its first KB and its name. */
  detect(head: string, fileName: string): number;
  lines?(ctx: ParseContext): LineParser;
  /**
   * A split rule for this file, decided once from its head and context (zone, year, mapping),
   * or null when it must be read by one parser (a JSON document, a yearless log whose year is
   * inferred line by line). Absent = never split.
   */
  split?(head: string, ctx: ParseContext): SplitRule | null;
  /** Whole-file formats (JSON documents). */
  document?(text: string, ctx: ParseContext): void;
  /** Multi-file archives (Slack export zip/folder): entries by path. */
  archive?(entries: { path: string; text: string }[], ctx: ParseContext): void;
}
