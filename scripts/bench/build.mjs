// A benchmark's own renderer build, in a folder of its own under .bench/, so a benchmark never
// overwrites dist/ while other work (the web server, the e2e tests) is using it.
import { spawnSync } from 'node:child_process';

/** Builds the renderer into `outDir` (emptied first); exits the process if the build fails. */
export function buildPrivateRenderer(root, outDir) {
  const r = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
