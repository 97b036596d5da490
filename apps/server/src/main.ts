// The server bundle's entry (dist/server.cjs): argv → serve, help, version or service.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { serverLogger } from './server-log.js';
import { parseServerArgs, usage } from './server-options.js';
import { runServiceCommand } from './service/service-command.js';
import { startServer } from './start-server.js';

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

/** Runs `elf-server`; resolves with the exit code once it has stopped. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseServerArgs>;
  try {
    parsed = parseServerArgs(argv, process.env);
  } catch (error) {
    err(`elf-server: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (parsed.kind === 'help') {
    out(`${usage}\n`);
    return 0;
  }
  if (parsed.kind === 'version') {
    out(`${__ELF_VERSION__}\n`);
    return 0;
  }
  if (parsed.kind === 'service') return runServiceCommand(parsed.args, serviceIo());
  const { options } = parsed;
  const log = serverLogger(options.home, err);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(options, log);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason =
      e.code === 'EADDRINUSE'
        ? `--port: ${options.port} is in use (is elf-server already running? \`elf-server --port N\` picks another)`
        : e.code === 'EACCES'
          ? `--port: not allowed to listen on ${options.port}`
          : e instanceof Error
            ? e.message
            : String(e);
    err(`elf-server: ${reason}\n`);
    return 1;
  }
  const link = running.context.token ? `${running.url}?token=${running.context.token}` : running.url;
  if (!options.quiet) out(`elf-server listening on ${running.url} (database ${options.db}); dashboard: ${link}\n`);
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      if (!options.quiet) out(`elf-server: ${signal}, stopping\n`);
      running.close().then(
        () => resolve(0),
        (error) => {
          log(`stopping: ${error instanceof Error ? error.message : String(error)}`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function serviceIo() {
  return {
    env: process.env,
    platform: process.platform,
    execPath: process.execPath,
    // The launcher beside this bundle: what a service manager runs.
    homedir: homedir(),
    serverBin: join(__dirname, 'bin.js'),
    stdout: out,
    stderr: err,
  };
}
