import { useEffect, useRef } from 'react';
import { isTextEditingTarget } from '../ui/keyboard';

export interface GlobalShortcutHandlers {
  newIncident(): void;
  openBundle(): void;
  showShortcuts(): void;
  focusSearch(): boolean;
}

/**
 * App-wide single-key and Alt shortcuts; single keys are ignored while typing or in a dialog.
 * A single key never creates data (a keystroke meant for a field that lost focus would): new
 * incident is Alt+N only.
 */
export function useGlobalShortcuts(handlers: GlobalShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  }, [handlers]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
      const h = ref.current;
      if (e.altKey && !e.shiftKey) {
        // e.code: Alt+letter types special characters on some layouts (macOS).
        if (e.code === 'KeyN') h.newIncident();
        else if (e.code === 'KeyO') h.openBundle();
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey) return;
      const target = e.target;
      if (isTextEditingTarget(target) || target instanceof HTMLSelectElement) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      if (e.key === '?') h.showShortcuts();
      else if (e.key === '/') {
        if (!h.focusSearch()) return;
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
