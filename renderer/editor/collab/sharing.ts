import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CollabUser } from './registerSectionCollab';

/** A section whose text is shared: its document, who is typing, and whether they may. */
export interface SharedSection {
  doc: Y.Doc;
  /** The connection's awareness of this document (others' cursors); null when there is none. */
  awareness: Awareness | null;
  user: CollabUser;
  /** Reviewers read the text live but do not edit it (the server refuses their writes too). */
  readOnly: boolean;
}

/** The shared documents of an incident's sections (renderer/sync opens them); null: not shared. */
export interface SectionSharing {
  section(sectionId: string): SharedSection | null;
}

/** What the Document tab's section editors are bound to; null when the incident is not shared. */
export const SectionSharingContext = createContext<SectionSharing | null>(null);

/**
 * The shared document of a section (null when its incident is not shared), and whether the
 * incident is shared but this section's document is not open yet (its text waits, read-only).
 */
export function useSharedSection(sectionId: string): { shared: SharedSection | null; opening: boolean } {
  const sharing = useContext(SectionSharingContext);
  const shared = sharing?.section(sectionId) ?? null;
  return { shared, opening: sharing !== null && shared === null };
}

/**
 * Cursor colours: Okabe–Ito hues, darkened where needed so the white name label Lexical draws on
 * them keeps at least 4.5:1 contrast (checked by a test with shared/chart/contrast).
 */
export const CURSOR_COLORS = ['#0072B2', '#B34A00', '#007A5A', '#A8457F', '#8A5A00', '#6A4C93'] as const;

/** The colour of a person's cursor: the same for a name on every machine. */
export function cursorColor(name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return CURSOR_COLORS[h % CURSOR_COLORS.length] ?? CURSOR_COLORS[0];
}
