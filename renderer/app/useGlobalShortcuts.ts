import { useEffect, useRef } from 'react';
import { isTextEditingTarget } from '../ui/keyboard';
import { commandForKey, type CommandActions, type CommandContext } from './commands';

/**
 * Runs the app-wide keys of the command table (APP_COMMANDS). Single keys are ignored while
 * typing or while a dialog is open; a key a component already handled is left alone.
 */
export function useGlobalShortcuts(actions: CommandActions, ctx: CommandContext): void {
  const ref = useRef({ actions, ctx });
  useEffect(() => {
    ref.current = { actions, ctx };
  }, [actions, ctx]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target;
      const busy =
        isTextEditingTarget(target) ||
        target instanceof HTMLSelectElement ||
        document.querySelector('[aria-modal="true"]') !== null;
      const { actions: a, ctx: c } = ref.current;
      const command = commandForKey(e, busy, c);
      if (!command || command.run(a, c) === false) return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
