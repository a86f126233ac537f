import { useEffect } from 'react';
import { isTextEditingTarget } from '../../../ui/keyboard';
import type { UndoManager } from '../UndoManager';

/**
 * Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y run app-level undo/redo, except while focus is in a
 * text field: there the browser's own undo of the typing is what the user expects.
 */
export function useUndoShortcuts(manager: UndoManager, onError: (message: string) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (isTextEditingTarget(e.target)) return;
      const key = e.key.toLowerCase();
      let run: (() => Promise<boolean>) | null = null;
      if (key === 'z' && !e.shiftKey) run = () => manager.undo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) run = () => manager.redo();
      if (!run) return;
      e.preventDefault();
      run().catch((err: unknown) => onError(err instanceof Error ? err.message : String(err)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [manager, onError]);
}
