import { z } from 'zod';
import { EpochMs, Id, Label } from './common';
import { EVENT_KINDS, type EventKind } from './event';
import { AttrValue, LOG_LEVELS, LogRecord } from './log';
import { checkLogBlockColumns } from './logBlockCheck';

/** Raw records are stored ~1,000 per row: one row per record is ~30x slower in IndexedDB. */
export const LOG_BLOCK_SIZE = 1_000;

const BlockHead = {
  id: Id,
  importId: Id,
  incidentId: Id,
  /** 0-based position of the block within its import. */
  seq: z.number().int().nonnegative(),
  firstAt: EpochMs,
  lastAt: EpochMs,
};

/**
 * A block as bundle version 1 and the first databases stored it: one object per record, each
 * repeating its file name, level, kind and attribute keys (a bundle ~3x the size of its logs).
 * Read only, to upgrade ({@link restoreLogBlock}).
 */
export const LogBlockV1 = z.object({ ...BlockHead, records: z.array(LogRecord) });
export type LogBlockV1 = z.infer<typeof LogBlockV1>;

/** An index into `strings`; -1 stands for null where the field is nullable. */
const Index = z.number().int().nonnegative();
const NullableIndex = z.number().int().min(-1);

/**
 * Up to LOG_BLOCK_SIZE raw records of one import, stored by column: record `i` is
 * `at[i]`, `level[i]`, … Every repeated string (file, level, kind, service, region, attribute
 * key) is written once in `strings` and referred to by index; attribute keys of a record are
 * one of `shapes`, its values follow in `values`. Decode with {@link unpackLogRecords}.
 */
export const LogBlock = z
  .object({
    ...BlockHead,
    /** Distinct strings of the block, in order of first use. */
    strings: z.array(z.string()),
    /** Milliseconds after {@link logTimeBase} (`firstAt` unless the block spans ~285,000 years). */
    at: z.array(z.number().int()),
    level: z.array(NullableIndex),
    kind: z.array(Index),
    service: z.array(NullableIndex),
    region: z.array(NullableIndex),
    file: z.array(Index),
    /** Source line minus the previous record's (the first record's line as is). */
    line: z.array(z.number().int()),
    message: z.array(z.string()),
    /** Index into `shapes`: the record's attribute keys. */
    shape: z.array(Index),
    /** Attribute key lists (indexes into `strings`, keys in code-unit order). */
    shapes: z.array(z.array(Index)),
    /** Attribute values of every record in record order, as many per record as its shape has keys. */
    values: z.array(AttrValue),
  })
  .superRefine((block, ctx) => {
    const known = { levels: LOG_LEVELS, kinds: EVENT_KINDS, label: Label, base: logTimeBase };
    for (const issue of checkLogBlockColumns(block, known))
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type LogBlock = z.infer<typeof LogBlock>;

/**
 * What a block's `at` column counts from: `firstAt`, so offsets stay short — unless the block
 * spans more than 2^53 ms (possible only with times near both ends of the Date range), where
 * offsets would lose precision; then 0, and the column holds the times themselves.
 */
export function logTimeBase(firstAt: number, lastAt: number): number {
  return Number.isSafeInteger(lastAt - firstAt) ? firstAt : 0;
}

/** What identifies a block: everything but its records and time bounds. */
export type LogBlockHead = Pick<LogBlock, 'id' | 'importId' | 'incidentId' | 'seq'>;

/** Number of records in a block. */
export function logRecordCount(block: LogBlock): number {
  return block.at.length;
}

/** Visits each record's instant and kind without building the records (density, counts). */
export function forEachRecordTime(block: LogBlock, visit: (at: number, kind: EventKind) => void): void {
  const base = logTimeBase(block.firstAt, block.lastAt);
  for (let i = 0; i < block.at.length; i++)
    visit(base + block.at[i]!, block.strings[block.kind[i]!] as EventKind);
}

/** Code-unit order: the same everywhere, unlike `localeCompare`. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Packs records into one block by column. Deterministic: the same records in the same order
 * give the same block (strings in order of first use, attribute keys in code-unit order).
 */
export function packLogBlock(head: LogBlockHead, records: readonly LogRecord[]): LogBlock {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const opt = (s: string | null): number => (s === null ? -1 : str(s));
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  let firstAt = Infinity;
  let lastAt = -Infinity;
  for (const r of records) {
    if (r.at < firstAt) firstAt = r.at;
    if (r.at > lastAt) lastAt = r.at;
  }
  if (records.length === 0) firstAt = lastAt = 0;
  const block: LogBlock = {
    ...head,
    firstAt,
    lastAt,
    strings,
    at: [],
    level: [],
    kind: [],
    service: [],
    region: [],
    file: [],
    line: [],
    message: [],
    shape: [],
    shapes,
    values: [],
  };
  let previousLine = 0;
  const base = logTimeBase(firstAt, lastAt);
  for (const r of records) {
    block.at.push(r.at - base);
    block.level.push(opt(r.level));
    block.kind.push(str(r.kind));
    block.service.push(opt(r.service));
    block.region.push(opt(r.region));
    block.file.push(str(r.source.file));
    block.line.push(r.source.line - previousLine);
    previousLine = r.source.line;
    block.message.push(r.message);
    const keys = Object.keys(r.attrs).sort(byCodeUnit);
    const keyIds = keys.map(str);
    const shapeKey = keyIds.join(',');
    let shape = shapeIndex.get(shapeKey);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push(keyIds);
      shapeIndex.set(shapeKey, shape);
    }
    block.shape.push(shape);
    for (const key of keys) block.values.push(r.attrs[key] ?? null);
  }
  return block;
}

/**
 * The records of a block, in stored order. Only for blocks that passed {@link LogBlock} or came
 * from {@link packLogBlock}. Attribute objects have no prototype, so a key such as `__proto__`
 * stays an ordinary key.
 */
export function unpackLogRecords(block: LogBlock): LogRecord[] {
  const { strings } = block;
  const opt = (i: number): string | null => (i < 0 ? null : strings[i]!);
  const out: LogRecord[] = [];
  let line = 0;
  let v = 0;
  const base = logTimeBase(block.firstAt, block.lastAt);
  for (let i = 0; i < block.at.length; i++) {
    line += block.line[i]!;
    const attrs = Object.create(null) as Record<string, z.infer<typeof AttrValue>>;
    for (const key of block.shapes[block.shape[i]!]!) attrs[strings[key]!] = block.values[v++]!;
    out.push({
      at: base + block.at[i]!,
      level: opt(block.level[i]!) as LogRecord['level'],
      kind: strings[block.kind[i]!] as LogRecord['kind'],
      service: opt(block.service[i]!),
      region: opt(block.region[i]!),
      message: block.message[i]!,
      attrs,
      source: { file: strings[block.file[i]!]!, line },
    });
  }
  return out;
}

/**
 * Brings a block of any released shape to the current one (a {@link LogBlockV1} is packed);
 * returns the row itself when it is not a readable v1 block, for the current schema to judge.
 * Used on bundles of version 1 and on rows read back from older databases.
 */
export function restoreLogBlock(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('records' in row)) return row;
  if (!LogBlockV1.safeParse(row).success) return row;
  // The row itself, not zod's copy: a record parse rebuilds attrs and drops a `__proto__` key.
  const { id, importId, incidentId, seq, records } = row as LogBlockV1;
  return packLogBlock({ id, importId, incidentId, seq }, records);
}
