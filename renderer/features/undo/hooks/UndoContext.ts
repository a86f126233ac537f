import { createContext, useContext, useSyncExternalStore } from 'react';
import { UndoManager, type UndoState } from '../UndoManager';

/** The app-wide undo manager; the provider lives in renderer/app. */
export const UndoContext = createContext<UndoManager>(new UndoManager());

export function useUndoManager(): UndoManager {
  return useContext(UndoContext);
}

export function useUndoState(): UndoState {
  const manager = useUndoManager();
  return useSyncExternalStore(
    (fn) => manager.subscribe(fn),
    () => manager.getState(),
  );
}
