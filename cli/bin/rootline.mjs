#!/usr/bin/env node
// Runs the built CLI (dist/cli/main.mjs). In a source checkout it first rebuilds when any CLI
// or shared source is newer than the build, so `npx rootline` never runs stale code; an installed
// package has no sources and starts the built file directly.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = `${root}dist/cli/main.mjs`;

/** Newest modification time under a folder (0 when it does not exist). */
function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = `${dir}/${entry.name}`;
    const time = entry.isDirectory() ? newest(full) : statSync(full).mtimeMs;
    if (time > max) max = time;
  }
  return max;
}

function isStale() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return ['cli', 'shared'].some((dir) => newest(`${root}${dir}`) > builtAt);
}

if (existsSync(`${root}cli/main.ts`) && isStale()) {
  const { buildCli } = await import('../../scripts/build/cli.mjs');
  await buildCli();
}
await import(built);
