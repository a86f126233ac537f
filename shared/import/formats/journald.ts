import { parseEpochText } from '../../time/parse';
import type { FormatDef, LineParser, ParseContext } from '../types';
import { clip, flattenInto } from './attrs';
import { isByteArray, utf8 } from './bytes';
import { text } from './json';
import { levelFromSyslog } from './levels';
import { jsonLinesParser, makeRecord, everyLine } from './record';

/** Journal fields kept as attrs; the rest (cursor, boot id, capabilities…) is noise for a timeline. */
const KEEP = new Set([
  '_HOSTNAME',
  '_PID',
  '_COMM',
  '_EXE',
  '_TRANSPORT',
  'SYSLOG_FACILITY',
  'CODE_FILE',
  'CODE_LINE',
  'CODE_FUNC',
  '_BOOT_ID',
]);

/** `journalctl -o json`: µs realtime stamps, PRIORITY 0-7, MESSAGE as text or a byte array. */
export const journaldFormat: FormatDef = {
  id: 'journald',
  label: 'systemd journal (journalctl -o json)',
  mode: 'lines',
  detect(head) {
    return head.includes('"__REALTIME_TIMESTAMP"') || head.includes('"__CURSOR"') ? 0.97 : 0;
  },
  lines: (ctx) => journaldLines(ctx),
  split: () => everyLine(journaldLines),
};

function journaldLines(ctx: ParseContext): LineParser {
  return jsonLinesParser(ctx, (o, lineNo) => {
    const stamp = o.__REALTIME_TIMESTAMP;
    const at =
      typeof stamp === 'string'
        ? parseEpochText(stamp)
        : typeof stamp === 'number'
          ? Math.floor(stamp / 1000)
          : null;
    if (at === null) {
      ctx.sink.error(
        lineNo,
        stamp === undefined ? 'missing "__REALTIME_TIMESTAMP"' : 'unreadable "__REALTIME_TIMESTAMP"',
      );
      return;
    }
    const raw = o.MESSAGE;
    const message =
      typeof raw === 'string'
        ? raw
        : isByteArray(raw)
          ? utf8(raw)
          : raw === undefined || raw === null
            ? ''
            : String(raw);
    const priority = Number(o.PRIORITY);
    const attrs = {};
    for (const key of KEEP) if (key in o) flattenInto(attrs, o[key], key);
    ctx.sink.record(
      makeRecord(ctx, lineNo, at, clip(message, 100_000), {
        level: o.PRIORITY === undefined || Number.isNaN(priority) ? null : levelFromSyslog(priority),
        service: text(o._SYSTEMD_UNIT) ?? text(o.SYSLOG_IDENTIFIER) ?? text(o._COMM),
        attrs,
      }),
    );
  });
}
