import type { FormatDef, ParseContext, RawRecord } from '../types';
import { clip } from './attrs';
import { notJson, obj, text, tryParse } from './json';
import { makeRecord } from './record';

/** Channel housekeeping that is not conversation. */
const SKIP_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'group_join',
  'group_leave',
  'bot_add',
  'bot_remove',
  'pinned_item',
  'unpinned_item',
]);

const DAY_FILE = /(?:^|\/)([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

/** Slack `ts` "1454884927.000002": seconds, then a per-second counter (not a fraction). */
function readTs(ts: string): { seconds: number; counter: number } | null {
  const m = /^(\d{1,12})(?:\.(\d{1,9}))?$/.exec(ts);
  if (m === null) return null;
  return { seconds: Number(m[1]), counter: Number(m[2] ?? '0') };
}

function base(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

function parseJsonEntry(entry: { path: string; text: string }, ctx: ParseContext): unknown {
  const parsed = tryParse(entry.text);
  if (!parsed.ok) {
    ctx.sink.error(0, `${entry.path}: ${notJson(entry.text, parsed.error, 1)}`);
    return null;
  }
  return parsed.value;
}

/**
 * A Slack workspace export (zip entries or folder files): `users.json` for names,
 * `<channel>/<yyyy-mm-dd>.json` message arrays. Messages become communication records in
 * `ts` order; channel joins and similar are counted as skipped.
 */
export const slackFormat: FormatDef = {
  id: 'slack',
  label: 'Slack export (zip or folder)',
  mode: 'archive',
  detect(head, fileName) {
    const name = fileName.toLowerCase();
    if (name.endsWith('.zip') || head.startsWith('PK')) return 0.6;
    if (name.endsWith('channels.json') || name.endsWith('users.json')) return 0.6;
    return 0;
  },
  archive(entries, ctx) {
    const users = new Map<string, string>();
    const usersEntry = entries.find((e) => base(e.path) === 'users.json');
    if (usersEntry !== undefined) {
      const list = parseJsonEntry(usersEntry, ctx);
      if (Array.isArray(list)) {
        for (const u of list) {
          const o = obj(u);
          const id = text(o?.id);
          const profile = obj(o?.profile);
          const name = text(o?.real_name) ?? text(profile?.real_name) ?? text(o?.name);
          if (id !== null && name !== null) users.set(id, name);
        }
      }
    }
    const rows: { seconds: number; counter: number; record: RawRecord }[] = [];
    const days = entries.filter((e) => DAY_FILE.test(e.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
    if (days.length === 0) ctx.sink.error(0, 'no <channel>/<yyyy-mm-dd>.json files found in the export');
    for (const entry of days) {
      const channel = DAY_FILE.exec(entry.path)?.[1] ?? null;
      const list = parseJsonEntry(entry, ctx);
      if (list === null) continue;
      if (!Array.isArray(list)) {
        ctx.sink.error(0, `${entry.path}: expected an array of messages`);
        continue;
      }
      list.forEach((item, i) => {
        const m = obj(item);
        const ts = m === null ? null : text(m.ts);
        const when = ts === null ? null : readTs(ts);
        if (m === null || when === null) {
          ctx.sink.error(0, `${entry.path} message #${i + 1}: missing or unreadable "ts"`);
          return;
        }
        const subtype = text(m.subtype);
        if (subtype !== null && SKIP_SUBTYPES.has(subtype)) {
          ctx.sink.skip(0);
          return;
        }
        const userId = text(m.user);
        const who =
          (userId === null ? null : (users.get(userId) ?? null)) ??
          text(obj(m.user_profile)?.real_name) ??
          text(m.username) ??
          userId ??
          'unknown';
        const body = text(m.text) ?? text(obj(m.file)?.title) ?? '';
        const attrs = { channel, user: who, ts, subtype, thread: text(m.thread_ts), file: entry.path };
        rows.push({
          seconds: when.seconds,
          counter: when.counter,
          record: makeRecord(ctx, 0, when.seconds * 1000, clip(`${who}: ${body}`, 10_000), {
            service: channel,
            attrs,
            kindHint: 'communication',
            type: subtype ?? 'message',
          }),
        });
      });
    }
    rows.sort((a, b) => a.seconds - b.seconds || a.counter - b.counter);
    for (const row of rows) ctx.sink.record(row.record);
  },
};
