import { registerCommand } from './registry';
import { timelineCommand } from './timeline';
import { newCommand } from './new';
import { exportCommand } from './export';
import { templatesCommand } from './templates';

// One line per command module. Other modules (new, export, templates) add theirs here.
registerCommand(timelineCommand);
registerCommand(newCommand);
registerCommand(exportCommand);
registerCommand(templatesCommand);

export { getCommand, listCommands, UsageError } from './registry';
export type { Command, CommandIo } from './registry';
