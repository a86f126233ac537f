import type { CompiledTextFormat } from '../textformats/compile';
import { definitionFormat } from '../textformats/engine';
import type { FormatDef } from '../types';
import { allFormats } from './index';

/**
 * The app's formats plus a user's own definitions (from `--format-file` or the Formats
 * setting). User definitions come first: they win detection ties, and one named like a shipped
 * format replaces it.
 */
export function formatsWith(user: readonly CompiledTextFormat[]): readonly FormatDef[] {
  if (user.length === 0) return allFormats();
  const own = user.map(definitionFormat);
  const ids = new Set(own.map((f) => f.id));
  return [...own, ...allFormats().filter((f) => !ids.has(f.id))];
}
