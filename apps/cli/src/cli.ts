import { Command, CommanderError } from 'commander';
import { registerBenchCommand } from './commands/bench.js';
import { registerContextCommand } from './commands/context.js';
import { registerDbCommand } from './commands/db/db-command.js';
import { registerDecisionCommand } from './commands/decision/decision-command.js';
import { registerGoldenCommand } from './commands/golden/golden-command.js';
import { registerHeuristicCommand } from './commands/heuristic/heuristic-command.js';
import { registerHookCommand } from './commands/hook/hook-command.js';
import { registerInitCommand } from './commands/init.js';
import { registerHooksCommand } from './commands/integration/hooks-command.js';
import { registerKnowledgeCommands } from './commands/knowledge/register-knowledge-commands.js';
import { registerConfigCommand } from './commands/lifecycle/config-command.js';
import { registerMaintainCommand } from './commands/lifecycle/maintain-command.js';
import { registerMcpCommand } from './commands/mcp/mcp-command.js';
import { registerQueryCommand } from './commands/query/query-command.js';
import { registerRecordCommand } from './commands/record/record-command.js';
import { registerCheckInCommand } from './commands/session/check-in.js';
import { registerCheckOutCommand } from './commands/session/check-out.js';
import { registerExportCommand } from './commands/transfer/export.js';
import { registerImportCommand } from './commands/transfer/import.js';
import { registerValidateCommand } from './commands/validate.js';
import type { Io } from './io.js';
import { processIo } from './process-io.js';
import { errorJson, exitCodeFor, formatError } from './runtime/errors.js';
import type { CliContext } from './runtime/handler.js';

/** Builds the command tree. Global options are accepted before or after any command. */
export function createProgram(cli: CliContext): Command {
  const program = new Command('elf')
    .description('ELF — persistent learning memory for AI coding agents')
    .version(__ELF_VERSION__, '-V, --version', 'print the version')
    .option('--db <file>', 'database file (default: $ELF_HOME/elf.db; ELF_HOME defaults to ~/.elf)')
    .option('--json', 'machine-readable output: one JSON document on stdout')
    .option('--debug', 'show stack traces on errors')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => cli.io.stdout(text),
      writeErr: (text) => cli.io.stderr(text),
      outputError: (text, write) => write(`elf: ${text.replace(/^error: /, '').trim()}\n`),
    });
  registerInitCommand(program, cli);
  registerRecordCommand(program, cli);
  registerQueryCommand(program, cli);
  registerContextCommand(program, cli);
  registerCheckInCommand(program, cli);
  registerCheckOutCommand(program, cli);
  registerValidateCommand(program, cli);
  registerDbCommand(program, cli);
  registerExportCommand(program, cli);
  registerImportCommand(program, cli);
  registerHeuristicCommand(program, cli);
  registerDecisionCommand(program, cli);
  registerKnowledgeCommands(program, cli);
  registerMaintainCommand(program, cli);
  registerConfigCommand(program, cli);
  registerGoldenCommand(program, cli);
  registerBenchCommand(program, cli);
  registerHookCommand(program, cli);
  registerHooksCommand(program, cli);
  registerMcpCommand(program, cli);
  // Every (sub)command reports parse errors as CommanderErrors instead of exiting the process.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    for (const sub of command.commands) exitOverride(sub);
  };
  exitOverride(program);
  return program;
}

/** Runs one invocation and returns its exit code: 0 ok, 1 bad input, 2 database error, 3 busy. */
export async function runCli(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const cli: CliContext = { io, current: undefined };
  // `elf export | head`: when the reader goes away, stop quietly, as Unix tools do.
  if (io === processIo()) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  const program = createProgram(cli);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return cli.exitCode ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    const globals = cli.current?.optsWithGlobals() ?? program.opts();
    if (globals.json) io.stdout(`${JSON.stringify({ error: errorJson(error) }, null, 2)}\n`);
    io.stderr(formatError(error, cli.current, Boolean(globals.debug ?? argv.includes('--debug'))));
    return exitCodeFor(error);
  }
}
