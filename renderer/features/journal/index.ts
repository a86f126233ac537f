export {
  hasUnsavedEdits,
  incidentJournalKey,
  journalCommitted,
  journalDrop,
  journalHas,
  journalNewer,
  journalPut,
  onUnsavedChange,
  sectionJournalKey,
  type JournalEntry,
  type JournalValue,
} from './journal';
export { useUnsavedWarning } from './useUnsavedWarning';
export { replayableOverview } from './replay';
