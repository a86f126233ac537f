import type { RunningServer } from './serve.mjs';

export const ROOT: string;
export const WEB_USAGE: string;
export function parseWebArgs(
  argv: string[],
  env?: Record<string, string | undefined>,
  extraFlags?: string[],
): { port: number; build: boolean; open: boolean; help: boolean };
export function rendererBuildState(root?: string): { stale: boolean; reason: string };
export function ensureRendererBuilt(options?: {
  root?: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<void>;
export function openBrowser(url: string): void;
export function runWeb(options?: {
  root?: string;
  port?: number;
  forceBuild?: boolean;
  open?: boolean;
}): Promise<RunningServer>;
