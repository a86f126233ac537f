#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, resolved from this file so `npx rootline` works from any cwd.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../main.ts', import.meta.url).href);
