import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Rootline's package.json. Found by walking up from this module, because the
 * same code runs from `cli/` (source, under tests) and from `dist/cli/` (the built command).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && isRootline(candidate)) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find Rootline’s package.json above the CLI');
    dir = up;
  }
}

function isRootline(file: string): boolean {
  try {
    const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'name' in pkg && pkg.name === 'rootline';
  } catch {
    return false;
  }
}

/** Rootline's version, from its package.json. */
export function appVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}

/** The shipped RCA templates folder (with a trailing slash). */
export function templatesDir(): string {
  return `${join(packageRoot(), 'templates')}/`;
}
