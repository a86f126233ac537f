import { createContext, useContext } from 'react';
import type { ExportContext } from '../../../../shared/export';

/** The current incident data live blocks render from (the same context the exporters use). */
export const DocumentDataContext = createContext<ExportContext | null>(null);

export function useDocumentData(): ExportContext | null {
  return useContext(DocumentDataContext);
}

/** True while the incident's events are still being read: blocks that list events wait. */
export const EventsPendingContext = createContext(false);

export function useEventsPending(): boolean {
  return useContext(EventsPendingContext);
}
