import { join } from 'node:path';
import type { ServiceSpec } from './service-spec.js';

// The systemd user unit: text in, text out, no OS. Restart=on-failure brings a crashed server
// back (not one stopped on purpose); WantedBy=default.target starts it with the user's manager.

export const unitName = 'elf-server.service';

/** The first line of every unit install writes; uninstall removes only a file that has it. */
export const unitMarker = '# Written by `elf-server service install`; `elf-server service uninstall` removes it.';

/** $XDG_CONFIG_HOME/systemd/user (systemd reads user units there), else ~/.config/systemd/user. */
export function unitPath(env: Record<string, string | undefined>, homedir: string): string {
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir, '.config');
  return join(config, 'systemd', 'user', unitName);
}

/**
 * One argument of ExecStart or one Environment assignment, double-quoted: systemd unescapes `\\`
 * and `\"` inside quotes, and would expand `%` (specifiers) and, in ExecStart, `$` (variables)
 * unless doubled.
 */
export function systemdQuote(value: string, { dollars }: { dollars: boolean }): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%');
  return `"${dollars ? escaped.replace(/\$/g, '$$$$') : escaped}"`;
}

/** ExecStart's words back from the unit (the inverse of how install quotes them). */
export function execStartArgs(unit: string): string[] | null {
  const line = unit.split('\n').find((l) => l.startsWith('ExecStart='));
  if (!line) return null;
  const words: string[] = [];
  for (const m of line.slice('ExecStart='.length).matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g))
    words.push((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1').replace(/%%/g, '%').replace(/\$\$/g, '$'));
  return words;
}

export function systemdUnit(spec: ServiceSpec): string {
  return [
    unitMarker,
    '[Unit]',
    'Description=ELF server: HTTP hooks, JSON API and dashboard of the learning memory for coding agents',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${spec.program.map((arg) => systemdQuote(arg, { dollars: true })).join(' ')}`,
    ...Object.entries(spec.env).map(([k, v]) => `Environment=${systemdQuote(`${k}=${v}`, { dollars: false })}`),
    'Restart=on-failure',
    'RestartSec=2',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}
