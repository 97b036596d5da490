// The pnpm the repository's scripts run: the pinned version when it is on PATH, otherwise the same
// version through npx (a machine with only Node and npm, as the README's quick start promises).
import { spawnSync } from 'node:child_process';

export const pnpmVersion = '9.15.9';

/**
 * The command and leading arguments that run pnpm `pnpmVersion`.
 * @param {NodeJS.ProcessEnv} env
 * @returns {[string, string[]]}
 */
export function pnpmCommand(env = process.env) {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}
