import './backup.css';
import { useEffect, useState, type ReactNode } from 'react';
import { getDb } from '../../db/db';
import { openDatabaseSafely, type DbOpenResult } from '../../db/guard';
import { platform } from '../../platform';

/**
 * Opens the database before the app renders. A database from a newer Rootline gets a blocking
 * screen naming both versions (nothing is touched); an older one is backed up, then upgraded.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DbOpenResult | null>(null);
  useEffect(() => {
    let live = true;
    void openDatabaseSafely(getDb(), {
      indexedDB: window.indexedDB,
      IDBKeyRange: window.IDBKeyRange,
      saveBackup: (text, fileName) => platform.saveFile(fileName, text, 'application/json'),
    }).then((result) => live && setState(result));
    return () => {
      live = false;
    };
  }, []);
  if (state === null) return null;
  if (state.kind === 'ready') return <>{children}</>;
  return (
    <main
      className="db-blocked"
      role="alertdialog"
      aria-labelledby="db-blocked-title"
      aria-describedby="db-blocked-text"
    >
      <h1 id="db-blocked-title">
        {state.kind === 'newer' ? 'This data needs a newer Rootline' : 'Rootline could not open its data'}
      </h1>
      <p id="db-blocked-text">{state.message}</p>
    </main>
  );
}
