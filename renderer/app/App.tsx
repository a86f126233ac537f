import { useMemo } from 'react';
import { DatabaseGate } from '../features/backup/DatabaseGate';
import { UndoContext, UndoManager } from '../features/undo';
import { AlertProvider } from '../ui/Alerts';
import { ToastProvider } from '../ui/Toast';
import { AppShell } from './AppShell';

export function App() {
  const undo = useMemo(() => new UndoManager({ limit: 200 }), []);
  return (
    <UndoContext.Provider value={undo}>
      <AlertProvider>
        <ToastProvider>
          <DatabaseGate>
            <AppShell />
          </DatabaseGate>
        </ToastProvider>
      </AlertProvider>
    </UndoContext.Provider>
  );
}
