import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { AlertDialog } from './Dialog';

type ShowAlert = (title: string, message: string) => void;

const AlertContext = createContext<ShowAlert>(() => undefined);

/** Shows a message that needs acknowledging (errors the user must read). */
export function useAlert(): ShowAlert {
  return useContext(AlertContext);
}

export function AlertProvider({ children }: { children: ReactNode }) {
  const [alert, setAlert] = useState<{ title: string; message: string } | null>(null);
  const show = useCallback<ShowAlert>((title, message) => setAlert({ title, message }), []);
  return (
    <AlertContext.Provider value={show}>
      {children}
      {alert && <AlertDialog title={alert.title} message={alert.message} onClose={() => setAlert(null)} />}
    </AlertContext.Provider>
  );
}
