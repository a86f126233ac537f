import * as Y from 'yjs';
import type { Verdict } from '../../shared/sync/permissions';
import type { SyncRole } from '../../shared/sync/tokens';

/** Who is writing: the name and role from their verified token. */
export interface Writer {
  name: string;
  role: SyncRole;
}

/**
 * Decides whether a writer may turn the review document `before` into `after`
 * (docs/sync-design.md, "Access"). The server runs it on a copy before storing anything.
 */
export type ReviewCheck = (before: Y.Doc, after: Y.Doc, writer: Writer) => Verdict;

/**
 * Applies an update to a copy of the document and asks the check about the result. An update
 * that depends on changes the document lacks is refused: Yjs would hold it back and apply it
 * later, unchecked, when the missing piece arrived.
 */
export function checkUpdate(
  document: Y.Doc,
  update: Uint8Array,
  writer: Writer,
  check: ReviewCheck,
): Verdict {
  const state = Y.encodeStateAsUpdate(document);
  const before = new Y.Doc({ gc: false });
  const after = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(before, state);
    Y.applyUpdate(after, state);
    try {
      Y.applyUpdate(after, update);
    } catch (e) {
      return {
        ok: false,
        reason: `the update cannot be read (${e instanceof Error ? e.message : String(e)})`,
      };
    }
    if (after.store.pendingStructs !== null || after.store.pendingDs !== null) {
      return { ok: false, reason: 'the update depends on changes this server does not have' };
    }
    return check(before, after, writer);
  } finally {
    before.destroy();
    after.destroy();
  }
}
