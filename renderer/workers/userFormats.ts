import type { CompiledTextFormat } from '../../shared/import/textformats/compile';
import type { FormatFileText } from '../../shared/import/textformats/load';
import { compileFormatFiles } from '../../shared/import/textformats/load';

let cacheKey = '';
let cached: CompiledTextFormat[] = [];

/**
 * The user's definitions compiled once per distinct set of files (previews arrive per file and
 * per keystroke of a mapping; recompiling every regex each time would be waste). Files that no
 * longer load are left out: the Formats setting shows their problems.
 */
export function userFormats(files: readonly FormatFileText[]): CompiledTextFormat[] {
  const key = JSON.stringify(files);
  if (key !== cacheKey) {
    cached = compileFormatFiles(files).formats;
    cacheKey = key;
  }
  return cached;
}
