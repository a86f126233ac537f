// Where the services the sync tests need live. Debian's packages (what .ci/run installs) put
// PostgreSQL under /usr/lib/postgresql/<major>/bin (only a few wrappers reach PATH) and
// redis-server on PATH.
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first directory on PATH holding an executable `name`, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, name))) return dir;
  }
  return null;
}

/** The directory with `initdb`, `postgres` and `pg_ctl`: the newest Debian major, else PATH. */
export function locatePostgres(): string | null {
  const debian = '/usr/lib/postgresql';
  let majors: string[] = [];
  try {
    majors = readdirSync(debian).filter((entry) => /^\d+$/.test(entry));
  } catch {
    // No Debian layout: fall back to PATH below.
  }
  majors.sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bindir = join(debian, major, 'bin');
    if (isExecutable(join(bindir, 'postgres')) && isExecutable(join(bindir, 'initdb'))) return bindir;
  }
  const dir = onPath('postgres');
  return dir !== null && isExecutable(join(dir, 'initdb')) ? dir : null;
}

/** The path of `redis-server`, or null. */
export function locateRedis(): string | null {
  const dir = onPath('redis-server');
  return dir === null ? null : join(dir, 'redis-server');
}
