import type { IncidentSnapshot } from '../domain';
import { INCIDENT_COLLECTIONS } from '../domain';

/**
 * Problems that the row schemas cannot see: rows of another incident, duplicate ids, log
 * blocks without their import, cause parents missing from the bundle, cycles in the cause
 * tree. Soft links (evidence, comment targets, action causes, finding events) may dangle —
 * the app tolerates rows deleted after they were referenced — and are kept as they are.
 * Returns at most `max` messages, each naming the row by its JSON path.
 */
export function findReferenceProblems(snapshot: IncidentSnapshot, max = 5): string[] {
  const problems: string[] = [];
  const report = (message: string): boolean => {
    problems.push(message);
    return problems.length >= max;
  };
  const incidentId = snapshot.incident.id;

  const seen = new Map<string, string>([[incidentId, 'incident']]);
  for (const collection of INCIDENT_COLLECTIONS) {
    const rows: readonly { id: string; incidentId: string }[] = snapshot[collection];
    for (const [i, row] of rows.entries()) {
      const where = `${collection}[${i}]`;
      const earlier = seen.get(row.id);
      if (
        earlier !== undefined &&
        report(`${where}.id: duplicate id "${row.id}" (also used by ${earlier})`)
      ) {
        return problems;
      }
      seen.set(row.id, where);
      if (
        row.incidentId !== incidentId &&
        report(`${where}.incidentId: belongs to incident "${row.incidentId}", not "${incidentId}"`)
      ) {
        return problems;
      }
    }
  }

  const importIds = new Set(snapshot.imports.map((i) => i.id));
  for (const [i, block] of snapshot.logBlocks.entries()) {
    if (
      !importIds.has(block.importId) &&
      report(`logBlocks[${i}].importId: import "${block.importId}" is not in the bundle`)
    ) {
      return problems;
    }
  }

  const parents = new Map(snapshot.causes.map((c) => [c.id, c.parentId]));
  for (const [i, cause] of snapshot.causes.entries()) {
    if (
      cause.parentId !== null &&
      !parents.has(cause.parentId) &&
      report(`causes[${i}].parentId: parent cause "${cause.parentId}" is not in the bundle`)
    ) {
      return problems;
    }
  }
  const cycle = findCycle(parents);
  if (cycle) report(`causes: the cause tree has a cycle (${cycle.join(' → ')})`);
  return problems;
}

/** The first parent-link cycle found, as the ids around it (first id repeated at the end). */
function findCycle(parents: ReadonlyMap<string, string | null>): string[] | null {
  const done = new Set<string>();
  for (const start of parents.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | null | undefined = start;
    while (id !== null && id !== undefined && !done.has(id)) {
      if (onPath.has(id)) return [...path.slice(path.indexOf(id)), id];
      onPath.add(id);
      path.push(id);
      id = parents.get(id);
    }
    for (const p of path) done.add(p);
  }
  return null;
}
