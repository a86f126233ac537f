// @ts-check
// Bundles the `rootline` command (cli/main.ts) into dist/cli/ with esbuild: one small entry and
// one chunk per command, loaded on demand, so `rootline --help` starts without the import
// pipeline or Lexical. Runs on `npm install` (prepare), before `npm pack`, and from the bin when
// a source checkout has changed since the last build.
// Usage: node scripts/build/cli.mjs
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI_OUT_DIR = path.join(root, 'dist', 'cli');

/** Builds dist/cli/main.mjs and its chunks; each file is replaced atomically. */
export async function buildCli() {
  const result = await build({
    absWorkingDir: root,
    // The import worker (parallel import of large files) is an entry of its own.
    entryPoints: { main: 'cli/main.ts', 'import-worker': 'cli/parallel/worker.ts' },
    outdir: CLI_OUT_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Loaded only by `export --format pdf`; a runtime dependency, resolved from node_modules.
    // `serve`'s server side too: better-sqlite3 is native, pg and the Redis client have optional
    // native parts, and Yjs must be one instance shared by Hocuspocus and shared/sync.
    external: ['playwright-core', 'better-sqlite3', 'pg', '@hocuspocus/*', 'yjs'],
    // CommonJS packages bundled into ESM may still call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __rootlineRequire } from 'node:module';\nconst require = __rootlineRequire(import.meta.url);",
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    // Write beside, then rename: a CLI started during a rebuild never reads half a file.
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  pruneChunks(result.outputFiles.map((f) => f.path));
  return path.join(CLI_OUT_DIR, 'main.mjs');
}

/**
 * Removes the chunks of older builds from dist/cli/chunks (their names carry a content hash, so
 * every change leaves new ones beside the old). The previous build's chunks stay: a command
 * started before this build may still load one of them lazily. dist/cli/chunks/.builds lists
 * both builds' chunks.
 * @param {string[]} written the paths this build wrote
 */
function pruneChunks(written) {
  const dir = path.join(CLI_OUT_DIR, 'chunks');
  const manifest = path.join(dir, '.builds');
  const current = written.filter((file) => path.dirname(file) === dir).map((file) => path.basename(file));
  const previous = existsSync(manifest)
    ? (readFileSync(manifest, 'utf8').split('\n')[0] ?? '').split(' ')
    : [];
  const keep = new Set([...current, ...previous]);
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.mjs') && !keep.has(name)) rmSync(path.join(dir, name), { force: true });
  }
  writeFileSync(manifest, `${current.join(' ')}\n${previous.join(' ')}\n`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const out = await buildCli();
    console.log(`Built ${path.relative(root, out)}`);
  } catch (error) {
    console.error(`CLI build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
