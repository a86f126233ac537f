import Papa from 'papaparse';
import type { ImportError } from '../../../shared/domain';

/** The full error list of an import as CSV (file, line, reason). */
export function errorsCsv(errors: readonly ImportError[]): string {
  return Papa.unparse({
    fields: ['file', 'line', 'reason'],
    data: errors.map((e) => [e.file, e.line, e.reason]),
  });
}
