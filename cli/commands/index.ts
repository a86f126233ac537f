import { registerCommand } from './registry';
import { timelineCommand } from './timeline';

// One line per command module. Other modules (new, export, templates) add theirs here.
registerCommand(timelineCommand);

export { getCommand, listCommands, UsageError } from './registry';
export type { Command, CommandIo } from './registry';
