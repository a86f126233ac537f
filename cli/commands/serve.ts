import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { SyncClaims, SyncRole, describeClaimProblems } from '../../shared/sync/tokens';
import { makeInvite } from '../sync/invite';
import { DEFAULT_LIMITS, type SyncLimits } from '../sync/limits';
import { openPostgresStore } from '../sync/postgresStore';
import { serverReviewCheck } from '../sync/reviewCheck';
import { loadOrCreateSecret } from '../sync/secret';
import { startSyncServer, type SyncServer } from '../sync/server';
import { openSqliteStore } from '../sync/sqliteStore';
import type { Command, CommandIo } from './registry';
import { parseCommandArgs, UsageError } from './registry';

/** The port `rootline serve` listens on unless told otherwise. */
export const DEFAULT_SYNC_PORT = 4455;
const DEFAULT_DATA_DIR = 'rootline-sync';
const MB = 1024 * 1024;

const USAGE = `Usage: rootline serve [--port N] [--host ADDR] [--data DIR] [--postgres URL] [--redis URL]
       rootline serve invite (--incident ID … | --all) --role author|reviewer --name NAME
                             [--days N] [--data DIR] [--url URL] [--json]

Runs the team sync server: people share incidents with it from the app (Share…) and review
them together, live or offline. Documents are kept in SQLite in DIR (the default), or in
PostgreSQL with --postgres. Every change is stored before the server acknowledges it.
Stop it with Ctrl-C (or SIGTERM): it closes connections and stores everything first.
GET /health on the same port answers {"ok":true,…} for load balancers. More in
docs/sync-server.md.

Options:
  --port N                  port to listen on (default ${DEFAULT_SYNC_PORT}; 0 picks a free one)
  --host ADDR               interface to listen on (default 127.0.0.1; 0.0.0.0 for every
                            interface — put TLS in front, see docs/sync-server.md)
  --data DIR                data folder: secret.key (signs invites) and sync.db (default ./${DEFAULT_DATA_DIR})
  --postgres URL            store documents in PostgreSQL (postgres://user:pass@host:5432/db)
  --redis URL               share clients with other instances through Redis (redis://host:6379)
  --max-message-mb N        largest message a client may send (default ${DEFAULT_LIMITS.maxMessageBytes / MB})
  --max-document-mb N       largest a document may grow (default ${DEFAULT_LIMITS.maxDocumentBytes / MB})
  --max-updates-per-second N  messages per second per connection (default ${DEFAULT_LIMITS.updatesPerSecond})

rootline serve invite prints a token and an invite link (rootline://join?server=…&token=…)
signed with DIR's secret.key; send the link to the person. Options:
  --incident ID             an incident the token opens (repeat for several)
  --all                     every incident on the server
  --role author|reviewer    authors edit everything; reviewers comment, set review states
                            and sign off, and see the rest read-only
  --name NAME               the person's name, shown on their comments and sign-off
  --days N                  how long the token is valid (default 30)
  --url URL                 the address their app connects to (default ws://localhost:${DEFAULT_SYNC_PORT})
  --json                    print {"token", "link", "expires"} as JSON
`;

function positiveNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw new UsageError(`--${name} "${value}" is not a number between 0 and ${max}`);
  return n;
}

function portOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SYNC_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port "${value}" is not a port (0–65535)`);
  return port;
}

/** True for an interface only this machine can reach. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The server's address as others reach it: a wildcard interface becomes this machine's name. */
function reachableUrl(server: SyncServer): string {
  return ['0.0.0.0', '::'].includes(server.host) ? `ws://${hostname()}:${server.port}` : server.url;
}

/** Resolves when the process is asked to stop (SIGINT or SIGTERM). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
}

async function serve(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    postgres: { type: 'string' },
    redis: { type: 'string' },
    'max-message-mb': { type: 'string' },
    'max-document-mb': { type: 'string' },
    'max-updates-per-second': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const limits: SyncLimits = {
    ...DEFAULT_LIMITS,
    maxMessageBytes: positiveNumber('max-message-mb', values['max-message-mb'], 32, 1024) * MB,
    maxDocumentBytes: positiveNumber('max-document-mb', values['max-document-mb'], 128, 4096) * MB,
    updatesPerSecond: positiveNumber(
      'max-updates-per-second',
      values['max-updates-per-second'],
      100,
      100_000,
    ),
  };
  if (values.postgres !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(values.postgres))
    throw new UsageError(
      `--postgres "${values.postgres}" is not a postgres://user:password@host:5432/db URL`,
    );
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const secret = loadOrCreateSecret(dataDir);
  // Hocuspocus runs several hooks without awaiting them (onChange, awareness): a rejection there
  // (Redis gone for a moment) must not end a server whose acknowledged changes are all stored.
  process.on('unhandledRejection', (reason) => {
    io.stderr(
      `${new Date().toISOString()} unexpected error: ${reason instanceof Error ? reason.message : String(reason)}\n`,
    );
  });
  const store =
    values.postgres === undefined ? openSqliteStore(dataDir) : await openPostgresStore(values.postgres);
  let server: SyncServer;
  try {
    server = await startSyncServer({
      store,
      secret,
      reviewCheck: serverReviewCheck,
      host: values.host ?? '127.0.0.1',
      port: portOf(values.port),
      limits,
      ...(values.redis === undefined ? {} : { redisUrl: values.redis }),
      log: (line) => io.stderr(`${new Date().toISOString()} ${line}\n`),
    });
  } catch (e) {
    await store.close();
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes('EADDRINUSE')) throw new Error(`port ${portOf(values.port)} is in use (try --port)`);
    throw e;
  }
  io.stdout(
    [
      `Rootline sync server listening on ${server.url}`,
      `  documents: ${store.description}`,
      ...(values.redis === undefined
        ? []
        : [`  sharing clients through Redis ${values.redis.replace(/\/\/[^@]*@/, '//')}`]),
      `  invites: rootline serve invite --data ${dataDir} --incident ID --role reviewer --name NAME --url ${reachableUrl(server)}`,
      ...(isLoopback(server.host)
        ? []
        : ['  note: ws:// is not encrypted; put TLS in front of it (docs/sync-server.md, Production)']),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const signal = await stopSignal();
  io.stdout(`${signal}: closing connections and storing documents…\n`);
  // A second signal while storing stops at once (what was acknowledged is stored already).
  const again = stopSignal().then(() => 130);
  const code = await Promise.race([server.close().then(() => 0), again]);
  io.stdout(code === 0 ? 'Stopped.\n' : 'Stopped before compacting (nothing acknowledged is lost).\n');
  return code;
}

async function invite(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    incident: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    role: { type: 'string' },
    name: { type: 'string' },
    days: { type: 'string' },
    data: { type: 'string' },
    url: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const incidents = values.incident ?? [];
  if (incidents.length > 0 === (values.all === true))
    throw new UsageError('give the incidents the token opens: --incident ID (repeatable) or --all');
  const role = SyncRole.safeParse(values.role);
  if (!role.success)
    throw new UsageError(`--role must be author or reviewer (got ${values.role ?? 'nothing'})`);
  if (values.name === undefined) throw new UsageError('--name NAME is needed (shown on their comments)');
  const days = positiveNumber('days', values.days, 30, 3650);
  const serverUrl = values.url ?? `ws://localhost:${DEFAULT_SYNC_PORT}`;
  if (!/^(wss?|https?):\/\/[^\s/?#]+/i.test(serverUrl))
    throw new UsageError(`--url "${serverUrl}" is not a ws://, wss://, http:// or https:// address`);
  const now = Date.now();
  const incidentsClaim = values.all === true ? ('*' as const) : incidents;
  const check = SyncClaims.safeParse({
    name: values.name,
    role: role.data,
    incidents: incidentsClaim,
    exp: 1,
  });
  if (!check.success) throw new UsageError(describeClaimProblems(check.error));
  const made = await makeInvite({
    dataDir: resolve(values.data ?? DEFAULT_DATA_DIR),
    incidents: incidentsClaim,
    role: role.data,
    name: values.name,
    days,
    serverUrl,
    now,
  });
  const expires = new Date(made.claims.exp * 1000).toISOString();
  if (values.json === true) {
    io.stdout(`${JSON.stringify({ token: made.token, link: made.link, expires })}\n`);
    return 0;
  }
  const what =
    made.claims.incidents === '*' ? 'every incident' : `incident ${made.claims.incidents.join(', ')}`;
  io.stdout(
    [
      `Invite for ${made.claims.name} (${made.claims.role}, ${what}), valid until ${expires}:`,
      '',
      made.link,
      '',
      'Token (for Share… in the app, with the server address):',
      made.token,
      ...(values.url === undefined
        ? [
            '',
            `Note: the link points at ws://localhost:${DEFAULT_SYNC_PORT}; give --url with the address others reach.`,
          ]
        : []),
      '',
    ].join('\n'),
  );
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  run(args, io) {
    return args[0] === 'invite' ? invite(args.slice(1), io) : serve(args, io);
  },
};
