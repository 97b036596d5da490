import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWithCodeCache } from './code-cache.js';

type Cli = { runCli(argv: readonly string[]): Promise<number> };

/** Where compiled code is cached: $ELF_CACHE_DIR, else $ELF_HOME/cache, else ~/.elf/cache. ELF_CODE_CACHE=0 turns it off. */
function cacheDir(env: NodeJS.ProcessEnv): string | null {
  if (env.ELF_CODE_CACHE === '0') return null;
  if (env.ELF_CACHE_DIR) return env.ELF_CACHE_DIR;
  const home = env.ELF_HOME && isAbsolute(env.ELF_HOME) ? env.ELF_HOME : join(homedir(), '.elf');
  return join(home, 'cache');
}

/** Loads the bundle (through the code cache), runs the command, then refreshes the cache if needed. */
export async function boot(argv: readonly string[]): Promise<number> {
  const bundle = fileURLToPath(new URL('./elf.cjs', import.meta.url));
  const loaded = loadWithCodeCache<Cli>(bundle, cacheDir(process.env));
  if (process.env.ELF_DEBUG_BOOT === '1') process.stderr.write(`elf boot: code cache ${loaded.cache}\n`);
  const code = await loaded.exports.runCli(argv);
  loaded.save();
  return code;
}
