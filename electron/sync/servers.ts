import { promises as fs } from 'node:fs';
import nodePath from 'node:path';

/** Most sync servers one profile may allow (a team has one or two). */
export const MAX_SYNC_SERVERS = 20;

/**
 * The sync server address as the allow list keeps it: `ws(s)://host[:port][/path]`, no
 * credentials, query or fragment; null for anything else.
 */
export function syncServerSource(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  if (url.search !== '' || url.hash !== '') return null;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The sync servers the person configured (their shares' servers): the only places besides the
 * app itself that the window may connect to — in the CSP's `connect-src` (fixed when a page
 * loads) and in the session's request filter (checked on every request). Kept in a file in
 * userData so a restart allows them from the first page load.
 */
export class SyncServerAllowList {
  private servers: readonly string[] = [];

  constructor(private readonly file: string | null) {}

  /** Reads the stored list (a missing or damaged file is an empty list). */
  async load(): Promise<void> {
    if (this.file === null) return;
    try {
      const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
      if (Array.isArray(parsed)) this.servers = normalise(parsed.filter((s) => typeof s === 'string'));
    } catch {
      this.servers = [];
    }
  }

  /** The allowed servers now. */
  list(): readonly string[] {
    return this.servers;
  }

  /** Replaces the list; returns the servers that were not allowed before (the page must reload for them). */
  async set(servers: readonly string[]): Promise<string[]> {
    const next = normalise(servers);
    const added = next.filter((s) => !this.servers.includes(s));
    this.servers = next;
    if (this.file !== null) {
      await fs.mkdir(nodePath.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(next));
      await fs.rename(tmp, this.file);
    }
    return added;
  }

  /** True for a WebSocket URL on one of the allowed servers. */
  allowsRequest(value: string): boolean {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return false;
    const at = `${url.protocol}//${url.host}${url.pathname}`;
    return this.servers.some((s) => at === s || at.startsWith(`${s}/`));
  }
}

function normalise(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const s = syncServerSource(v);
    if (s !== null && !out.includes(s)) out.push(s);
  }
  return out.slice(0, MAX_SYNC_SERVERS);
}
