import { INCIDENT_COLLECTIONS, type IncidentSnapshot } from '../domain';

/**
 * Gives every row of a snapshot a fresh id and rewrites every reference to match
 * (parent links, evidence, comment targets, action causes, import links). Used to open a
 * bundle as a copy beside the original and to duplicate an incident.
 */
export function remapSnapshotIds(
  snapshot: IncidentSnapshot,
  makeId: () => string,
  now: number,
): IncidentSnapshot {
  const map = new Map<string, string>();
  const fresh = (old: string): string => {
    let id = map.get(old);
    if (id === undefined) {
      id = makeId();
      map.set(old, id);
    }
    return id;
  };
  // Ids that point at rows outside this snapshot are kept as they are.
  const ref = (old: string): string => map.get(old) ?? old;

  const incidentId = fresh(snapshot.incident.id);
  for (const c of INCIDENT_COLLECTIONS) {
    for (const row of snapshot[c]) fresh(row.id);
  }

  return {
    incident: { ...snapshot.incident, id: incidentId, createdAt: now, updatedAt: now },
    events: snapshot.events.map((e) => ({
      ...e,
      id: ref(e.id),
      incidentId,
      importId: e.importId === null ? null : ref(e.importId),
    })),
    imports: snapshot.imports.map((i) => ({
      ...i,
      id: ref(i.id),
      incidentId,
      findings: i.findings.map((f) => ({ ...f, eventIds: f.eventIds.map(ref) })),
    })),
    logBlocks: snapshot.logBlocks.map((b) => ({
      ...b,
      id: ref(b.id),
      incidentId,
      importId: ref(b.importId),
    })),
    causes: snapshot.causes.map((c) => ({
      ...c,
      id: ref(c.id),
      incidentId,
      parentId: c.parentId === null ? null : ref(c.parentId),
      evidenceEventIds: c.evidenceEventIds.map(ref),
    })),
    comments: snapshot.comments.map((c) => ({
      ...c,
      id: ref(c.id),
      incidentId,
      targetId: c.targetType === 'incident' ? incidentId : ref(c.targetId),
      parentId: c.parentId === null ? null : ref(c.parentId),
    })),
    actions: snapshot.actions.map((a) => ({
      ...a,
      id: ref(a.id),
      incidentId,
      causeIds: a.causeIds.map(ref),
    })),
    sections: snapshot.sections.map((s) => ({ ...s, id: ref(s.id), incidentId })),
    signoffs: snapshot.signoffs.map((s) => ({ ...s, id: ref(s.id), incidentId })),
  };
}

/** Longest incident title the schema accepts (see shared/domain/incident.ts). */
const MAX_TITLE = 500;
const COPY_SUFFIX = ' (copy)';

/** The title of a copy: `Title (copy)`, shortened so it still fits the title limit. */
export function copyTitle(title: string): string {
  return title.slice(0, MAX_TITLE - COPY_SUFFIX.length) + COPY_SUFFIX;
}
