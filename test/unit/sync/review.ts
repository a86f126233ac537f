import * as Y from 'yjs';
import { createIncident, type Comment } from '../../../shared/domain';
import { checkReviewChange, seedDocs, type SyncRole, type SharedDocs } from '../../../shared/sync';
import { node } from '../causes/helpers';
import { author, newDocs } from './docs';

/** A comment by Ana on cause `a`, with defaults. */
export function comment(id: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    incidentId: 'inc',
    targetType: 'cause',
    targetId: 'a',
    parentId: null,
    author: 'Ana',
    body: `body ${id}`,
    createdAt: 10,
    editedAt: null,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    ...extra,
  };
}

/**
 * An incident with a cause `a`, Ana's thread `ana` (with Rita's reply), Rita's thread `rita`
 * (with Ana's reply) and Rita's approval `s1`.
 */
export function reviewWorld(): SharedDocs {
  const docs = newDocs(1);
  seedDocs(
    docs,
    {
      incident: createIncident({ id: 'inc', now: 1 }),
      tables: {
        causes: [node('top', null, 0), node('a', 'top', 1)],
        comments: [
          comment('ana'),
          comment('rita', { author: 'Rita' }),
          comment('reply', { parentId: 'rita', author: 'Ana' }),
          comment('rita-reply', { parentId: 'ana', author: 'Rita' }),
        ],
        signoffs: [
          {
            id: 's1',
            incidentId: 'inc',
            decision: 'approved',
            by: 'Rita',
            comment: '',
            at: 100,
            pending: [],
          },
        ],
      },
    },
    author(),
  );
  return docs;
}

/** What the server does: applies a change (written unchecked, as an author would) to a copy and checks it. */
export function serverVerdict(
  docs: SharedDocs,
  write: (review: Y.Doc) => void,
  name = 'Rita',
  role: SyncRole = 'reviewer',
) {
  const before = new Y.Doc();
  Y.applyUpdate(before, Y.encodeStateAsUpdate(docs.review));
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(docs.review));
  const vector = Y.encodeStateVector(scratch);
  write(scratch);
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
  Y.applyUpdate(after, Y.encodeStateAsUpdate(scratch, vector));
  return checkReviewChange(before, after, name, role);
}
