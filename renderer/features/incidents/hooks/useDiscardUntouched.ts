import { useEffect, useRef } from 'react';
import { discardIfUntouched, isPristine, listIncidents } from '../../../db/repos';
import { incidentJournalKey, journalHas } from '../../journal';
import { loadShares, shareOf } from '../../../sync/shares';

/** Discards an incident left untouched, unless edits for it wait in the journal or it is shared. */
async function discard(id: string): Promise<void> {
  // A shared incident is the team's, however untouched it looks here.
  if (journalHas(incidentJournalKey(id))) return;
  await loadShares();
  if (shareOf(id) !== undefined) return;
  await discardIfUntouched(id);
}

/**
 * An incident created and left without a single edit is not kept: when the open incident
 * changes, the one left is discarded if untouched; at start, untouched ones other than the open
 * one (left behind by a reload or a crash) are too.
 */
export function useDiscardUntouched(openId: string | null): void {
  const previous = useRef<string | null>(openId);
  useEffect(() => {
    const left = previous.current;
    previous.current = openId;
    if (left !== null && left !== openId) void discard(left).catch(() => undefined);
  }, [openId]);

  const swept = useRef(false);
  useEffect(() => {
    if (swept.current) return;
    swept.current = true;
    // Rows already edited are left at once: one read-write transaction per incident at every
    // start (1,000 of them for a big library) held the database and the first screen up.
    void listIncidents()
      .then((all) =>
        Promise.all(all.filter((i) => i.id !== openId && isPristine(i)).map((i) => discard(i.id))),
      )
      .catch(() => undefined);
  }, [openId]);
}
