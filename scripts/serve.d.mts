import type { Server } from 'node:http';

export const DEFAULT_PORT: number;
export const DEFAULT_HOST: string;
export const CONTENT_SECURITY_POLICY: string;
export function mimeTypeFor(filePath: string): string;
export function resolveStaticPath(
  root: string,
  requestPath: string,
): { kind: 'file'; path: string } | { kind: 'bad-request' | 'forbidden'; reason: string };
export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}
export function serve(options: { root: string; port?: number; host?: string }): Promise<RunningServer>;
