import type { CauseNode } from '../../../shared/domain';
import { applyEdit, createRootCause } from '../../../shared/causes';
import type { TreeEdit } from '../../../shared/causes';

/** A cause node with defaults, for hand-built trees. */
export function node(
  id: string,
  parentId: string | null,
  order: number,
  extra: Partial<CauseNode> = {},
): CauseNode {
  return {
    id,
    incidentId: 'inc',
    parentId,
    order,
    kind: parentId === null ? 'incident' : 'cause',
    gate: 'OR',
    title: id,
    detail: '',
    category: null,
    evidenceEventIds: [],
    reviewState: 'open',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

export function rootOnly(): CauseNode[] {
  return [createRootCause('inc', 'Loss', 'root', 0)];
}

/** Applies an edit that must exist. */
export function apply(nodes: CauseNode[], edit: TreeEdit | null): CauseNode[] {
  if (edit === null) throw new Error('edit was refused');
  return applyEdit(nodes, edit);
}
