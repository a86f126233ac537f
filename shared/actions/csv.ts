import type { ActionItem, ActionStatus, Priority } from '../domain';
import { writeCsv } from '../export/csv';
import { nullProto } from '../domain/lookup';

/**
 * CSV interchange with issue trackers. The column names are the ones the Jira and Linear CSV
 * importers map automatically (Summary, Description, Assignee, Priority, Due date, Labels, Status);
 * the Id column lets a CSV edited elsewhere come back and update statuses.
 */
export const CSV_COLUMNS = [
  'Id',
  'Summary',
  'Description',
  'Assignee',
  'Priority',
  'Due date',
  'Labels',
  'Status',
  'Status reason',
  'Ticket URL',
  'Causes',
  'Incident',
  'Created',
  'Completed',
] as const;

/** Which tracker's vocabulary to use for Priority and Status values. */
export type CsvFlavor = 'jira' | 'linear';

const PRIORITY_WORDS: Record<CsvFlavor, Record<Priority, string>> = {
  jira: { P0: 'Highest', P1: 'High', P2: 'Medium', P3: 'Low' },
  linear: { P0: 'Urgent', P1: 'High', P2: 'Medium', P3: 'Low' },
};

const STATUS_WORDS: Record<CsvFlavor, Record<ActionStatus, string>> = {
  jira: { open: 'To Do', 'in-progress': 'In Progress', done: 'Done', 'wont-do': "Won't Do" },
  linear: { open: 'Todo', 'in-progress': 'In Progress', done: 'Done', 'wont-do': 'Canceled' },
};

export interface CsvExportOptions {
  flavor?: CsvFlavor;
  causeTitle?: (causeId: string) => string | undefined;
  incidentTitle?: (incidentId: string) => string | undefined;
}

/** Labels for trackers: the action type as one token (Jira labels cannot contain spaces). */
export function typeLabel(type: string): string {
  return type.trim().replace(/\s+/g, '-');
}

/** The action items as RFC 4180 CSV (CRLF line ends, fields quoted when needed), header first. */
export function exportActionsCsv(items: readonly ActionItem[], options: CsvExportOptions = {}): string {
  const flavor = options.flavor ?? 'jira';
  // Every cell, ids included (a bundle from elsewhere chooses its ids), is neutralised by writeCsv.
  const rows = items.map((item) => [
    item.id,
    item.title,
    item.description,
    item.owner,
    PRIORITY_WORDS[flavor][item.priority],
    item.dueDate ?? '',
    typeLabel(item.type),
    STATUS_WORDS[flavor][item.status],
    item.statusReason,
    item.ticketUrl,
    item.causeIds.map((id) => options.causeTitle?.(id) ?? id).join('; '),
    options.incidentTitle?.(item.incidentId) ?? item.incidentId,
    new Date(item.createdAt).toISOString(),
    item.completedAt === null ? '' : new Date(item.completedAt).toISOString(),
  ]);
  return writeCsv(CSV_COLUMNS, rows);
}

const STATUS_SYNONYMS: Record<string, ActionStatus> = nullProto({});
const addSynonyms = (status: ActionStatus, words: string[]): void => {
  for (const w of words) STATUS_SYNONYMS[normaliseWord(w)] = status;
};
addSynonyms('open', [
  'open',
  'to do',
  'todo',
  'backlog',
  'new',
  'triage',
  'reopened',
  'selected for development',
]);
addSynonyms('in-progress', ['in progress', 'in-progress', 'started', 'doing', 'in review', 'review']);
addSynonyms('done', ['done', 'closed', 'resolved', 'complete', 'completed', 'fixed']);
addSynonyms('wont-do', [
  "won't do",
  'wont do',
  'wont-do',
  "won't fix",
  'wontfix',
  'canceled',
  'cancelled',
  'declined',
  'rejected',
  'duplicate',
]);

function normaliseWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/[\s_-]+/g, ' ');
}

/**
 * Reads a status written by Rootline, Jira or Linear ("To Do", "Todo", "In Progress", "Done",
 * "Won't Do", "Canceled", …), case-insensitively. Null when the word is not recognised.
 */
export function parseStatusWord(text: string): ActionStatus | null {
  return STATUS_SYNONYMS[normaliseWord(text)] ?? null;
}
