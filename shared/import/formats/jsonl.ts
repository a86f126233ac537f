import type { LogLevel } from '../../domain';
import { parseTimeValue } from '../../time/parse';
import type { FieldMapping, FormatDef, LineParser, ParseContext } from '../types';
import { clip, flattenInto, safeJson } from './attrs';
import type { Json } from './json';
import { firstOf, obj, text, tryParse } from './json';
import { levelFromValue } from './levels';
import { makeRecord, timeOptions } from './record';
import { jsonLinesSplit, jsonStreamParser } from './stream';

const TIME_KEYS = ['time', 'timestamp', '@timestamp', 'ts', 't', 'datetime', 'date', 'eventTime', 'asctime'];
const MESSAGE_KEYS = ['msg', 'message', 'fields.message', '@message', 'log', 'text', 'event'];
const LEVEL_KEYS = ['level', 'log.level', 'severity', 'lvl', 'levelname', 'loglevel', 'severityText'];
const SERVICE_KEYS = ['service.name', 'service', 'name', 'app', 'component', 'logger', 'target'];
const REGION_KEYS = ['region', 'cloud.region', 'location'];

interface Picked {
  timeKey: string[];
  messageKey: string[];
  levelKey: string[];
  serviceKey: string[];
  regionKey: string[];
}

function keysFrom(mapping: FieldMapping | null): Picked {
  if (mapping === null) {
    return {
      timeKey: TIME_KEYS,
      messageKey: MESSAGE_KEYS,
      levelKey: LEVEL_KEYS,
      serviceKey: SERVICE_KEYS,
      regionKey: REGION_KEYS,
    };
  }
  return {
    timeKey: [mapping.time],
    messageKey: [mapping.message],
    levelKey: mapping.level === null ? [] : [mapping.level],
    serviceKey: mapping.service === null ? [] : [mapping.service],
    regionKey: mapping.region === null ? [] : [mapping.region],
  };
}

/** A value that names something, as text: strings, numbers, or `{name}` objects. */
function label(v: unknown): string | null {
  return text(v) ?? text(obj(v)?.name);
}

/** Maps one JSON log object (pino, bunyan, winston, ECS, tracing, docker…) to a record. */
export function mapJsonLog(o: Json, lineNo: number, ctx: ParseContext, keys: Picked): void {
  const time = firstOf(o, keys.timeKey);
  if (time === null) {
    ctx.sink.error(lineNo, `no time field (looked for ${keys.timeKey.slice(0, 4).join(', ')})`);
    return;
  }
  const at = parseTimeValue(time.value, timeOptions(ctx));
  if (at === null) {
    ctx.sink.error(lineNo, `unreadable time in "${time.path}": ${clip(safeJson(time.value), 80)}`);
    return;
  }
  const msg = firstOf(o, keys.messageKey);
  let message = '';
  if (msg !== null)
    message = typeof msg.value === 'string' ? msg.value : (text(msg.value) ?? clip(safeJson(msg.value)));
  const lvl = firstOf(o, keys.levelKey);
  const level: LogLevel | null = lvl === null ? null : levelFromValue(lvl.value);
  const svc = firstOf(o, keys.serviceKey);
  const reg = firstOf(o, keys.regionKey);
  const skip = new Set<string>([time.path]);
  if (msg !== null) skip.add(msg.path);
  if (lvl !== null) skip.add(lvl.path);
  ctx.sink.record(
    makeRecord(ctx, lineNo, at, message, {
      level,
      service: svc === null ? null : label(svc.value),
      region: reg === null ? null : text(reg.value),
      attrs: flattenInto({}, o, '', skip),
    }),
  );
}

export const jsonlFormat: FormatDef = {
  id: 'jsonl',
  label: 'JSON lines (pino, bunyan, winston, ECS, tracing)',
  mode: 'lines',
  detect(head, fileName) {
    const firstLine = head.split(/\r?\n/).find((l) => l.trim().length > 0 && !l.startsWith('#')) ?? '';
    const trimmed = firstLine.trim();
    if (!trimmed.startsWith('{')) return 0;
    const parsed = tryParse(trimmed);
    const named = /\.(jsonl|ndjson|log)$/i.test(fileName) ? 0.1 : 0;
    if (parsed.ok) {
      const o = obj(parsed.value);
      if (o !== null && firstOf(o, TIME_KEYS) !== null) return 0.6 + named;
      return 0.35 + named;
    }
    return trimmed.includes('":') ? 0.4 + named : 0.1;
  },
  lines: (ctx) => jsonLogParser(ctx, false),
  split: (head) => jsonLinesSplit(head, jsonLogParser),
};

function jsonLogParser(ctx: ParseContext, resume: boolean): LineParser {
  const keys = keysFrom(ctx.mapping);
  return jsonStreamParser(
    ctx,
    (value, lineNo, lineCtx) => {
      const items = Array.isArray(value) ? value : [value];
      if (items.length === 0) lineCtx.sink.skip(lineNo);
      for (const item of items) {
        const o = obj(item);
        if (o === null) lineCtx.sink.error(lineNo, 'expected a JSON object');
        else mapJsonLog(o, lineNo, lineCtx, keys);
      }
    },
    resume,
  );
}
