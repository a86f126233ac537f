// Sync server load: N simulated clients (Node, each its own connection) editing M incidents on
// one `rootline serve` process on loopback, for a bounded time (issue 17). Prints propagation
// latency p50/p95, updates/s, lost updates and the server's peak RSS against the goals:
// p95 ≤ 100 ms at 50 clients, 0 lost, RSS ≤ 300 MB. Exits 1 when a goal is missed.
// --postgres stores documents in a throwaway PostgreSQL (Debian's, started like the tests do).
//   npm run bench:sync [-- --clients 50 --incidents 10 --seconds 20 --rate 5 --postgres]
import { parseArgs } from 'node:util';
import { startPostgres } from '../../test/helpers/services/postgres';
import type { PostgresService } from '../../test/helpers/services/postgres';
import { runSyncLoad } from '../../test/helpers/sync/load';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    incidents: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '5' },
    postgres: { type: 'boolean', default: false },
  },
});

function positive(name: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    console.error(`bench:sync: --${name} must be a number above 0 and at most ${max} (got "${text}")`);
    process.exit(2);
  }
  return value;
}

const clients = Math.round(positive('clients', values.clients, 1000));
const options = {
  clients,
  incidents: Math.min(clients, Math.round(positive('incidents', values.incidents, 1000))),
  seconds: positive('seconds', values.seconds, 600),
  rate: positive('rate', values.rate, 50),
};

const GOALS = { p95Ms: 100, rssBytes: 300 * 1024 * 1024 };
// The whole run is bounded: writing, settling, reading back and shutting down.
const limitMs = options.seconds * 1000 + 120_000;
const watchdog = setTimeout(() => {
  console.error(`bench:sync: did not finish within ${limitMs / 1000} s`);
  process.exit(1);
}, limitMs);

let postgres: PostgresService | undefined;
const serveArgs: string[] = [];
if (values.postgres) {
  postgres = await startPostgres();
  serveArgs.push('--postgres', await postgres.createDatabase('rootline_bench'));
}
console.log(
  `bench:sync: ${options.clients} clients on ${options.incidents} incidents, ` +
    `${options.rate} rows/s each for ${options.seconds} s, one rootline serve ` +
    `(${postgres === undefined ? 'SQLite' : 'PostgreSQL'}) on loopback`,
);
const f = await runSyncLoad({ ...options, serveArgs }).finally(() => postgres?.stop());
clearTimeout(watchdog);

const mb = (bytes: number | null): string =>
  bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const lost = f.lostOnClients + f.lostOnServer;
const rows: [string, string, string][] = [
  ['propagation p50', `${f.p50Ms.toFixed(1)} ms`, ''],
  [
    'propagation p95',
    `${f.p95Ms.toFixed(1)} ms`,
    `≤ ${GOALS.p95Ms} ms ${f.p95Ms <= GOALS.p95Ms ? '✔' : '✘'}`,
  ],
  ['propagation max', `${f.maxMs.toFixed(1)} ms`, ''],
  ['updates written', `${f.written} (${f.updatesPerSecond.toFixed(0)}/s)`, ''],
  ['updates delivered', `${f.latencySamples} (${f.deliveredPerSecond.toFixed(0)}/s)`, ''],
  [
    'lost updates',
    `${lost} (clients ${f.lostOnClients}, server ${f.lostOnServer})`,
    `= 0 ${lost === 0 ? '✔' : '✘'}`,
  ],
  [
    'server peak RSS',
    mb(f.serverPeakRssBytes),
    `≤ ${mb(GOALS.rssBytes)} ${f.serverPeakRssBytes !== null && f.serverPeakRssBytes <= GOALS.rssBytes ? '✔' : '✘'}`,
  ],
  [
    'CPU while writing',
    `server ${f.serverCpuShare === null ? 'n/a' : `${(f.serverCpuShare * 100).toFixed(0)}%`}, ` +
      `clients ${(f.clientsCpuShare * 100).toFixed(0)}% of a core`,
    '',
  ],
  ['server shutdown', f.serverExitCode === 0 ? 'clean (exit 0)' : `exit ${String(f.serverExitCode)}`, ''],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value, goal] of rows) console.log(`  ${name.padEnd(width)}  ${value.padEnd(28)} ${goal}`);

const missed =
  lost > 0 ||
  !(f.p95Ms <= GOALS.p95Ms) ||
  f.serverPeakRssBytes === null ||
  f.serverPeakRssBytes > GOALS.rssBytes;
if (missed) console.log('bench:sync: a goal was missed');
process.exit(missed ? 1 : 0);
