import { useEffect, useRef } from 'react';
import { assertNever } from '../../shared/domain';
import { platform, type MenuAction } from '../platform';

export interface MenuHandlers {
  newIncident(): void;
  openBundleText(text: string, name: string): void;
  bundleFailed(name: string, reason: string): void;
  importLogs(): void;
  exportCurrent(): void;
  showShortcuts(): void;
  showAbout(): void;
  /** Shows an invite link the OS opened on the join screen. */
  joinInvite(server: string, token: string): void;
}

/** Routes desktop menu / OS actions to the same handlers the in-app buttons use. */
export function useMenuActions(handlers: MenuHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  }, [handlers]);

  useEffect(
    () =>
      platform.onMenuAction((action: MenuAction) => {
        const h = ref.current;
        switch (action.type) {
          case 'new-incident':
            return h.newIncident();
          case 'bundle-opened':
            return h.openBundleText(action.text, action.name);
          case 'bundle-open-failed':
            return h.bundleFailed(action.name, action.reason);
          case 'import-logs':
            return h.importLogs();
          case 'export':
            return h.exportCurrent();
          case 'shortcuts':
            return h.showShortcuts();
          case 'about':
            return h.showAbout();
          case 'join-invite':
            return h.joinInvite(action.server, action.token);
          default:
            return assertNever(action, 'menu action');
        }
      }),
    [],
  );
}
