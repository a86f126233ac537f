/*
 * The per-group storage of folding: a group's records in typed arrays, and the operations on
 * them that do not need the Folder (growing, merging two groups, splitting by exact message).
 */
import type { EventKind } from '../domain';

/** Longest title (characters) a folded event gets. */
export const MAX_TITLE = 2_000;

/* One (kind, service, region, template) group: per-record fields live in typed arrays so a
 * million records cost ~14 bytes each instead of a million objects. */
export interface Group {
  kind: EventKind;
  service: string | null;
  region: string | null;
  template: string;
  firstMessage: string;
  allSame: boolean;
  injected: boolean;
  n: number;
  at: Float64Array;
  line: Uint32Array;
  file: Uint16Array;
  repeat: Uint32Array | null;
  endAt: Float64Array | null;
  sorted: boolean;
  /** Per record, its exact message as an index into `messages` (kept while the input is small). */
  msg: Uint32Array | null;
  messages: string[];
}

/** A set of slots of one group that folds on its own, with the title its events get. */
export interface Lane {
  slots: Uint32Array | number[];
  /** The exact message every slot shares, or null for the group's template. */
  message: string | null;
}

export function grow<T extends Float64Array | Uint32Array | Uint16Array>(
  arr: T,
  size: number,
  make: (n: number) => T,
): T {
  if (size < arr.length) return arr;
  const next = make(Math.max(8, arr.length * 2));
  next.set(arr);
  return next;
}

/* Appends `from`'s records to `host` (a regroup): typed arrays concatenated, messages re-indexed. */
export function appendGroup(host: Group, from: Group): void {
  const n = host.n + from.n;
  const cat = <T extends Float64Array | Uint32Array | Uint16Array>(a: T, b: T, make: (k: number) => T): T => {
    const out = make(Math.max(4, n));
    out.set(a.subarray(0, host.n));
    out.set(b.subarray(0, from.n), host.n);
    return out;
  };
  host.at = cat(host.at, from.at, (k) => new Float64Array(k));
  host.line = cat(host.line, from.line, (k) => new Uint32Array(k));
  host.file = cat(host.file, from.file, (k) => new Uint16Array(k));
  if (host.repeat !== null || from.repeat !== null) {
    const ones = (g: Group): Uint32Array => g.repeat ?? new Uint32Array(Math.max(4, g.n)).fill(1);
    host.repeat = cat(ones(host), ones(from), (k) => new Uint32Array(k));
  }
  if (host.endAt !== null || from.endAt !== null) {
    const none = (g: Group): Float64Array => g.endAt ?? new Float64Array(Math.max(4, g.n)).fill(NaN);
    host.endAt = cat(none(host), none(from), (k) => new Float64Array(k));
  }
  if (host.msg !== null && from.msg !== null) {
    const remap = from.messages.map((m) => {
      const i = host.messages.indexOf(m);
      return i < 0 ? host.messages.push(m) - 1 : i;
    });
    const msg = new Uint32Array(Math.max(4, n));
    msg.set(host.msg.subarray(0, host.n));
    for (let i = 0; i < from.n; i++) msg[host.n + i] = remap[from.msg[i]!]!;
    host.msg = msg;
  } else {
    host.msg = null;
  }
  host.allSame = host.allSame && from.allSame && host.firstMessage === from.firstMessage;
  host.injected ||= from.injected;
  host.sorted = false;
  host.n = n;
}

/* The slots of a group split by exact message (each lane keeps time order). */
export function splitByMessage(g: Group, sorted: Uint32Array): Lane[] {
  const lanes = g.messages.map((m) => ({ slots: [] as number[], message: m.slice(0, MAX_TITLE) }));
  for (const slot of sorted) lanes[g.msg![slot]!]!.slots.push(slot);
  return lanes.filter((l) => l.slots.length > 0);
}
