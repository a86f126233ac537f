export function defaultExecutableFor(platform: string): string;
export type ElectronLocation =
  { path: string } | { path: null; reason: 'not-installed' | 'missing-binary'; detail: string };
export function locateElectron(options: {
  root: string;
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (path: string) => boolean;
}): ElectronLocation;
export function hasDisplay(env?: Record<string, string | undefined>, platform?: string): boolean;
export function installElectron(options: {
  root: string;
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
}): Promise<{ ok: true } | { ok: false; detail: string }>;
export function describeFallback(why: {
  binaryMissing: boolean;
  downloadFailed: boolean;
  noDisplay: boolean;
  opensBrowser: boolean;
  launchError?: string;
}): string;
export function planElectronE2e(at: {
  location: ElectronLocation;
  display: boolean;
  xvfbRun: boolean;
  ci: boolean;
}): { prefix: string[] } | { notRun: string };
