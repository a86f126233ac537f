export const CHROMIUM_PATH: string;
export const CHROMIUM_FLAGS: string[];
export function argValue(args: string[], name: string, fallback: string): string;
export function argValue(args: string[], name: string, fallback: null): string | null;
