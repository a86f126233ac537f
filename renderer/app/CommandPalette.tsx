import { Command } from 'cmdk';
import { platform } from '../platform';
import { Dialog } from '../ui/Dialog';
import { modKeyLabel } from '../ui/keyboard';
import {
  APP_COMMANDS,
  commandKeys,
  type AppCommand,
  type CommandActions,
  type CommandContext,
} from './commands';
import './commands.css';

interface CommandPaletteProps {
  actions: CommandActions;
  ctx: CommandContext;
  onClose: () => void;
}

/** Ctrl/Cmd+K: every command of the app that applies here, found by typing part of its name. */
export function CommandPalette({ actions, ctx, onClose }: CommandPaletteProps) {
  const mod = modKeyLabel();
  const desktop = platform.kind === 'desktop';
  const shown = APP_COMMANDS.filter((c) => c.id !== 'palette' && (!c.when || c.when(ctx)));
  const groups = [...new Set(shown.map((c) => c.group))];
  const run = (c: AppCommand) => {
    onClose();
    // After the palette closed and focus went back: a command may open a dialog or move focus.
    requestAnimationFrame(() => void c.run(actions, ctx));
  };
  return (
    <Dialog title="Command palette" onClose={onClose} className="palette">
      <Command label="Commands" loop>
        <Command.Input data-autofocus placeholder="Type a command…" aria-label="Command" />
        <Command.List>
          <Command.Empty>No command matches.</Command.Empty>
          {groups.map((group) => (
            <Command.Group key={group} heading={group}>
              {shown
                .filter((c) => c.group === group)
                .map((c) => {
                  const keys = commandKeys(c, mod, desktop);
                  return (
                    <Command.Item key={c.id} value={`${c.group} ${c.title}`} onSelect={() => run(c)}>
                      <span>{c.title}</span>
                      {keys && <kbd>{keys}</kbd>}
                    </Command.Item>
                  );
                })}
            </Command.Group>
          ))}
        </Command.List>
      </Command>
    </Dialog>
  );
}
