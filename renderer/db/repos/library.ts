import { z } from 'zod';
import { ActionStatus, Finding, LogLevel, Priority } from '../../../shared/domain';
import {
  summarizeIncident,
  type LibraryAction,
  type LibraryIncident,
  type LibrarySource,
} from '../../../shared/library';
import { getDb } from '../db';
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
 * Every incident as a library summary (shared/library): incidents checked as everywhere else;
 * of action items, causes, imports and mined patterns only the few fields the summary reads,
 * each checked on its own (a full schema parse of thousands of rows would cost the first
 * render), so a damaged row costs its own figure, never the view: the Action items view lists
 * damaged items for repair. Events, log blocks, documents and comments are never read.
 */
export async function readLibrary(): Promise<LibraryIncident[]> {
  const db = getDb();
  return db.transaction('r', [db.incidents, db.actions, db.causes, db.imports, db.patterns], async () => {
    const [incidents, actions, causes, imports, patterns] = await Promise.all([
      listIncidents(),
      db.actions.toArray() as Promise<unknown[]>,
      db.causes.toArray() as Promise<unknown[]>,
      db.imports.toArray() as Promise<unknown[]>,
      db.patterns.toArray() as Promise<unknown[]>,
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
