import Papa from 'papaparse';
import { detectFormat } from '../../shared/import/detect';
import { createImport, formatsWith } from '../../shared/import/pipeline';
import { userFormats } from './userFormats';
import type { LogRecord } from '../../shared/domain';
import { createFileDecoder } from './decode';
import type { PreviewResult, ToWorker } from './importProtocol';
import { csvDelimiterOf } from '../../shared/csv/delimiter';

const PREVIEW_RECORDS = 25;

/**
 * Parses the first bytes of a file with the chosen format and mapping, for the import dialog's
 * format choice and live field-mapping preview. Only whole lines of the sample are used.
 */
export function previewSample(msg: Extract<ToWorker, { type: 'preview' }>): PreviewResult {
  const decoder = createFileDecoder(msg.name);
  const decoded = decoder.push(msg.bytes);
  const empty = {
    format: msg.format ?? 'text',
    confidence: 0,
    candidates: [],
    fields: [],
    records: [],
    errors: [],
    lines: 0,
  };
  if (typeof decoded !== 'string') return { ...empty, problem: decoded.problem };
  const isZip = msg.bytes[0] === 0x50 && msg.bytes[1] === 0x4b;
  const own = userFormats(msg.formatFiles);
  const detection = detectFormat(
    isZip ? 'PK' : decoded.slice(0, 4096),
    msg.name.replace(/\.gz$/i, ''),
    formatsWith(own),
  );
  const format = msg.format ?? detection.id;
  if (isZip)
    return {
      ...empty,
      format,
      confidence: detection.confidence,
      candidates: detection.candidates,
      problem: null,
    };

  const lastNewline = decoded.lastIndexOf('\n');
  const text =
    lastNewline > 0 && msg.bytes.byteLength >= 65_536 ? decoded.slice(0, lastNewline + 1) : decoded;
  const records: LogRecord[] = [];
  const imp = createImport(
    {
      zone: msg.zone,
      year: msg.year,
      format,
      mapping: msg.mapping,
      onRecord: (r) => {
        if (records.length < PREVIEW_RECORDS) records.push(r);
      },
    },
    own,
  );
  const input = imp.addFile(msg.name, { format });
  input.push(text);
  input.end();
  const result = imp.finish();
  return {
    format,
    confidence: detection.confidence,
    candidates: detection.candidates,
    fields: fieldsOf(format, text),
    records,
    errors: result.stats.errors.slice(0, 20),
    lines: result.stats.lines,
    problem: null,
  };
}

/** Field names a user can map: CSV header cells, or the (dotted) keys of the first JSON line. */
function fieldsOf(format: string, text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (format === 'csv') {
    const parsed = Papa.parse<string[]>(firstLine, { delimiter: csvDelimiterOf(firstLine) });
    return (parsed.data[0] ?? []).map((c) => c.trim()).filter((c) => c.length > 0);
  }
  for (const line of text.split(/\r?\n/, 50)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    try {
      return flattenKeys(JSON.parse(trimmed) as unknown, '', 0);
    } catch {
      continue;
    }
  }
  return [];
}

function flattenKeys(value: unknown, prefix: string, depth: number): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 2) {
    return prefix ? [prefix] : [];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    flattenKeys(v, prefix ? `${prefix}.${k}` : k, depth + 1),
  );
}
