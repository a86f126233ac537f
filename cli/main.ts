import { getCommand, listCommands, UsageError } from './commands/index';
import { terminalSafe } from './terminal';
import type { CommandIo } from './commands/index';
import { appVersion } from './paths';

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
    io.stdout(`${appVersion()}\n`);
    return 0;
  }
  const entry = getCommand(first);
  if (entry === undefined) {
    io.stderr(`rootline: unknown command "${first}" (try rootline --help)\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A usage error may list several problems (a bad format file); other errors show one line.
    const shown = e instanceof UsageError ? message : (message.split('\n')[0] ?? message);
    io.stderr(`rootline ${command.name}: ${shown}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

const io: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  // stderr carries only messages, which quote file names and log text: never raw escapes.
  stderr: (text) => void process.stderr.write(text.split('\n').map(terminalSafe).join('\n')),
};
// A reader that stops early (`rootline patterns --json … | head`) closes the pipe: the command
// then ends quietly, as other tools do. Any other failure to write is one line, not a stack.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`rootline: cannot write the output: ${e.message}\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 1);
});
process.exitCode = await main(process.argv.slice(2), io);
