import type { IncidentSnapshot } from '../domain';
import type { MergeConflict } from './merge';
import { nullProto } from '../domain/lookup';

/** The key a resolved conflict is remembered by (see MergeInput.settled). */
export function settledKey(conflict: MergeConflict): string {
  return `${conflict.key}:${conflict.theirsHash}`;
}

export type ConflictChoice = 'ours' | 'theirs';

/** One row to write after resolving a conflict. */
export type ResolvedRow =
  | { collection: 'incident'; row: IncidentSnapshot['incident'] }
  | { collection: 'causes'; row: IncidentSnapshot['causes'][number] }
  | { collection: 'comments'; row: IncidentSnapshot['comments'][number] }
  | { collection: 'actions'; row: IncidentSnapshot['actions'][number] }
  | { collection: 'sections'; row: IncidentSnapshot['sections'][number] }
  | { collection: 'events'; row: IncidentSnapshot['events'][number] };

function current(snapshot: IncidentSnapshot, c: MergeConflict): Record<string, unknown> | undefined {
  if (c.collection === 'incident') return snapshot.incident.id === c.id ? snapshot.incident : undefined;
  const rows: readonly { id: string }[] = snapshot[c.collection];
  return rows.find((r) => r.id === c.id);
}

/**
 * The row to write for a conflict resolved one way: "ours" changes nothing (null); "theirs"
 * takes the reviewer's values of the group (or restores the row deleted here). Returns null
 * too when the row no longer exists (deleted since the merge).
 */
export function resolveConflict(
  snapshot: IncidentSnapshot,
  conflict: MergeConflict,
  choice: ConflictChoice,
  now: number,
): ResolvedRow | null {
  if (choice === 'ours') return null;
  if (conflict.kind === 'deleted-here') {
    return { collection: conflict.collection, row: { ...conflict.theirsRow, updatedAt: now } } as ResolvedRow;
  }
  const row = current(snapshot, conflict);
  if (row === undefined) return null;
  const next: Record<string, unknown> = nullProto({ ...row, ...conflict.theirs });
  if ('updatedAt' in next) next.updatedAt = now;
  return { collection: conflict.collection, row: next } as ResolvedRow;
}

/** Conflicts whose row still shows our side (still open), dropping ones resolved elsewhere. */
export function openConflicts(
  snapshot: IncidentSnapshot,
  conflicts: readonly MergeConflict[],
): MergeConflict[] {
  return conflicts.filter((c) => {
    if (c.kind === 'deleted-here') return current(snapshot, c) === undefined;
    const row = current(snapshot, c);
    if (row === undefined || c.ours === null) return false;
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    const fields = Object.keys(c.theirs);
    const isTheirs = fields.every((f) => same(row[f], c.theirs[f]));
    return !isTheirs;
  });
}
