export const CHROMIUM_ENV: string;
export const CHROMIUM_CANDIDATES: readonly string[];
export function findChromium(
  env?: Readonly<Record<string, string | undefined>>,
  exists?: (path: string) => boolean,
): string | null;
export const CHROMIUM_PATH: string;
export const CHROMIUM_FLAGS: string[];
export function argValue(args: string[], name: string, fallback: string): string;
export function argValue(args: string[], name: string, fallback: null): string | null;
