import type { Attrs, LogLevel } from '../../domain';
import type { ScanEnd } from '../../time/parse';
import { scanIso } from '../../time/parse';
import { scanSyslogDate, syslogMonthAt } from '../../time/named';
import { YearlessYears } from '../../time/yearless';
import type { FormatDef, LineParser, ParseContext } from '../types';
import { clip, MAX_ATTRS } from './attrs';
import { levelFromSyslog } from './levels';
import { everyLine, isBlank, makeRecord } from './record';

/** Reads the next space-delimited token at `out.end`; `-` (NILVALUE) becomes null. */
function token(s: string, out: ScanEnd): string | null {
  const start = out.end;
  let i = start;
  while (i < s.length && s.charCodeAt(i) !== 32) i++;
  out.end = i + 1;
  const t = s.slice(start, i);
  return t === '-' || t.length === 0 ? null : t;
}

/** RFC 5424 STRUCTURED-DATA `[id k="v"...]...` into attrs `sd.<id>.<k>`; returns the index after it. */
function structuredData(s: string, i: number, attrs: Attrs): number {
  let p = i;
  if (s.charCodeAt(p) === 45) return p + 1;
  let n = 0;
  while (s.charCodeAt(p) === 91) {
    p++;
    const idStart = p;
    while (p < s.length && s.charCodeAt(p) !== 32 && s.charCodeAt(p) !== 93) p++;
    const id = s.slice(idStart, p);
    while (p < s.length && s.charCodeAt(p) !== 93) {
      while (s.charCodeAt(p) === 32) p++;
      const keyStart = p;
      while (p < s.length && s.charCodeAt(p) !== 61 && s.charCodeAt(p) !== 93) p++;
      const key = s.slice(keyStart, p);
      if (s.charCodeAt(p) !== 61 || s.charCodeAt(p + 1) !== 34) break;
      p += 2;
      let value = '';
      while (p < s.length && s.charCodeAt(p) !== 34) {
        if (s.charCodeAt(p) === 92 && p + 1 < s.length) p++;
        value += s.charAt(p++);
      }
      p++;
      if (n++ < MAX_ATTRS) attrs[`sd.${id}.${key}`] = clip(value);
    }
    if (s.charCodeAt(p) !== 93) return -1;
    p++;
  }
  return p;
}

/** `sshd(pam_unix)[19939]:` → service `sshd(pam_unix)`, pid 19939. */
function splitTag(tag: string): { app: string; pid: string | null } {
  const open = tag.indexOf('[');
  if (open > 0 && tag.endsWith(']')) return { app: tag.slice(0, open), pid: tag.slice(open + 1, -1) };
  return { app: tag, pid: null };
}

function syslogParser(ctx: ParseContext): LineParser {
  const out: ScanEnd = { end: 0 };
  const years = new YearlessYears(ctx.year, ctx.capturedAt ?? Date.now(), ctx.yearAssumed);
  return {
    line(text, lineNo) {
      if (isBlank(text)) {
        ctx.sink.skip(lineNo);
        return;
      }
      let p = 0;
      let level: LogLevel | null = null;
      const attrs: Attrs = {};
      if (text.charCodeAt(0) === 60) {
        const close = text.indexOf('>');
        const pri = close > 1 && close <= 4 ? Number(text.slice(1, close)) : NaN;
        if (!Number.isInteger(pri) || pri < 0 || pri > 191) {
          ctx.sink.error(lineNo, 'bad PRI: expected <0..191> at the start');
          return;
        }
        level = levelFromSyslog(pri % 8);
        attrs.facility = Math.floor(pri / 8);
        p = close + 1;
      }
      // RFC 5424: VERSION then an RFC 3339 stamp.
      if (text.charCodeAt(p) >= 49 && text.charCodeAt(p) <= 57 && text.charCodeAt(p + 1) === 32) {
        const at = text.charCodeAt(p + 2) === 45 ? null : scanIso(text, p + 2, ctx.zone, out);
        if (at === null) {
          ctx.sink.error(lineNo, 'RFC 5424 line without a readable RFC 3339 timestamp');
          return;
        }
        out.end++;
        const host = token(text, out);
        const app = token(text, out);
        const procid = token(text, out);
        const msgid = token(text, out);
        const sdEnd = structuredData(text, out.end, attrs);
        if (sdEnd < 0) {
          ctx.sink.error(lineNo, 'unterminated STRUCTURED-DATA element');
          return;
        }
        let msg = text.slice(Math.min(sdEnd + 1, text.length));
        if (msg.charCodeAt(0) === 0xfeff) msg = msg.slice(1);
        if (host !== null) attrs.host = host;
        if (procid !== null) attrs.pid = procid;
        if (msgid !== null) attrs.msgid = msgid;
        ctx.sink.record(makeRecord(ctx, lineNo, at, msg, { level, service: app, attrs }));
        return;
      }
      let at: number | null;
      if (text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) {
        at = scanIso(text, p, ctx.zone, out);
      } else {
        // No year in RFC 3164: the lines before say which (see YearlessYears).
        at =
          syslogMonthAt(text, p) > 0
            ? years.next((year) => scanSyslogDate(text, p, year, ctx.zone, out))
            : null;
      }
      if (at === null || text.charCodeAt(out.end) !== 32) {
        ctx.sink.error(lineNo, 'no syslog timestamp (expected "Mmm dd hh:mm:ss" or RFC 3339)');
        return;
      }
      out.end++;
      const host = token(text, out);
      const rest = text.slice(Math.min(out.end, text.length));
      const colon = rest.indexOf(': ');
      const tagText =
        colon > 0 && colon < 64 && !rest.slice(0, colon).includes(' ') ? rest.slice(0, colon) : null;
      const tag = tagText === null ? null : splitTag(tagText);
      if (host !== null) attrs.host = host;
      if (tag?.pid) attrs.pid = tag.pid;
      const message = tagText === null ? rest : rest.slice(colon + 2);
      ctx.sink.record(makeRecord(ctx, lineNo, at, message, { level, service: tag?.app ?? null, attrs }));
    },
    end() {},
  };
}

export const syslogFormat: FormatDef = {
  id: 'syslog',
  label: 'Syslog (RFC 5424 / RFC 3164)',
  mode: 'lines',
  detect(head) {
    const first = head.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '';
    if (/^<\d{1,3}>(\d )?/.test(first)) return 0.9;
    if (/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ \S+/.test(first)) return 0.75;
    return 0;
  },
  lines: syslogParser,
  // Without --year, the year of an RFC 3164 line is inferred from the lines before it.
  split: (_head, ctx) => (ctx.year === null ? null : everyLine(syslogParser)),
};
