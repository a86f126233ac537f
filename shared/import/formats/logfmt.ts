import type { Attrs } from '../../domain';
import { parseTimestamp } from '../../time/parse';
import type { FormatDef, LineParser, ParseContext } from '../types';
import { clip, MAX_ATTRS } from './attrs';
import { levelFromValue } from './levels';
import { isBlank, isComment, makeRecord, timeOptions, headLines, everyLine } from './record';

const TIME_KEYS = ['time', 'ts', 'timestamp', 't', '@timestamp', 'date'];
const MESSAGE_KEYS = ['msg', 'message'];
const LEVEL_KEYS = ['level', 'lvl', 'severity'];
const SERVICE_KEYS = ['service', 'app', 'component', 'logger', 'caller'];

/**
 * Splits `key=value key2="quoted \" value" flag` into pairs (bare keys get ""), or null when
 * the line has no `key=` at all.
 */
export function parseLogfmt(line: string): Map<string, string> | null {
  const pairs = new Map<string, string>();
  let i = 0;
  const n = line.length;
  let sawEquals = false;
  while (i < n) {
    while (i < n && line.charCodeAt(i) <= 32) i++;
    const keyStart = i;
    while (i < n && line.charCodeAt(i) > 32 && line.charCodeAt(i) !== 61) i++;
    const key = line.slice(keyStart, i);
    if (key.length === 0) {
      i++;
      continue;
    }
    if (line.charCodeAt(i) !== 61) {
      pairs.set(key, '');
      continue;
    }
    sawEquals = true;
    i++;
    let value = '';
    if (line.charCodeAt(i) === 34) {
      i++;
      let out = '';
      while (i < n && line.charCodeAt(i) !== 34) {
        if (line.charCodeAt(i) === 92 && i + 1 < n) {
          const next = line.charAt(i + 1);
          out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else {
          out += line.charAt(i++);
        }
      }
      i++;
      value = out;
    } else {
      const start = i;
      while (i < n && line.charCodeAt(i) > 32) i++;
      value = line.slice(start, i);
    }
    pairs.set(key, value);
  }
  return sawEquals ? pairs : null;
}

function pick(pairs: Map<string, string>, keys: readonly string[]): [string, string] | null {
  for (const k of keys) {
    const v = pairs.get(k);
    if (v !== undefined && v !== '') return [k, v];
  }
  return null;
}

export const logfmtFormat: FormatDef = {
  id: 'logfmt',
  label: 'logfmt (key=value)',
  mode: 'lines',
  detect(head) {
    const lines = headLines(head);
    if (lines.length === 0) return 0;
    let hits = 0;
    for (const l of lines) {
      const pairs = (l.match(/(?:^|\s)[\w.@-]+=("[^"]*"|\S*)/g) ?? []).length;
      if (pairs >= 2 && /(?:^|\s)(time|ts|level|msg)=/.test(l)) hits++;
    }
    return hits === 0 ? 0 : 0.7 * (hits / lines.length);
  },
  lines: (ctx) => logfmtLines(ctx),
  split: () => everyLine(logfmtLines),
};

function logfmtLines(ctx: ParseContext): LineParser {
  const opts = timeOptions(ctx);
  const timeKeys = ctx.mapping === null ? TIME_KEYS : [ctx.mapping.time];
  const messageKeys = ctx.mapping === null ? MESSAGE_KEYS : [ctx.mapping.message];
  const levelKeys = ctx.mapping === null ? LEVEL_KEYS : ctx.mapping.level === null ? [] : [ctx.mapping.level];
  const serviceKeys =
    ctx.mapping === null ? SERVICE_KEYS : ctx.mapping.service === null ? [] : [ctx.mapping.service];
  const regionKeys = ctx.mapping?.region ? [ctx.mapping.region] : ['region'];
  return {
    line(text, lineNo) {
      if (isBlank(text) || isComment(text)) {
        ctx.sink.skip(lineNo);
        return;
      }
      const pairs = parseLogfmt(text);
      if (pairs === null) {
        ctx.sink.error(lineNo, 'no key=value pairs on this line');
        return;
      }
      const time = pick(pairs, timeKeys);
      if (time === null) {
        ctx.sink.error(lineNo, `no time field (looked for ${timeKeys.slice(0, 3).join('=, ')}=)`);
        return;
      }
      const at = parseTimestamp(time[1], opts);
      if (at === null) {
        ctx.sink.error(lineNo, `unreadable time ${time[0]}="${clip(time[1], 60)}"`);
        return;
      }
      const msg = pick(pairs, messageKeys);
      const lvl = pick(pairs, levelKeys);
      const attrs: Attrs = {};
      let n = 0;
      for (const [k, v] of pairs) {
        if (n >= MAX_ATTRS) break;
        if (k === time[0] || k === msg?.[0] || k === lvl?.[0]) continue;
        attrs[k] = clip(v);
        n++;
      }
      ctx.sink.record(
        makeRecord(ctx, lineNo, at, msg?.[1] ?? '', {
          level: lvl === null ? null : levelFromValue(lvl[1]),
          service: pick(pairs, serviceKeys)?.[1] ?? null,
          region: pick(pairs, regionKeys)?.[1] ?? null,
          attrs,
        }),
      );
    },
    end() {},
  };
}
