import type { EventKind } from '../../domain';
import { parseIso, parseTimeValue } from '../../time/parse';
import type { ChangeInfo, FormatDef, LineParser, ParseContext } from '../types';
import { clip } from './attrs';
import { decodeBase64, utf8 } from './bytes';
import { mapCdEvent } from './cdevents';
import type { Json } from './json';
import { obj, text, tryParse } from './json';
import { kindFromEventType, phaseFromType, shortType } from './kinds';
import { levelFromValue } from './levels';
import { makeRecord, NO_ATTRS, timeOptions } from './record';
import { jsonLinesSplit, jsonStreamParser } from './stream';

/** `data.targets`: `[{component, region, slice?}]`, ignoring entries without a component. */
function readTargets(v: unknown): ChangeInfo['targets'] {
  if (!Array.isArray(v)) return [];
  const out: ChangeInfo['targets'] = [];
  for (const t of v) {
    const o = obj(t);
    const component = o === null ? text(t) : text(o.component);
    if (component === null) continue;
    out.push({
      component,
      region: o === null ? null : text(o.region),
      slice: o === null ? null : text(o.slice),
    });
  }
  return out;
}

function readChange(d: Json, type: string | null): ChangeInfo | null {
  if (d.change === undefined && d.targets === undefined) return null;
  const id = text(d.change);
  const targets = readTargets(d.targets);
  if (id === null && targets.length === 0) return null;
  const w = typeof d.weight === 'number' && Number.isFinite(d.weight) ? d.weight : null;
  return {
    id,
    changeKind: text(d.kind),
    description: text(d.description),
    targets,
    phase: phaseFromType(type),
    weight: w === null ? null : Math.max(0, Math.min(100, w)),
  };
}

/** `data` as an object: inline JSON, or `data_base64` holding JSON. Invalid base64 → absent. */
function readData(o: Json): { data: Json | null; textData: string | null } {
  const inline = o.data;
  if (inline !== undefined && inline !== null) {
    return { data: obj(inline), textData: typeof inline === 'string' ? inline : null };
  }
  if (typeof o.data_base64 !== 'string') return { data: null, textData: null };
  const bytes = decodeBase64(o.data_base64);
  if (bytes === null) return { data: null, textData: null };
  const decoded = utf8(bytes);
  const parsed = tryParse(decoded);
  return parsed.ok ? { data: obj(parsed.value), textData: null } : { data: null, textData: null };
}

/* Logs repeat a handful of types millions of times (and a few subjects per type): what a type
 * means, its short form and its plain messages ("heartbeat: table-fe") are worked out once, found
 * with one lookup per line, and the same message string comes back each time, so the template
 * memo finds it without hashing a fresh string. */
interface TypeEntry {
  /** The type, one string for every line of it (later lookups by it find a hash worked out). */
  type: string;
  kind: EventKind | null;
  short: string;
  plain: Map<string, string>;
}
const typeEntries = new Map<string, TypeEntry>();
const TYPE_LIMIT = 10_000;
const PLAIN_LIMIT = 1_000;

/* The last two types seen: a line's type is compared with them (a fresh string from JSON.parse
 * compared by content) before it is hashed for the map; logs interleave a few types. */
let recent: TypeEntry | null = null;
let older: TypeEntry | null = null;

function typeEntry(type: string): TypeEntry {
  if (recent !== null && recent.type === type) return recent;
  let entry = older !== null && older.type === type ? older : typeEntries.get(type);
  if (entry === undefined) {
    entry = { type, kind: kindFromEventType(type), short: shortType(type), plain: new Map() };
    if (typeEntries.size >= TYPE_LIMIT) typeEntries.clear();
    typeEntries.set(type, entry);
  }
  older = recent;
  recent = entry;
  return entry;
}

function renderMessage(entry: TypeEntry | null, change: ChangeInfo | null, subject: string | null): string {
  const head = entry === null ? 'event' : entry.short;
  if (change !== null) {
    const parts = [head];
    if (change.id !== null) parts.push(`: change ${change.id}`);
    const components = [...new Set(change.targets.map((t) => t.component))];
    if (components.length > 0) parts.push(`${change.id === null ? ':' : ''} on ${components.join(', ')}`);
    return parts.join('');
  }
  if (subject === null) return head;
  if (entry === null) return `${head}: ${subject}`;
  let message = entry.plain.get(subject);
  if (message === undefined) {
    message = `${head}: ${subject}`;
    if (entry.plain.size < PLAIN_LIMIT) entry.plain.set(subject, message);
  }
  return message;
}

/** Maps one CloudEvents 1.0 JSON event (or CDEvent) to a record; bad events become errors. */
export function mapCloudEvent(value: unknown, lineNo: number, ctx: ParseContext): void {
  const o = obj(value);
  if (o === null) {
    ctx.sink.error(lineNo, 'expected a CloudEvent JSON object');
    return;
  }
  if (obj(o.context) !== null) {
    mapCdEvent(o, lineNo, ctx);
    return;
  }
  const time = o.time;
  if (time === undefined || time === null || time === '') {
    ctx.sink.error(lineNo, 'missing "time" attribute');
    return;
  }
  const at =
    typeof time === 'string' ? (parseIso(time, ctx.zone) ?? parseTimeValue(time, timeOptions(ctx))) : null;
  if (at === null) {
    ctx.sink.error(lineNo, `invalid "time" attribute: ${clip(JSON.stringify(time), 80)}`);
    return;
  }
  const typeText = text(o.type);
  const entry = typeText === null ? null : typeEntry(typeText);
  const type = entry === null ? null : entry.type;
  const subject = text(o.subject);
  // Fast path for the common case, inline object data, without an intermediate result object.
  const inline = o.data;
  const isObject = typeof inline === 'object' && inline !== null && !Array.isArray(inline);
  const { data, textData } = isObject ? { data: inline as Json, textData: null } : readData(o);
  const change = data === null ? null : readChange(data, type);
  const component = data === null ? null : text(data.component);
  const message =
    (data === null ? null : (text(data.description) ?? text(data.message))) ??
    (textData === null ? null : clip(textData)) ??
    renderMessage(entry, change, subject ?? component);
  let attrs = NO_ATTRS;
  if (ctx.attrs !== false) {
    attrs = { type, id: text(o.id), source: text(o.source) };
    if (change !== null) {
      attrs.change = change.id;
      attrs.changeKind = change.changeKind;
    }
  }
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, message, {
      level: data === null ? null : levelFromValue(data.level ?? data.severity),
      service: subject ?? component ?? (data === null ? null : text(data.service)),
      region: data === null ? null : text(data.region),
      attrs,
      kindHint: entry === null ? null : entry.kind,
      type,
      change,
    }),
  );
}

export const cloudeventsFormat: FormatDef = {
  id: 'cloudevents',
  label: 'CloudEvents / CDEvents (JSON, JSONL, batch)',
  mode: 'lines',
  detect(head) {
    if (head.includes('"specversion"') && (head.includes('"time"') || head.includes('"type"'))) return 0.95;
    if (head.includes('"context"') && head.includes('dev.cdevents.')) return 0.95;
    return 0;
  },
  lines: (ctx) => cloudEventsParser(ctx, false),
  split: (head) => jsonLinesSplit(head, cloudEventsParser),
};

function cloudEventsParser(ctx: ParseContext, resume: boolean): LineParser {
  return jsonStreamParser(
    ctx,
    (value, lineNo, lineCtx) => {
      if (Array.isArray(value)) {
        if (value.length === 0) lineCtx.sink.skip(lineNo);
        for (const v of value) mapCloudEvent(v, lineNo, lineCtx);
      } else {
        mapCloudEvent(value, lineNo, lineCtx);
      }
    },
    resume,
  );
}
