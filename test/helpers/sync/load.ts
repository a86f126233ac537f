// The load behind `npm run bench:sync`: N Node clients (each its own connection, as N machines)
// editing M incidents' model documents on one `rootline serve` process on loopback, for a
// bounded time. Measures propagation latency (a row written on one client until it is applied
// on each other client of its incident), updates per second, lost updates (rows missing on any
// client or on a fresh read from the server at the end) and the server's peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { quantile } from '../../../shared/library/metrics/stats';
import { modelDocName } from '../../../shared/sync/names';
import { acknowledged, connectClient } from './clients';
import type { TestClient } from './clients';
import { TABLE, addRow, readRows, rowIds } from './rows';
import { inviteToken, spawnServe } from './serve';

export interface LoadOptions {
  clients: number;
  incidents: number;
  /** How long clients write, in seconds. */
  seconds: number;
  /** Rows each client writes per second. */
  rate: number;
  /** Longest wait for every client to hold every row once writing stopped, in ms. */
  settleMs?: number;
  /** Arguments for `rootline serve` beyond port and data (e.g. `--postgres URL`). */
  serveArgs?: readonly string[];
}

export interface LoadFigures {
  clients: number;
  incidents: number;
  seconds: number;
  /** Rows written by all clients (one Yjs update each). */
  written: number;
  /** Written rows per second of writing. */
  updatesPerSecond: number;
  /** Rows applied on other clients per second of writing (fan-out through the server). */
  deliveredPerSecond: number;
  /** One sample per (row, other client of its incident) that received it while measuring. */
  latencySamples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Rows missing on some client once settled, counted once per client missing them. */
  lostOnClients: number;
  /** Rows missing from a fresh read of each document from the server. */
  lostOnServer: number;
  /** Server peak resident memory (VmHWM), bytes; null where /proc is not available. */
  serverPeakRssBytes: number | null;
  /** Share of one core the server used while clients wrote (1 = one core busy); null without /proc. */
  serverCpuShare: number | null;
  /** Share of one core this process (all the clients) used while they wrote. */
  clientsCpuShare: number;
  /** Exit code of the server's graceful shutdown at the end. */
  serverExitCode: number | null;
}

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Client {
  entry: TestClient;
  incident: number;
  written: string[];
}

/** Runs the load and returns its figures; the server and temp data are gone when it resolves. */
export async function runSyncLoad(options: LoadOptions): Promise<LoadFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rootline-bench-sync-'));
  const server = await spawnServe({ dataDir, args: options.serveArgs ?? [] });
  const clients: Client[] = [];
  try {
    const token = inviteToken({ dataDir, incident: '*', role: 'author', name: 'bench' });
    const docName = (incident: number): string => modelDocName(`bench-${incident}`);
    const latencies: number[] = [];
    let measuring = false;

    for (let i = 0; i < options.clients; i += 1) {
      const incident = i % options.incidents;
      const entry = connectClient(server.url, docName(incident), token);
      const table = entry.doc.getMap<Y.Map<unknown>>(TABLE);
      table.observe((event) => {
        if (event.transaction.local || !measuring) return;
        const at = now();
        for (const [key, change] of event.changes.keys) {
          const sent = change.action === 'add' ? table.get(key)?.get('at') : undefined;
          if (typeof sent === 'number') latencies.push(at - sent);
        }
      });
      clients.push({ entry, incident, written: [] });
    }
    await Promise.all(clients.map(({ entry }) => acknowledged(entry, 60_000)));

    // Writing: each client at `rate` rows/s, starts spread over one period so they do not beat.
    measuring = true;
    const serverCpuAtStart = server.cpuSeconds();
    const clientsCpuAtStart = process.cpuUsage();
    const period = 1000 / options.rate;
    const timers: NodeJS.Timeout[] = [];
    const started = now();
    clients.forEach((client, i) => {
      const start = setTimeout(
        () => {
          const write = (): void => {
            const id = `c${i}-${client.written.length}`;
            client.written.push(id);
            addRow(client.entry.doc, id, { by: i, at: now() });
          };
          write();
          timers.push(setInterval(write, period));
        },
        (period * i) / options.clients,
      );
      timers.push(start);
    });
    await sleep(options.seconds * 1000);
    for (const timer of timers) clearInterval(timer);
    const writingMs = now() - started;
    const serverCpuAtEnd = server.cpuSeconds();
    const clientsCpu = process.cpuUsage(clientsCpuAtStart);

    // Settle: every client holds every row written on its incident (bounded).
    const expected = new Map<number, Set<string>>();
    for (const client of clients) {
      const set = expected.get(client.incident) ?? new Set<string>();
      for (const id of client.written) set.add(id);
      expected.set(client.incident, set);
    }
    const missingOn = (client: Client): number => {
      const have = new Set(rowIds(client.entry.doc));
      let missing = 0;
      for (const id of expected.get(client.incident) ?? []) if (!have.has(id)) missing += 1;
      return missing;
    };
    const deadline = Date.now() + (options.settleMs ?? 15_000);
    while (Date.now() < deadline && clients.some((client) => missingOn(client) > 0)) await sleep(50);
    measuring = false;
    const delivered = latencies.length;
    const lostOnClients = clients.reduce((sum, client) => sum + missingOn(client), 0);
    await Promise.all(clients.map(({ entry }) => acknowledged(entry, 15_000).catch(() => undefined)));

    // A fresh client per incident reads what the server holds.
    let lostOnServer = 0;
    for (const [incident, ids] of expected) {
      const have = new Set(await readRows(server.url, token, docName(incident)));
      for (const id of ids) if (!have.has(id)) lostOnServer += 1;
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const written = clients.reduce((sum, client) => sum + client.written.length, 0);
    for (const { entry } of clients.splice(0)) entry.destroy();
    const serverPeakRssBytes = server.peakRssBytes();
    const serverExitCode = await server.stop();
    return {
      clients: options.clients,
      incidents: options.incidents,
      seconds: options.seconds,
      written,
      updatesPerSecond: written / (writingMs / 1000),
      deliveredPerSecond: delivered / (writingMs / 1000),
      latencySamples: sorted.length,
      p50Ms: sorted.length === 0 ? Number.NaN : quantile(sorted, 0.5),
      p95Ms: sorted.length === 0 ? Number.NaN : quantile(sorted, 0.95),
      maxMs: sorted.at(-1) ?? Number.NaN,
      lostOnClients,
      lostOnServer,
      serverPeakRssBytes,
      serverCpuShare:
        serverCpuAtStart === null || serverCpuAtEnd === null
          ? null
          : (serverCpuAtEnd - serverCpuAtStart) / (writingMs / 1000),
      clientsCpuShare: (clientsCpu.user + clientsCpu.system) / 1000 / writingMs,
      serverExitCode,
    };
  } finally {
    for (const { entry } of clients) entry.destroy();
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
