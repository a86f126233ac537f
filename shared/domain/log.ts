import { z } from 'zod';
import { EpochMs, Id, Label, MaybeEpochMs, ParseZone } from './common';
import { LOG_LEVELS } from './constants';
import { EventKind, SourceRef } from './event';

export { LOG_LEVELS, MAX_STORED_ERRORS } from './constants';
export const LogLevel = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevel>;

/** Attribute values kept from a raw record (flattened, JSON-safe). */
export const AttrValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const Attrs = z.record(z.string(), AttrValue);
export type Attrs = z.infer<typeof Attrs>;

/** One raw log line/record after parsing and normalising. */
export const LogRecord = z.object({
  at: EpochMs,
  level: LogLevel.nullable(),
  kind: EventKind,
  service: Label.nullable(),
  region: Label.nullable(),
  message: z.string(),
  attrs: Attrs,
  source: SourceRef,
});
export type LogRecord = z.infer<typeof LogRecord>;

/** A parse problem: which file, which line, and why, in words a person can act on. */
export const ImportError = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  reason: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

export const ImportStats = z.object({
  /** Physical lines read (line formats) or records seen (document formats). */
  lines: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  /** Blank lines, comments, headers. */
  skipped: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  firstAt: MaybeEpochMs,
  lastAt: MaybeEpochMs,
});
export type ImportStats = z.infer<typeof ImportStats>;

export const FINDING_CODES = ['unstaged-rollout', 'untested-target', 'change-before-impact'] as const;
export const FindingCode = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCode>;

/** A risky-change finding from imported logs, offered as a suggested contributing factor. */
export const Finding = z.object({
  code: FindingCode,
  at: EpochMs,
  message: z.string(),
  change: z.string().nullable(),
  components: z.array(Label),
  regions: z.array(Label),
  eventIds: z.array(Id),
  /** The change is a fault put there on purpose (a chaos experiment): never a root cause. */
  injected: z.boolean().optional(),
});
export type Finding = z.infer<typeof Finding>;

export const ImportOptions = z.object({
  format: z.string().nullable(),
  /** Zone for timestamps that carry no offset. */
  zone: ParseZone,
  /** Year for formats that omit it (RFC 3164 syslog). */
  year: z.number().int().nullable(),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

/** One imported file: what it was, how it was read, and what came out. */
export const ImportedLog = z.object({
  id: Id,
  incidentId: Id,
  fileName: z.string(),
  format: z.string(),
  options: ImportOptions,
  stats: ImportStats,
  /** First errors (capped at MAX_STORED_ERRORS); stats.errorCount is the true number. */
  errors: z.array(ImportError),
  findings: z.array(Finding),
  blockCount: z.number().int().nonnegative(),
  importedAt: EpochMs,
});
export type ImportedLog = z.infer<typeof ImportedLog>;
