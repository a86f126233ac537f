import { registerCommand } from './registry';

// One entry per command. Modules load only when their command runs (`--help` loads none).
registerCommand({
  name: 'timeline',
  summary: 'build an incident timeline (events, phases, findings) from log files',
  load: async () => (await import('./timeline')).timelineCommand,
});
registerCommand({
  name: 'patterns',
  summary: 'mine the message patterns of log files (one row per pattern, most frequent first)',
  load: async () => (await import('./patterns')).patternsCommand,
});
registerCommand({
  name: 'new',
  summary: 'create an incident bundle from a template (and optionally log files)',
  load: async () => (await import('./new')).newCommand,
});
registerCommand({
  name: 'export',
  summary: 'write the RCA document of a bundle as Markdown, HTML or PDF',
  load: async () => (await import('./export')).exportCommand,
});
registerCommand({
  name: 'report',
  summary: 'trends across incident bundles: response times, recurring signals, action-item health',
  load: async () => (await import('./report')).reportCommand,
});
registerCommand({
  name: 'templates',
  summary: 'list the RCA template ids, or check a template file',
  load: async () => (await import('./templates')).templatesCommand,
});
registerCommand({
  name: 'serve',
  summary: 'run the team sync server (SQLite or PostgreSQL), or mint invites for it',
  load: async () => (await import('./serve')).serveCommand,
});

export { getCommand, listCommands, UsageError } from './registry';
export type { Command, CommandEntry, CommandIo } from './registry';
