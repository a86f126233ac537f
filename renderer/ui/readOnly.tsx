import { createContext, useContext, type ReactNode } from 'react';

/**
 * Why the views below may not change what they show (a reviewer's copy of a shared incident),
 * or null when they may. Components disable their editing controls with `ReadOnlyScope`.
 */
export const ReadOnlyContext = createContext<string | null>(null);

/** The reason the current view is read-only, or null. */
export function useReadOnly(): string | null {
  return useContext(ReadOnlyContext);
}

/**
 * Disables every form control inside it while the view is read-only (a `<fieldset disabled>`
 * that takes no room of its own); controls that stay usable (comments, review states) live
 * outside one.
 */
export function ReadOnlyScope({ children }: { children: ReactNode }) {
  const reason = useReadOnly();
  return (
    <fieldset className="readonly-scope" disabled={reason !== null} title={reason ?? undefined}>
      {children}
    </fieldset>
  );
}
