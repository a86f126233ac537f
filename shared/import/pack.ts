import type { Attrs, EventKind, LogLevel } from '../domain';
import { MessageMemo } from '../patterns/messageMemo';
import { patternKey } from '../patterns/tokens';
import type { SegmentBatch } from './segment';
import type { ChangeInfo, RawRecord } from './types';

/**
 * A batch of records packed for postMessage: numbers in typed arrays (transferred, not
 * copied), each distinct string once (logs repeat a few services, levels and messages many
 * times), records as indices into them. Copying a million small objects between threads
 * costs more than parsing them; this keeps the hand-over a fraction of the parse.
 */
export interface PackedBatch {
  count: number;
  strings: string[];
  /** at, endAt (NaN = none: a NaN endAt is no end to the import either), repeat per record. */
  times: Float64Array;
  /**
   * line, then message, level, service, region, type, kindHint as string indices (-1 = null),
   * injected (0/1), and the message's pattern key as a string index (worked out here, in the
   * worker, rather than on the thread that merges).
   */
  ints: Int32Array;
  /** [record index, change] for the records that carry one. */
  changes: [number, ChangeInfo][];
  /** Per record, when kept (stored records need them); null = every record had none kept. */
  attrs: Attrs[] | null;
  errors: SegmentBatch['errors'];
  skipped: number;
}

const INTS = 9;
/* Logs repeat messages verbatim: a small memo skips masking them again (as the miner's does). */
const keyMemo = new MessageMemo<string>(4_096);

function keyOf(message: string, headerLeft: boolean): string {
  let key = keyMemo.get(message, headerLeft);
  if (key === undefined) {
    key = patternKey(message, headerLeft);
    keyMemo.set(message, headerLeft, key);
  }
  return key;
}
const TIMES = 3;

/** Packs a batch; returns it with the buffers to transfer. */
export function packBatch(batch: SegmentBatch, keepAttrs: boolean): [PackedBatch, ArrayBuffer[]] {
  const records = batch.records;
  const n = records.length;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | null): number => {
    if (s === null) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const times = new Float64Array(n * TIMES);
  const ints = new Int32Array(n * INTS);
  const changes: [number, ChangeInfo][] = [];
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const t = i * TIMES;
    times[t] = r.at;
    times[t + 1] = r.endAt ?? Number.NaN;
    times[t + 2] = r.repeat;
    const o = i * INTS;
    ints[o] = r.source.line;
    ints[o + 1] = ref(r.message);
    ints[o + 2] = ref(r.level);
    ints[o + 3] = ref(r.service);
    ints[o + 4] = ref(r.region);
    ints[o + 5] = ref(r.type);
    ints[o + 6] = ref(r.kindHint);
    ints[o + 7] = r.injected ? 1 : 0;
    ints[o + 8] = ref(keyOf(r.message, r.level === null));
    if (r.change !== null) changes.push([i, r.change]);
  }
  const packed: PackedBatch = {
    count: n,
    strings,
    times,
    ints,
    changes,
    attrs: keepAttrs ? records.map((r) => r.attrs) : null,
    errors: batch.errors,
    skipped: batch.skipped,
  };
  return [packed, [times.buffer as ArrayBuffer, ints.buffer as ArrayBuffer]];
}

/** The batch a PackedBatch holds (records' `source.file` is left empty: the merge sets it). */
export function unpackBatch(p: PackedBatch): SegmentBatch {
  const { strings, times, ints } = p;
  const str = (i: number): string | null => (i < 0 ? null : strings[i]!);
  const changes = new Map(p.changes);
  const records: RawRecord[] = new Array<RawRecord>(p.count);
  const keys: string[] = new Array<string>(p.count);
  for (let i = 0; i < p.count; i++) {
    const o = i * INTS;
    const t = i * TIMES;
    const endAt = times[t + 1]!;
    records[i] = {
      at: times[t]!,
      level: str(ints[o + 2]!) as LogLevel | null,
      message: strings[ints[o + 1]!]!,
      service: str(ints[o + 3]!),
      region: str(ints[o + 4]!),
      attrs: p.attrs?.[i] ?? {},
      source: { file: '', line: ints[o]! },
      kindHint: str(ints[o + 6]!) as EventKind | null,
      type: str(ints[o + 5]!),
      change: changes.get(i) ?? null,
      repeat: times[t + 2]!,
      endAt: Number.isNaN(endAt) ? null : endAt,
      injected: ints[o + 7] === 1,
    };
    keys[i] = strings[ints[o + 8]!]!;
  }
  return { records, errors: p.errors, skipped: p.skipped, keys };
}
