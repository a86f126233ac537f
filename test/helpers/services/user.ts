// PostgreSQL refuses to run as root, and CI runs as root: there the services are started as an
// unprivileged system user (Debian's `postgres` when the package made it, else `nobody`) through
// spawn's uid/gid, with their temp directory handed over to that user.
import { chownSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

function passwdEntry(name: string): RunAs | null {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined) {
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  return null;
}

/** The user to run services as: null when this process is not root (run as ourselves). */
export function serviceUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const user = passwdEntry('postgres') ?? passwdEntry('nobody');
  if (user === null) throw new Error('Running as root, but neither a "postgres" nor a "nobody" user exists');
  return user;
}

/** Gives `dir` and everything under it to `user` (no-op when null). */
export function handOver(dir: string, user: RunAs | null): void {
  if (user === null) return;
  chownSync(dir, user.uid, user.gid);
  if (!statSync(dir).isDirectory()) return;
  for (const entry of readdirSync(dir)) handOver(join(dir, entry), user);
}
