import { z } from 'zod';
import { ActionStatus, Finding, Incident, isValidIncident, LogLevel, Priority } from '../../../shared/domain';
import {
  summarizeIncident,
  type LibraryAction,
  type LibraryIncident,
  type LibrarySource,
} from '../../../shared/library';
import { getDb } from '../db';
import { checkRows } from './damaged';
import { listIncidents } from './incidents';

const Findings = z.array(Finding);

function groupBy<T extends { incidentId: unknown }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    if (typeof r.incidentId !== 'string') continue;
    const list = map.get(r.incidentId);
    if (list) list.push(r);
    else map.set(r.incidentId, [r]);
  }
  return map;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The fields of a stored action item the library reads, or null when one of them is damaged. */
function libraryAction(a: Record<string, unknown>): LibraryAction | null {
  const status = ActionStatus.safeParse(a.status);
  const priority = Priority.safeParse(a.priority);
  const id = str(a.id);
  const title = str(a.title);
  const owner = str(a.owner);
  const dueDate = a.dueDate === null ? null : str(a.dueDate);
  const completedAt = typeof a.completedAt === 'number' ? a.completedAt : null;
  if (!status.success || !priority.success || id === null || title === null || owner === null) return null;
  if (a.dueDate !== null && dueDate === null) return null;
  return { id, title, owner, priority: priority.data, status: status.data, dueDate, completedAt };
}

/**
 * Incidents as library summaries (shared/library): every incident, or those of `ids` (those that
 * still exist; the caches of renderer/features/trends re-read only what the change log says
 * changed). Incidents are checked as everywhere else; of action items, causes, imports and mined
 * patterns only the few fields the summary reads, each checked on its own (a full schema parse
 * of thousands of rows would cost the first render), so a damaged row costs its own figure,
 * never the view: the Action items view lists damaged items for repair. Events, log blocks,
 * documents and comments are never read.
 */
export async function readLibrary(ids?: readonly string[]): Promise<LibraryIncident[]> {
  const db = getDb();
  return db.transaction('r', [db.incidents, db.actions, db.causes, db.imports, db.patterns], async () => {
    const rowsOf = (table: typeof db.actions | typeof db.causes | typeof db.imports | typeof db.patterns) =>
      (ids === undefined
        ? table.toArray()
        : table
            .where('incidentId')
            .anyOf([...ids])
            .toArray()) as Promise<unknown[]>;
    const [incidents, actions, causes, imports, patterns] = await Promise.all([
      ids === undefined ? listIncidents() : readIncidentsById(ids),
      rowsOf(db.actions),
      rowsOf(db.causes),
      rowsOf(db.imports),
      rowsOf(db.patterns),
    ]);
    const rec = (rows: unknown[]) =>
      rows.filter(
        (r): r is Record<string, unknown> & { incidentId: unknown } => typeof r === 'object' && r !== null,
      );
    const causesOf = groupBy(rec(causes));
    const importsOf = groupBy(rec(imports));
    const patternsOf = groupBy(rec(patterns));
    const actionsOf = groupBy(rec(actions));
    return incidents.map((incident) => {
      const src: LibrarySource = {
        incident,
        actions: (actionsOf.get(incident.id) ?? []).flatMap((a) => {
          const item = libraryAction(a);
          return item ? [item] : [];
        }),
        causes: (causesOf.get(incident.id) ?? []).map((c) => ({
          parentId: typeof c.parentId === 'string' ? c.parentId : null,
          category: typeof c.category === 'string' ? c.category : null,
        })),
        imports: (importsOf.get(incident.id) ?? []).map((i) => {
          const f = Findings.safeParse(i.findings);
          return { findings: f.success ? f.data : [] };
        }),
        patterns: (patternsOf.get(incident.id) ?? []).flatMap((p) => {
          const level = LogLevel.safeParse(p.level);
          return typeof p.patternKey === 'string' && typeof p.template === 'string'
            ? [{ patternKey: p.patternKey, template: p.template, level: level.success ? level.data : null }]
            : [];
        }),
      };
      return summarizeIncident(src);
    });
  });
}

/** The valid incidents among `ids` (absent and damaged ones left out). */
async function readIncidentsById(ids: readonly string[]): Promise<Incident[]> {
  const rows = (await getDb().incidents.bulkGet([...ids])).filter((r) => r !== undefined);
  return checkRows(rows, Incident, isValidIncident).good;
}
