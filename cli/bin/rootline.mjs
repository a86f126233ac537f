#!/usr/bin/env node
// Runs the TypeScript CLI under tsx, resolved from this file so `npx rootline` works from any cwd.
// tsx is registered with `--import` in a child process: registering its loader hooks at run time
// (tsx/esm/api) races on Node 20 and can leave the first import hanging.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', tsx, main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
