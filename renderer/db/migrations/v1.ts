import type Dexie from 'dexie';

/** Schema v1: the first release. Indexes serve the UI's queries (see repos/). */
export function v1(db: Dexie): void {
  db.version(1).stores({
    incidents: 'id, updatedAt, createdAt',
    // Timeline windows are read by [incidentId+at]; imports are removed by importId.
    events: 'id, [incidentId+at], incidentId, importId',
    imports: 'id, incidentId',
    // Raw records, ~1,000 per row, read in time order for evidence and density.
    logBlocks: 'id, [importId+seq], [incidentId+firstAt], incidentId',
    causes: 'id, incidentId, parentId',
    comments: 'id, incidentId, [targetType+targetId], parentId',
    actions: 'id, incidentId, status, owner, dueDate',
    sections: 'id, [incidentId+order], incidentId',
    prefs: 'key',
  });
}
