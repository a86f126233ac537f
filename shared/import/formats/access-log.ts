import type { LogLevel } from '../../domain';
import type { ScanEnd } from '../../time/parse';
import { scanClf } from '../../time/named';
import type { FormatDef, LineParser, ParseContext } from '../types';
import { clip } from './attrs';
import { isBlank, isComment, makeRecord, headLines, everyLine } from './record';

/** Combined/common log format; the request and the rest are taken apart by hand below. */
const HEAD = /^(\S+) (\S+) (\S+) \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-)/;
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

function levelOf(status: number): LogLevel | null {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return Number.isNaN(status) ? null : 'info';
}

/** nginx / Apache access logs (common, combined, combined + extra quoted fields). */
export const accessLogFormat: FormatDef = {
  id: 'access-log',
  label: 'nginx / Apache access log',
  mode: 'lines',
  detect(head) {
    const lines = headLines(head);
    if (lines.length === 0) return 0;
    const hits = lines.filter((l) => HEAD.test(l)).length;
    return hits === 0 ? 0 : 0.9 * (hits / lines.length);
  },
  lines: (ctx) => accessLogLines(ctx),
  split: () => everyLine(accessLogLines),
};

function accessLogLines(ctx: ParseContext): LineParser {
  const out: ScanEnd = { end: 0 };
  return {
    line(text, lineNo) {
      if (isBlank(text) || isComment(text)) {
        ctx.sink.skip(lineNo);
        return;
      }
      const m = HEAD.exec(text);
      if (m === null) {
        ctx.sink.error(lineNo, 'not an access-log line (expected: ip - user [time] "request" status bytes)');
        return;
      }
      const [whole, ip = '', , user = '', stamp = '', request = '', statusText = '', bytesText = ''] = m;
      const at = scanClf(stamp, 0, ctx.zone, out);
      if (at === null || out.end !== stamp.length) {
        ctx.sink.error(lineNo, `unreadable time [${clip(stamp, 40)}] (expected dd/Mon/yyyy:hh:mm:ss +zzzz)`);
        return;
      }
      const parts = request.split(' ');
      const method = parts.length >= 2 ? (parts[0] ?? null) : null;
      const path = parts.length >= 2 ? (parts[1] ?? null) : null;
      const status = Number(statusText);
      const tail = [...text.slice(whole.length).matchAll(QUOTED)].map((q) => q[1] ?? '');
      const message =
        method !== null && path !== null
          ? `${method} ${clip(path, 300)} → ${statusText}`
          : `${clip(request, 300)} → ${statusText}`;
      ctx.sink.record(
        makeRecord(ctx, lineNo, at, message, {
          level: levelOf(status),
          attrs: {
            ip,
            user: user === '-' ? null : user,
            method,
            path: path === null ? null : clip(path),
            status: Number.isNaN(status) ? null : status,
            bytes: bytesText === '-' ? 0 : Number(bytesText),
            referer: tail[0] === undefined || tail[0] === '-' ? null : clip(tail[0]),
            userAgent: tail[1] === undefined ? null : clip(tail[1], 300),
          },
          type: 'http',
        }),
      );
    },
    end() {},
  };
}
