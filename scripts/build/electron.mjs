// Bundles the Electron main process and preload into dist/electron/*.cjs with esbuild.
// Usage: node scripts/build/electron.mjs [--watch]
import { build, context } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  // Electron 42 ships Node 22 in main and Chromium 142+ in the (sandboxed) preload.
  target: 'node22',
};

const targets = [
  { ...shared, platform: 'node', entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' },
  // The sandboxed preload may require only 'electron'; everything else is bundled in.
  { ...shared, platform: 'node', entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' },
];

/** Builds both bundles once; resolves with the output paths. */
export async function buildElectron() {
  await Promise.all(targets.map((options) => build(options)));
  return targets.map((t) => path.join(root, String(t.outfile)));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values: args } = parseArgs({ options: { watch: { type: 'boolean', default: false } } });
  if (args.watch) {
    const contexts = await Promise.all(targets.map((options) => context(options)));
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    console.log('Watching electron/ and shared/ for changes…');
  } else {
    try {
      const outputs = await buildElectron();
      console.log(`Built ${outputs.map((p) => path.relative(root, p)).join(' and ')}`);
    } catch (error) {
      console.error(`Electron build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}
