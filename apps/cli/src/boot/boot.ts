import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { elfCacheDir } from './cache-dir.js';
import { loadWithCodeCache } from './code-cache.js';

type Cli = { runCli(argv: readonly string[]): Promise<number> };

/** Where compiled code is cached (see elfCacheDir); ELF_CODE_CACHE=0 turns it off. */
function cacheDir(env: NodeJS.ProcessEnv): string | null {
  return env.ELF_CODE_CACHE === '0' ? null : elfCacheDir(env);
}

/**
 * Commands that run long enough (benchmarks, whole-table scans, the MCP server for a client's
 * whole session) for V8's optimising compilers to pay off. `elf mcp` even starts faster with
 * them: the MCP SDK builds hundreds of schemas at load (measured: initialize after 99 ms
 * instead of 118–138 ms, tooling/scripts/src/bench-mcp.mjs).
 */
const longCommands = new Set(['bench', 'export', 'import', 'db', 'mcp']);

/** The command word: the first argument that is neither an option nor the value of `--db`. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Short commands (what agents and hooks run: context, query, record, …) finish in well under a
 * second, before any function gets hot: V8's baseline and optimising compilers would only cost
 * memory (about 8 MB of peak RSS) and compile time. Both flags only stop tiering up; the code
 * cache is kept per flag set.
 */
function tuneV8(command: string | undefined): string {
  if (command !== undefined && longCommands.has(command)) return 'jit';
  try {
    v8.setFlagsFromString('--no-opt');
    v8.setFlagsFromString('--no-sparkplug');
    return 'lean';
  } catch {
    return 'jit';
  }
}

/**
 * Agent hooks run on every event: they get the smaller bundle without the command framework; so
 * does `elf mcp` itself (a client starts it per session), which alone loads the MCP SDK. Its
 * subcommands (install, uninstall) are ordinary commands.
 */
function bundleFor(command: string | undefined, argv: readonly string[]): 'hook' | 'mcp' | 'elf' {
  if (command === 'hook') return 'hook';
  if (command === 'mcp') {
    const sub = commandOf(argv.slice(argv.indexOf('mcp') + 1).filter((_arg, i, rest) => rest[i - 1] !== '--project'));
    return sub === 'install' || sub === 'uninstall' ? 'elf' : 'mcp';
  }
  return 'elf';
}

/** Loads the bundle (through the code cache), runs the command, then refreshes the cache if needed. */
export async function boot(argv: readonly string[]): Promise<number> {
  const command = commandOf(argv);
  const variant = process.env.ELF_V8_LEAN === '0' ? 'jit' : tuneV8(command);
  const help = argv.includes('--help') || argv.includes('-h');
  const bundle = fileURLToPath(new URL(`./${help ? 'elf' : bundleFor(command, argv)}.cjs`, import.meta.url));
  const loaded = loadWithCodeCache<Cli>(bundle, cacheDir(process.env), variant);
  if (process.env.ELF_DEBUG_BOOT === '1') process.stderr.write(`elf boot: code cache ${loaded.cache} (${variant})\n`);
  const code = await loaded.exports.runCli(argv);
  loaded.save();
  return code;
}
