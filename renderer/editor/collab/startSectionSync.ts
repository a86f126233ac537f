import { sectionDocName } from '../../../shared/sync/names';
import { tableMap } from '../../../shared/sync';
import type { SharedDocs } from '../../../shared/sync';
import { getSectionText, storeSharedSectionState } from '../../db/repos/sections';
import { SYNC_ORIGIN } from '../../sync/dexieMirror';
import { publishSectionSessions } from './registry';
import { SectionSessions } from './sectionSessions';
import type { SectionDocHandle } from './sectionSessions';

/** The section documents of one shared incident, as its sync session holds them. */
export interface SectionSync {
  /** Stores every pending section text into Dexie. */
  flush(): Promise<void>;
  /** Stores what is pending and closes the documents (`forget`: remove their stored copies). */
  close(forget?: boolean): Promise<void>;
}

/**
 * Starts the section documents of a shared incident beside its model and review documents
 * (renderer/sync/session.ts calls this before the model is seeded, so the seeding transaction is
 * seen): each section of the model gets its document (`incident/<id>/section/<sid>`), projected
 * into Dexie's `lexicalState` as a write from sync, and the Document tab binds its editors to them.
 */
export function startSectionSync(options: {
  share: { incidentId: string; name: string; role: 'author' | 'reviewer' };
  /** The incident's model and review documents (the sections are listed in the model). */
  docs: SharedDocs;
  /** Opens a document by name on the share's server (`SyncConnections.open`). */
  open(name: string): SectionDocHandle;
  onProblem(message: string): void;
}): SectionSync {
  const { share, docs } = options;
  const sessions = new SectionSessions({
    incidentId: share.incidentId,
    name: share.name,
    role: share.role,
    sections: tableMap(docs, 'sections'),
    open: (sectionId) => options.open(sectionDocName(share.incidentId, sectionId)),
    storedText: getSectionText,
    store: (sectionId, state) => storeSharedSectionState(sectionId, state, SYNC_ORIGIN),
    onProblem: options.onProblem,
  });
  const unpublish = publishSectionSessions(share.incidentId, sessions);
  return {
    flush: () => sessions.flush(),
    close: async (forget) => {
      unpublish();
      await sessions.close(forget);
    },
  };
}
