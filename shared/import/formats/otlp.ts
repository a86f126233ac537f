import type { Attrs } from '../../domain';
import { parseEpochNumber, parseEpochText } from '../../time/parse';
import type { FormatDef, ParseContext } from '../types';
import { clip, flattenInto, safeJson } from './attrs';
import type { Json } from './json';
import { obj, text } from './json';
import { levelFromName, levelFromOtel } from './levels';
import { makeRecord } from './record';
import { jsonStreamParser } from './stream';

/** An OTLP AnyValue as a plain JSON value (`{stringValue}`, `{intValue:"3"}`, kvlist, array…). */
export function anyValue(v: unknown, depth = 0): unknown {
  const o = obj(v);
  if (o === null || depth > 8) return null;
  if ('stringValue' in o) return o.stringValue;
  if ('boolValue' in o) return o.boolValue;
  if ('intValue' in o) return typeof o.intValue === 'string' ? Number(o.intValue) : o.intValue;
  if ('doubleValue' in o) return o.doubleValue;
  if ('bytesValue' in o) return o.bytesValue;
  const arr = obj(o.arrayValue);
  if (arr !== null) return Array.isArray(arr.values) ? arr.values.map((x) => anyValue(x, depth + 1)) : [];
  const kv = obj(o.kvlistValue);
  if (kv !== null) return keyValues(kv.values, depth + 1);
  return null;
}

/** OTLP `[{key, value: AnyValue}]` as an object. */
function keyValues(list: unknown, depth = 0): Json {
  const out: Json = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const o = obj(item);
    const key = o === null ? null : text(o.key);
    if (o !== null && key !== null) out[key] = anyValue(o.value, depth);
  }
  return out;
}

function nanos(v: unknown): number | null {
  if (typeof v === 'string') return v === '0' ? null : parseEpochText(v);
  if (typeof v === 'number') return v === 0 ? null : parseEpochNumber(v);
  return null;
}

/** Maps an ExportLogsServiceRequest (`resourceLogs[].scopeLogs[].logRecords[]`) to records. */
function mapRequest(value: unknown, lineNo: number, ctx: ParseContext): void {
  const root = obj(value);
  if (root === null || !Array.isArray(root.resourceLogs)) {
    ctx.sink.error(lineNo, 'expected an OTLP object with "resourceLogs"');
    return;
  }
  let seen = 0;
  root.resourceLogs.forEach((rl, ri) => {
    const resource = keyValues(obj(obj(rl)?.resource)?.attributes);
    const service = text(resource['service.name']);
    const region = text(resource['cloud.region']);
    const scopes = obj(rl)?.scopeLogs;
    if (!Array.isArray(scopes)) return;
    scopes.forEach((sl, si) => {
      const scopeName = text(obj(obj(sl)?.scope)?.name);
      const records = obj(sl)?.logRecords;
      if (!Array.isArray(records)) return;
      records.forEach((r, li) => {
        seen++;
        const where = `resourceLogs[${ri}].scopeLogs[${si}].logRecords[${li}]`;
        const rec = obj(r);
        if (rec === null) {
          ctx.sink.error(lineNo, `${where}: not an object`);
          return;
        }
        const at = nanos(rec.timeUnixNano) ?? nanos(rec.observedTimeUnixNano);
        if (at === null) {
          ctx.sink.error(lineNo, `${where}: missing or unreadable "timeUnixNano"`);
          return;
        }
        const body = anyValue(rec.body);
        const message = typeof body === 'string' ? body : body === null ? '' : clip(safeJson(body));
        const sevText = text(rec.severityText);
        const level =
          levelFromOtel(Number(rec.severityNumber)) ?? (sevText === null ? null : levelFromName(sevText));
        const attrs: Attrs = {};
        if (scopeName !== null) attrs.scope = scopeName;
        if (text(rec.traceId) !== null) attrs.traceId = text(rec.traceId);
        if (text(rec.spanId) !== null) attrs.spanId = text(rec.spanId);
        flattenInto(attrs, keyValues(rec.attributes));
        flattenInto(attrs, resource, 'resource');
        ctx.sink.record(makeRecord(ctx, lineNo, at, message, { level, service, region, attrs }));
      });
    });
  });
  // A request without log records (exporters send empty ones) is not a problem, just nothing.
  if (seen === 0) ctx.sink.skip(lineNo);
}

export const otlpFormat: FormatDef = {
  id: 'otlp',
  label: 'OpenTelemetry logs (OTLP/JSON)',
  mode: 'lines',
  detect(head) {
    return head.includes('"resourceLogs"') ? 0.98 : 0;
  },
  lines(ctx) {
    return jsonStreamParser(ctx, (value, lineNo, lineCtx) => mapRequest(value, lineNo, lineCtx));
  },
};
