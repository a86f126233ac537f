import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a command gets to talk to the world; tests can pass their own. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `rootline <name> …` command, as its module exports it. `run` resolves to the exit code. */
export interface Command {
  name: string;
  /** Full usage text for `rootline <name> --help`. */
  usage: string;
  run(args: string[], io: CommandIo): Promise<number>;
}

/**
 * A command as the registry knows it before it is needed: its name, its line in
 * `rootline --help`, and how to load its module — so `--help` never loads the import
 * pipeline, Lexical or the exporters.
 */
export interface CommandEntry {
  name: string;
  /** One line for `rootline --help`. */
  summary: string;
  load(): Promise<Command>;
}

/** A bad invocation: exit code 2 with a one-line message on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const registry = new Map<string, CommandEntry>();

/** Adds a command; modules call this from cli/commands/index.ts. */
export function registerCommand(command: CommandEntry): void {
  if (registry.has(command.name)) throw new Error(`command "${command.name}" registered twice`);
  registry.set(command.name, command);
}

export function getCommand(name: string): CommandEntry | undefined {
  return registry.get(name);
}

export function listCommands(): CommandEntry[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs, strict, with positionals; its complaints become usage errors (exit 2). */
export function parseCommandArgs<const O extends Options>(
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
