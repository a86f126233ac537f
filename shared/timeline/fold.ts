import { MAX_SOURCES_PER_EVENT } from '../domain/constants';
import { hash64 } from '../domain/ids';
import { lastAtOrBefore } from '../domain/sorted';
import type { EventKind, SourceRef } from '../domain';
import { changeTemplate, messageTemplate } from './template';
import { DEFAULT_FOLD_OPTIONS } from './types';
import { adaptiveGap } from './gap';

export { adaptiveGap } from './gap';
import { appendGroup, grow, MAX_TITLE, splitByMessage } from './foldGroup';
import type { Group, Lane } from './foldGroup';
import type { EventCapReport, FoldOptions, TimelineEventDraft } from './types';

/** The compact part of a classified, non-`log` record that folding needs. */
export interface FoldInput {
  at: number;
  kind: EventKind;
  service: string | null;
  region: string | null;
  message: string;
  /** Index into the file names passed to `finish`. */
  file: number;
  line: number;
  /** How many occurrences the record stands for (RawRecord.repeat). */
  repeat: number;
  endAt: number | null;
  /** From a fault-injection tool: the folded event is marked injected when any record is. */
  injected?: boolean;
  /**
   * What the record folds on, when the caller knows better than the masks (a mined pattern's
   * cluster, resolved to its final pattern by `finish`'s `regroup`). Default (absent or
   * undefined): `foldKey`.
   */
  key?: string | undefined;
}

/**
 * What folding groups on by default: records of one kind, service and region fold when their
 * keys are equal, and the key doubles as the folded event's title. A change keeps the numbers
 * that tell its steps apart; the rest is masked.
 */
export function foldKey(message: string, kind: EventKind): string {
  return kind === 'change' ? changeTemplate(message) : messageTemplate(message);
}

/**
 * Resolves a key given to `add` to the one the record finally folds on, with that group's
 * title (e.g. a miner cluster to its merged pattern's template); null keeps the key.
 */
export type Regroup = (key: string) => { key: string; title: string } | null;

export interface FinishOptions {
  /** How many records the input held in all (log ones too; default: those added). */
  inputRecords?: number;
  regroup?: Regroup;
  /** Said in the event-cap report: what the folded groups share ("template", "pattern"). */
  keyName?: string;
}

/** Identifies one added record: group index × 2^32 + slot within the group. */
export type RecordRef = number;

const SLOT_SPACE = 2 ** 32;

/** Runs of one group after folding, for mapping a record back to its event. */
interface GroupRuns {
  startAt: number[];
  ids: string[];
  /** When the group was split by exact message: each slot's index into `ids`. */
  slotRun: Int32Array | null;
}

export interface FoldResult {
  events: TimelineEventDraft[];
  /** Set when the event cap folded groups by pattern. */
  cap: EventCapReport | null;
  /** Id of the event that contains the record, or null if it is not in the timeline. */
  eventIdOf(ref: RecordRef): string | null;
  /**
   * Per key that `regroup` resolved groups to, the ids of the events of those groups: every
   * record of such a group has that key, so no record needs looking up one by one.
   */
  eventsByKey(): Map<string, string[]>;
}

/**
 * Streams records into groups and folds them at the end. Memory is per group plus a few
 * bytes per record; message text is kept once per group.
 */
export class Folder {
  private readonly options: FoldOptions;
  private readonly groups: Group[] = [];
  /* Groups by template, then a short scan on kind/service/region: no key string is built per
   * record. Catch-all groups (past maxGroups) are found by kind/service/region alone. */
  private readonly byTemplate = new Map<string, number[]>();
  private readonly catchAll = new Map<string, number>();
  private readonly catchAllGroups = new Set<number>();
  private runs: GroupRuns[] = [];
  /* After `regroup`: per group, the group its records moved into and the slot they start at,
   * and per kept group the key it was resolved to (null: kept as it was). */
  private movedTo: Int32Array | null = null;
  private resolvedKeys: (string | null)[] = [];
  private movedAt: Float64Array | null = null;
  /* Records added so far, and whether exact messages are still kept (only small inputs need them). */
  private added = 0;
  private keepMessages = true;

  constructor(options: Partial<FoldOptions> = {}) {
    this.options = { ...DEFAULT_FOLD_OPTIONS, ...options };
  }

  /** Adds one non-`log` record and returns its reference. */
  add(input: FoldInput): RecordRef {
    const template = input.key ?? foldKey(input.message, input.kind);
    let gi = this.findGroup(template, input);
    if (gi < 0) gi = this.newGroup(input, template);
    const g = this.groups[gi]!;
    const slot = g.n;
    g.at = grow(g.at, slot, (n) => new Float64Array(n));
    g.line = grow(g.line, slot, (n) => new Uint32Array(n));
    g.file = grow(g.file, slot, (n) => new Uint16Array(n));
    if (slot > 0 && input.at < g.at[slot - 1]!) g.sorted = false;
    g.at[slot] = input.at;
    g.line[slot] = Math.min(input.line, 0xffffffff);
    g.file[slot] = input.file;
    if (input.repeat !== 1 || g.repeat !== null) {
      g.repeat = grow(g.repeat ?? new Uint32Array(g.at.length).fill(1), slot, (n) =>
        new Uint32Array(n).fill(1),
      );
      g.repeat[slot] = Math.max(1, Math.min(Math.floor(input.repeat) || 1, 0xffffffff));
    }
    if (input.endAt !== null || g.endAt !== null) {
      g.endAt = grow(g.endAt ?? new Float64Array(g.at.length).fill(NaN), slot, (n) =>
        new Float64Array(n).fill(NaN),
      );
      g.endAt[slot] = input.endAt ?? NaN;
    }
    if (g.allSame && input.message !== g.firstMessage) g.allSame = false;
    if (input.injected === true) g.injected = true;
    g.n = slot + 1;
    this.noteMessage(g, slot, input.message);
    return gi * SLOT_SPACE + slot;
  }

  /* Small inputs fold exact repeats only, so each record's message is kept until the input
   * outgrows `smallInputMax`; then every kept message is dropped at once. */
  private noteMessage(g: Group, slot: number, message: string): void {
    this.added++;
    if (!this.keepMessages) return;
    if (this.added > this.options.smallInputMax) {
      this.keepMessages = false;
      for (const group of this.groups) {
        group.msg = null;
        group.messages = [];
      }
      return;
    }
    let index = g.messages.indexOf(message);
    if (index < 0) index = g.messages.push(message) - 1;
    g.msg = grow(g.msg ?? new Uint32Array(4), slot, (n) => new Uint32Array(n));
    g.msg[slot] = index;
  }

  private findGroup(template: string, input: FoldInput): number {
    const list = this.byTemplate.get(template);
    if (list === undefined) return -1;
    for (const gi of list) {
      const g = this.groups[gi]!;
      if (g.kind === input.kind && g.service === input.service && g.region === input.region) return gi;
    }
    return -1;
  }

  private newGroup(input: FoldInput, template: string): number {
    // Past maxGroups, further templates of a (kind, service, region) share one catch-all group.
    const overflow = this.groups.length >= this.options.maxGroups;
    // Catch-alls are per (kind, service, region) until there are maxGroups of them too; then
    // per kind alone, so a log naming a million services still makes a bounded number of groups.
    const perKind = overflow && this.catchAll.size >= this.options.maxGroups;
    const catchAllKey = !overflow
      ? ''
      : perKind
        ? `${input.kind}\u0002`
        : `${input.kind}\u0001${input.service ?? ''}\u0001${input.region ?? ''}`;
    if (overflow) {
      const existing = this.catchAll.get(catchAllKey);
      if (existing !== undefined) {
        this.groups[existing]!.allSame = false;
        return existing;
      }
    }
    this.groups.push({
      kind: input.kind,
      service: perKind ? null : input.service,
      region: perKind ? null : input.region,
      template: overflow ? `various ${input.kind} messages` : template,
      firstMessage: input.message.slice(0, MAX_TITLE),
      allSame: !overflow,
      injected: false,
      n: 0,
      at: new Float64Array(4),
      line: new Uint32Array(4),
      file: new Uint16Array(4),
      repeat: null,
      endAt: null,
      sorted: true,
      msg: null,
      messages: [],
    });
    const gi = this.groups.length - 1;
    if (overflow) {
      this.catchAll.set(catchAllKey, gi);
      this.catchAllGroups.add(gi);
    } else {
      const list = this.byTemplate.get(template);
      if (list === undefined) this.byTemplate.set(template, [gi]);
      else list.push(gi);
    }
    return gi;
  }

  /**
   * Folds every group into events (sorted by time, then kind, then title). With at most
   * `smallInputMax` input records, only exact repeats fold. `regroup` first merges groups
   * whose keys resolve to one.
   */
  finish(files: readonly string[], finish: FinishOptions = {}): FoldResult {
    const inputRecords = finish.inputRecords ?? this.added;
    // Once: a second `finish` folds the same groups again.
    if (finish.regroup !== undefined && this.movedTo === null) this.regroup(finish.regroup);
    const events: TimelineEventDraft[] = [];
    const seen = new Map<string, number>();
    const exact = this.keepMessages && inputRecords <= this.options.smallInputMax;
    const cap = this.capGroups(finish.keyName ?? 'template');
    this.runs = this.groups.map((g, gi) =>
      this.foldGroup(g, files, events, seen, exact, cap?.folded.has(gi) ?? false),
    );
    events.sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
    return {
      events,
      cap: cap?.report ?? null,
      eventIdOf: (ref) => this.eventIdOf(ref),
      eventsByKey: () => {
        const byKey = new Map<string, string[]>();
        this.resolvedKeys.forEach((key, gi) => {
          if (key === null) return;
          const ids = byKey.get(key);
          if (ids === undefined) byKey.set(key, [...this.runs[gi]!.ids]);
          else ids.push(...this.runs[gi]!.ids);
        });
        return byKey;
      },
    };
  }

  /** True when the record went to a catch-all group (past maxGroups: its key was not kept). */
  inCatchAll(ref: RecordRef): boolean {
    return this.catchAllGroups.has(Math.floor(ref / SLOT_SPACE));
  }

  /**
   * The groups to fold into one event each so the import stays within maxEvents: counts each
   * group's events first (no event is built), then takes the groups with the most, largest first.
   */
  private capGroups(keyName: string): { folded: Set<number>; report: EventCapReport } | null {
    const max = this.options.maxEvents;
    // Never more events than records: most imports stop here without sorting anything twice.
    if (this.groups.reduce((n, g) => n + g.n, 0) <= max) return null;
    const runs = this.groups.map((g) => {
      const sortedAt = this.sortedTimes(g);
      const window = adaptiveGap(sortedAt, this.options);
      let n = g.n > 0 ? 1 : 0;
      for (let i = 1; i < g.n; i++) if (sortedAt[i]! - sortedAt[i - 1]! > window) n++;
      return n;
    });
    const eventsBefore = runs.reduce((a, b) => a + b, 0);
    if (eventsBefore <= max) return null;
    const byRuns = runs.map((_, gi) => gi).sort((a, b) => runs[b]! - runs[a]! || a - b);
    const folded = new Set<number>();
    let total = eventsBefore;
    for (const gi of byRuns) {
      if (total <= max || runs[gi]! <= 1) break;
      folded.add(gi);
      total -= runs[gi]! - 1;
    }
    return {
      folded,
      report: { maxEvents: max, eventsBefore, groupsFolded: folded.size, foldedBy: keyName },
    };
  }

  /** A group's record times in order (the group's own array when they came in order). */
  private sortedTimes(g: Group): Float64Array {
    const at = g.at.subarray(0, g.n);
    return g.sorted ? at : at.slice().sort();
  }

  /**
   * Moves the records of groups whose keys resolve to one key (same kind, service and region)
   * into the first such group, retitled. Catch-all groups stay as they are.
   */
  private regroup(resolve: Regroup): void {
    const groups = this.groups;
    const target = new Map<string, number>();
    const movedTo = new Int32Array(groups.length).fill(-1);
    const movedAt = new Float64Array(groups.length);
    const kept: Group[] = [];
    const keys: (string | null)[] = [];
    groups.forEach((g, gi) => {
      const to = this.catchAllGroups.has(gi) ? null : resolve(g.template);
      const id =
        to === null
          ? `\u0003${gi}`
          : `${g.kind}\u0001${g.service ?? ''}\u0001${g.region ?? ''}\u0001${to.key}`;
      const into = target.get(id);
      if (into === undefined) {
        if (to !== null) g.template = to.title.slice(0, MAX_TITLE);
        target.set(id, kept.length);
        movedTo[gi] = kept.length;
        movedAt[gi] = 0;
        kept.push(g);
        keys.push(to === null ? null : to.key);
        return;
      }
      const host = kept[into]!;
      movedTo[gi] = into;
      movedAt[gi] = host.n;
      appendGroup(host, g);
    });
    groups.length = 0;
    groups.push(...kept);
    this.resolvedKeys = keys;
    this.movedTo = movedTo;
    this.movedAt = movedAt;
  }

  private eventIdOf(original: RecordRef): string | null {
    let gi = Math.floor(original / SLOT_SPACE);
    let slot = original - gi * SLOT_SPACE;
    if (this.movedTo !== null) {
      const to = this.movedTo[gi];
      if (to === undefined || to < 0) return null;
      slot += this.movedAt![gi]!;
      gi = to;
    }
    const g = this.groups[gi];
    const runs = this.runs[gi];
    if (g === undefined || runs === undefined || slot >= g.n) return null;
    if (runs.slotRun !== null) return runs.ids[runs.slotRun[slot]!] ?? null;
    const at = g.at[slot]!;
    // Runs cover disjoint time ranges, so the last run starting at or before `at` holds it.
    return runs.ids[lastAtOrBefore(runs.startAt, at)] ?? null;
  }

  private foldGroup(
    g: Group,
    files: readonly string[],
    out: TimelineEventDraft[],
    seen: Map<string, number>,
    exact: boolean,
    foldAll: boolean,
  ): GroupRuns {
    const at = g.at;
    // Typed: a group may hold a million records.
    const all = new Uint32Array(g.n);
    for (let i = 0; i < g.n; i++) all[i] = i;
    if (!g.sorted) all.sort((a, b) => at[a]! - at[b]! || a - b);
    const lanes =
      exact && !g.allSame && g.msg !== null ? splitByMessage(g, all) : [{ slots: all, message: null }];
    const runs: GroupRuns = { startAt: [], ids: [], slotRun: lanes.length > 1 ? new Int32Array(g.n) : null };
    for (const lane of lanes) this.foldLane(g, lane, files, out, seen, runs, foldAll);
    return runs;
  }

  /* Folds one lane (time-sorted slots) on its own gap window and records its runs. */
  private foldLane(
    g: Group,
    lane: Lane,
    files: readonly string[],
    out: TimelineEventDraft[],
    seen: Map<string, number>,
    runs: GroupRuns,
    foldAll: boolean,
  ): void {
    const order = lane.slots;
    const sortedAt = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) sortedAt[i] = g.at[order[i]!]!;
    // A group folded by the event cap becomes one event, whatever the gaps.
    const window = foldAll ? Infinity : adaptiveGap(sortedAt, this.options);
    let start = 0;
    for (let i = 1; i <= order.length; i++) {
      if (i < order.length && sortedAt[i]! - sortedAt[i - 1]! <= window) continue;
      const event = this.makeEvent(g, lane, sortedAt, start, i, files);
      const dup = seen.get(event.id) ?? 0;
      seen.set(event.id, dup + 1);
      // The same file added twice under one name: keep both, with distinct but stable ids.
      if (dup > 0) event.id = hash64(`${event.id}#${dup}`);
      out.push(event);
      if (runs.slotRun !== null) for (let k = start; k < i; k++) runs.slotRun[order[k]!] = runs.ids.length;
      runs.startAt.push(sortedAt[start]!);
      runs.ids.push(event.id);
      start = i;
    }
  }

  private makeEvent(
    g: Group,
    lane: Lane,
    sortedAt: Float64Array,
    from: number,
    to: number,
    files: readonly string[],
  ): TimelineEventDraft {
    const order = lane.slots;
    let count = 0;
    let last = sortedAt[to - 1]!;
    const sources: SourceRef[] = [];
    for (let i = from; i < to; i++) {
      const slot = order[i]!;
      count += g.repeat === null ? 1 : g.repeat[slot]!;
      const end = g.endAt === null ? NaN : g.endAt[slot]!;
      if (end > last) last = end;
      if (sources.length < MAX_SOURCES_PER_EVENT)
        sources.push({ file: files[g.file[slot]!] ?? '', line: g.line[slot]! });
    }
    const first = sources[0] ?? { file: '', line: 0 };
    const at = sortedAt[from]!;
    const single = to - from === 1 && last === at;
    const same = g.allSame || lane.message !== null;
    const title =
      (lane.message ?? (g.allSame ? g.firstMessage : g.template)).slice(0, MAX_TITLE) ||
      `(empty ${g.kind} message)`;
    return {
      id: hash64(`${first.file}\n${first.line}\n${g.kind}\n${g.template}\n${at}`),
      at,
      endAt: single ? null : last,
      kind: g.kind,
      title,
      detail: same ? '' : `e.g. ${g.firstMessage}`,
      service: g.service,
      region: g.region,
      count,
      sources,
      key: false,
      tags: [],
      ...(g.injected ? { injected: true } : {}),
    };
  }
}

/** Folds a finished list of records in one call (tests, small imports). */
export function foldRecords(
  records: readonly (Omit<FoldInput, 'file' | 'line'> & { source: SourceRef })[],
  options: Partial<FoldOptions> = {},
): TimelineEventDraft[] {
  const folder = new Folder(options);
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  for (const r of records) {
    if (r.kind === 'log') continue;
    let fi = fileIndex.get(r.source.file);
    if (fi === undefined) {
      fi = files.push(r.source.file) - 1;
      fileIndex.set(r.source.file, fi);
    }
    folder.add({ ...r, file: fi, line: r.source.line });
  }
  return folder.finish(files, { inputRecords: records.length }).events;
}

/** The event cap in words, for the import summary and the CLI. */
export function eventCapMessage(cap: EventCapReport): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  return (
    `${n(cap.eventsBefore)} events is more than the ${n(cap.maxEvents)} an import keeps: ` +
    `the ${n(cap.groupsFolded)} largest group(s) were folded by ${cap.foldedBy} into one event each ` +
    `(every record still counted).`
  );
}
