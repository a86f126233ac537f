import { detectFormat } from './detect';
import { getFormat } from './formats/index';
import { formatsWith } from './formats/user';
import type { CompiledTextFormat } from './textformats/compile';
import { createImportWith } from './importer';
import type { CreateImportOptions, FormatRegistry, Import, ImportResult } from './importer';

export type {
  CreateImportOptions,
  FileInput,
  FileStats,
  FormatRegistry,
  Import,
  ImportPattern,
  ImportResult,
  ImportStatsResult,
} from './importer';
export { createImportWith } from './importer';
export { formatsWith } from './formats/user';

/** The app's formats (shared/import/formats) and detection (shared/import/detect). */
export const DEFAULT_REGISTRY: FormatRegistry = {
  getFormat: (id) => getFormat(id),
  detectFormat: (head, fileName) => detectFormat(head, fileName),
};

/** A registry over `formatsWith(user)`. */
export function registryWith(user: readonly CompiledTextFormat[]): FormatRegistry {
  if (user.length === 0) return DEFAULT_REGISTRY;
  const formats = formatsWith(user);
  return {
    getFormat: (id) => formats.find((f) => f.id === id),
    detectFormat: (head, fileName) => detectFormat(head, fileName, formats),
  };
}

/**
 * Starts an import: add files (streamed chunk by chunk, or unpacked archives), then `finish()`
 * for the folded timeline, phases, findings and exact accounting. Memory stays bounded by the
 * number of non-log records (a few bytes each), not by file size. Never throws on file content.
 */
export function createImport(
  options: CreateImportOptions,
  userFormats: readonly CompiledTextFormat[] = [],
): Import {
  return createImportWith(registryWith(userFormats), options);
}

/** Imports whole texts in one call (tests, small pastes). */
export function importTexts(
  files: readonly { name: string; text: string }[],
  options: CreateImportOptions,
): ImportResult {
  const imp = createImport(options);
  for (const f of files) {
    const input = imp.addFile(f.name);
    input.push(f.text);
    input.end();
  }
  return imp.finish();
}
