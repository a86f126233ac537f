import type { ActionItem, ActionStatus } from '../domain';
import { parseStatusWord } from './csv';
import { restoreCsvCell } from '../export/csv';
import type { CsvTable } from './csvParse';
import { parseCsv } from './csvParse';
import { withStatus } from './items';

export interface StatusUpdate {
  line: number;
  id: string;
  title: string;
  from: ActionStatus;
  to: ActionStatus;
  reason: string;
}

export interface RowIssue {
  line: number;
  /** The id cell as written ('' when missing). */
  id: string;
  /** The summary cell when the file has one, to help find the row. */
  summary: string;
  reason: string;
}

/**
 * What a CSV import would do. Every data row of the file lands in exactly one list, so
 * `rowCount === updates + unchanged + unknown + invalid + blank` — nothing is silently dropped.
 */
export interface StatusImportPlan {
  fileName: string;
  rowCount: number;
  updates: StatusUpdate[];
  unchanged: { line: number; id: string; title: string }[];
  /** Rows whose id matches no action item in scope. */
  unknown: RowIssue[];
  /** Rows that match an item but cannot be applied (unknown status word, duplicate id, …). */
  invalid: RowIssue[];
  /** Lines whose every cell is empty (spreadsheets add these). */
  blank: number[];
}

export type StatusImportResult = { ok: true; plan: StatusImportPlan } | { ok: false; error: string };

function columnIndex(header: string[], name: string, fileName: string): number | string {
  const hits = header.flatMap((h, i) => (h.toLowerCase() === name.toLowerCase() ? [i] : []));
  if (hits.length > 1) return `${fileName}: the header has ${hits.length} "${name}" columns; keep one`;
  return hits[0] ?? -1;
}

/**
 * Plans a status update from a CSV (as exported by {@link exportActionsCsv}, possibly edited in a
 * tracker or spreadsheet). Rows are matched to `known` items by the Id column. A file without Id
 * and Status columns, or with damaged structure, is refused as a whole.
 */
export function planStatusImport(
  text: string,
  fileName: string,
  known: readonly ActionItem[],
): StatusImportResult {
  const parsed = parseCsv(text, fileName);
  if (!parsed.ok) return parsed;
  return planFromTable(parsed.table, fileName, known);
}

/** {@link planStatusImport} on an already parsed table. */
export function planFromTable(
  table: CsvTable,
  fileName: string,
  known: readonly ActionItem[],
): StatusImportResult {
  const idCol = columnIndex(table.header, 'Id', fileName);
  const statusCol = columnIndex(table.header, 'Status', fileName);
  const reasonCol = columnIndex(table.header, 'Status reason', fileName);
  const summaryCol = columnIndex(table.header, 'Summary', fileName);
  for (const c of [idCol, statusCol, reasonCol, summaryCol])
    if (typeof c === 'string') return { ok: false, error: c };
  if (idCol === -1 || statusCol === -1) {
    const missing = [idCol === -1 ? 'Id' : null, statusCol === -1 ? 'Status' : null]
      .filter(Boolean)
      .join(' and ');
    return {
      ok: false,
      error: `${fileName} line 1: no ${missing} column (found: ${table.header.join(', ') || 'nothing'})`,
    };
  }
  const byId = new Map(known.map((item) => [item.id, item]));
  const seen = new Map<string, number>();
  const plan: StatusImportPlan = {
    fileName,
    rowCount: table.records.length,
    updates: [],
    unchanged: [],
    unknown: [],
    invalid: [],
    blank: [],
  };
  const cell = (cells: string[], col: number | string): string =>
    typeof col === 'number' && col >= 0 ? (cells[col] ?? '') : '';

  for (const { line, cells } of table.records) {
    if (cells.every((c) => c.trim() === '')) {
      plan.blank.push(line);
      continue;
    }
    // An id that could read as a formula was written with a leading apostrophe; undo exactly that.
    const id = restoreCsvCell(cell(cells, idCol).trim());
    const summary = cell(cells, summaryCol);
    const statusText = cell(cells, statusCol);
    const issue = (reason: string): RowIssue => ({ line, id, summary, reason });
    if (id === '') {
      plan.invalid.push(issue('the Id cell is empty'));
      continue;
    }
    const item = byId.get(id);
    if (!item) {
      plan.unknown.push(issue(`no action item with id "${id}" here`));
      continue;
    }
    const firstLine = seen.get(id);
    if (firstLine !== undefined) {
      plan.invalid.push(issue(`id "${id}" already appeared on line ${firstLine}`));
      continue;
    }
    seen.set(id, line);
    const to = parseStatusWord(statusText);
    if (to === null) {
      plan.invalid.push(issue(`status "${statusText}" is not one of To Do, In Progress, Done, Won't Do`));
      continue;
    }
    const reason = importedReason(
      item,
      to,
      cell(cells, reasonCol).trim(),
      reasonCol !== -1,
      `${fileName} (line ${line})`,
    );
    if (to === item.status && reason === item.statusReason) {
      plan.unchanged.push({ line, id, title: item.title });
    } else {
      plan.updates.push({ line, id, title: item.title, from: item.status, to, reason });
    }
  }
  return { ok: true, plan };
}

/**
 * The status reason after an import row. Won't do always gets one (the file's, the item's, or a
 * note naming the row). Leaving won't do drops the old explanation unless the file gives a new
 * one, as reopening by hand does. Without a reason column the item's own reason is kept.
 */
function importedReason(
  item: ActionItem,
  to: ActionStatus,
  written: string,
  hasColumn: boolean,
  where: string,
): string {
  if (to === 'wont-do')
    return written || (item.status === 'wont-do' ? item.statusReason : `Marked won't do in ${where}`);
  if (!hasColumn) return to === item.status ? item.statusReason : '';
  const stale = item.status === 'wont-do' && written === item.statusReason;
  return stale ? '' : written;
}

/** The items changed by a plan (only those), with statuses, reasons and completion stamps set. */
export function applyStatusImport(
  known: readonly ActionItem[],
  plan: StatusImportPlan,
  now: number,
): ActionItem[] {
  const byId = new Map(known.map((item) => [item.id, item]));
  const out: ActionItem[] = [];
  for (const u of plan.updates) {
    const item = byId.get(u.id);
    if (!item) continue;
    const next = withStatus(item, u.to, now, u.reason);
    // planStatusImport always supplies a reason for won't do, so this is a changed item.
    if (typeof next !== 'string' && next !== item) out.push(next);
  }
  return out;
}

/** A short human summary of a plan, one line per fact, with line numbers for every problem. */
export function describeImportPlan(plan: StatusImportPlan): string[] {
  const lines = [
    `${plan.fileName}: ${plan.rowCount} row${plan.rowCount === 1 ? '' : 's'} — ${plan.updates.length} to update, ${plan.unchanged.length} unchanged, ${plan.unknown.length} unknown, ${plan.invalid.length} invalid` +
      (plan.blank.length > 0 ? `, ${plan.blank.length} blank` : ''),
  ];
  for (const r of [...plan.unknown, ...plan.invalid].sort((a, b) => a.line - b.line)) {
    lines.push(`line ${r.line}: ${r.reason}${r.summary ? ` ("${r.summary}")` : ''}`);
  }
  return lines;
}
