import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** ELF's cache folder: $ELF_CACHE_DIR, else $ELF_HOME/cache, else ~/.elf/cache. */
export function elfCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.ELF_CACHE_DIR) return env.ELF_CACHE_DIR;
  const home = env.ELF_HOME && isAbsolute(env.ELF_HOME) ? env.ELF_HOME : join(homedir(), '.elf');
  return join(home, 'cache');
}
