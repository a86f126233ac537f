import type { ImportError } from '../../../shared/domain';
import { writeCsv } from '../../../shared/export/csv';

/** The full error list of an import as CSV (file, line, reason), every cell neutralised. */
export function errorsCsv(errors: readonly ImportError[]): string {
  return writeCsv(
    ['file', 'line', 'reason'],
    errors.map((e) => [e.file, e.line, e.reason]),
    '\r\n',
  );
}
