import { resolve } from 'node:path';
import type { Io } from '../../io.js';
import { resolveDatabasePath } from '../../runtime/database-path.js';
import type { GlobalOptions } from '../../runtime/globals.js';
import { loadTokenizer } from '../../runtime/tokenizer.js';

export interface McpServeOptions extends GlobalOptions {
  /** Where the client works (default: the directory it started `elf mcp` in). */
  project?: string;
}

/** How often the queries' telemetry is written while the server waits for its client. */
const telemetryEveryMs = 5000;

/**
 * `elf mcp`: ELF's MCP server over stdio, for as long as the client keeps stdin open. stdout
 * carries protocol messages only (the SDK's transport writes them); every trouble goes to stderr,
 * which clients keep as the server's log. Resolves with the exit code.
 */
export async function runMcpStdio(options: McpServeOptions, io: Io): Promise<number> {
  const [{ Elf }, { createElfMcpServer }, { StdioServerTransport }] = await Promise.all([
    import('@elf/core'),
    import('@elf/mcp'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
  ]);
  const log = (line: string) => io.stderr(`elf mcp: ${line}\n`);
  const cwd = options.project ? resolve(io.cwd, options.project) : io.cwd;
  const elf = await Elf.open({
    path: resolveDatabasePath(options, io),
    cwd,
    // A long-lived process: a CLI holding the write lock must not freeze the protocol.
    busyTimeoutMs: 10_000,
    busyWait: 'yield',
    logger: { warn: (message, details) => log(details ? `${message} ${JSON.stringify(details)}` : message) },
    ...(io.clock ? { clock: io.clock } : {}),
  });
  const server = createElfMcpServer({
    elf,
    version: __ELF_VERSION__,
    cwd,
    // A named project stays; otherwise a client that reports its one workspace root moves us there.
    followRoots: !options.project,
    home: io.homedir,
    ...(io.env.CLAUDE_SESSION_ID ? { sessionId: io.env.CLAUDE_SESSION_ID } : {}),
    // What is recorded gets its token count, as `elf record` gives it; loaded on the first record only.
    beforeWrite: async () => {
      elf.core.tokenCounter ??= await loadTokenizer();
    },
    logger: elf.core.logger ?? { warn: log },
  });
  const flush = setInterval(() => void elf.flushTelemetry().catch((e: Error) => log(e.message)), telemetryEveryMs);
  flush.unref();
  const closed = new Promise<void>((done) => {
    server.onclose = done;
  });
  const stop = () => void server.close();
  process.stdin.once('end', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await server.connect(new StdioServerTransport());
  await closed;
  clearInterval(flush);
  await elf.close();
  return 0;
}
