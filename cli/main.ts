import { readFileSync } from 'node:fs';
import { getCommand, listCommands, UsageError } from './commands/index';
import type { CommandIo } from './commands/index';

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}

function help(): string {
  const width = Math.max(...listCommands().map((c) => c.name.length));
  const lines = listCommands().map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: rootline <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `rootline <command> --help` for the options of one command.',
    '`export --format md` and `--format html` print to stdout unless --out is given.',
    '',
    'Options:',
    '  --help, -h     show this help',
    '  --version, -v  print the version',
    '',
  ].join('\n');
}

/** Runs the CLI with the given arguments and resolves to the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(help());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = getCommand(first);
  if (command === undefined) {
    io.stderr(`rootline: unknown command "${first}" (try rootline --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`rootline ${command.name}: ${message.split('\n')[0] ?? message}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

const io: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};
process.exitCode = await main(process.argv.slice(2), io);
