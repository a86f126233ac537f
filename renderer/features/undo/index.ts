export { UndoManager, type UndoCommand, type UndoState } from './UndoManager';
export { UndoContext, useUndoManager, useUndoState } from './hooks/UndoContext';
export { useUndoShortcuts } from './hooks/useUndoShortcuts';
export { UndoButtons } from './components/UndoButtons';
