import type { RunningServer } from './serve.mjs';

export const ROOT: string;
export function parseWebArgs(
  argv: string[],
  env?: Record<string, string | undefined>,
): { port: number; build: boolean; open: boolean };
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
