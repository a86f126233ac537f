import { useEffect } from 'react';
import { hasUnsavedEdits } from './journal';

/**
 * Asks before the page is reloaded or closed while an edit is not yet committed ("Saving…" or
 * waiting for its autosave). The journal keeps the text either way; the warning tells the user.
 */
export function useUnsavedWarning(): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (!hasUnsavedEdits()) return;
      e.preventDefault();
      // Older engines show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
