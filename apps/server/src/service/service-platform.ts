import { dirname, join } from 'node:path';
import { agentLabel, launchdPlist, logPath, plistMarker, plistPath } from './launchd-plist.js';
import { readPlist } from './plist-read.js';
import { defaultServerPort, type ServiceSpec } from './service-spec.js';
import { execStartArgs, systemdUnit, unitMarker, unitName, unitPath } from './systemd-unit.js';

// Per service manager, what install, uninstall and status do: which file, its text, and which
// commands run. Decisions only; service-command.ts does the writing and the running.

export interface ManagerCommand {
  args: string[];
  /** Failing is expected and harmless (stopping what is not loaded). */
  mayFail?: boolean;
}

export interface ServicePlatform {
  /** How the service is called in messages ("a systemd user service"). */
  kind: string;
  file: string;
  render(spec: ServiceSpec): string;
  /** Folders to make before the file is written (launchd will not make its log folder). */
  folders(spec: ServiceSpec): string[];
  /** True for a file install wrote (the only kind uninstall removes). */
  isOurs(text: string): boolean;
  /** The port the installed file's server listens on. */
  portOf(text: string): number;
  /** After the file is written; `replacing`: a different file of ours was there (restart it). */
  install(replacing: boolean): ManagerCommand[];
  /** Before the file is removed. */
  stop: ManagerCommand[];
  /** After the file is removed. */
  afterRemove: ManagerCommand[];
  /** What the user runs when the file was removed without the manager (it may still run). */
  stopLeft: ManagerCommand[];
  /** Links enabling made to the file, removed with it (systemctl disable's work, done offline). */
  links: string[];
  /** Succeeds when the manager can be driven from here (a user manager, a GUI session). */
  usable: string[];
  /** What the manager says about the service, for status. */
  state: string[];
  /** The state command's answer in a word or two. */
  describeState(status: number | null, stdout: string): string;
}

const portAfter = (args: readonly string[] | null): number => {
  const at = args?.indexOf('--port') ?? -1;
  const port = at >= 0 ? Number(args?.[at + 1]) : Number.NaN;
  return Number.isInteger(port) && port > 0 ? port : defaultServerPort;
};

function systemd(env: Record<string, string | undefined>, homedir: string): ServicePlatform {
  const ctl = (...args: string[]) => ({ args: ['systemctl', '--user', ...args] });
  return {
    kind: 'a systemd user service',
    file: unitPath(env, homedir),
    render: systemdUnit,
    folders: () => [dirname(unitPath(env, homedir))],
    isOurs: (text) => text.includes(unitMarker),
    portOf: (text) => portAfter(execStartArgs(text)),
    install: (replacing) => [
      ctl('daemon-reload'),
      ctl('enable', '--now', unitName),
      // enable --now leaves a running server on its old command line.
      ...(replacing ? [ctl('restart', unitName)] : []),
    ],
    stop: [{ ...ctl('disable', '--now', unitName), mayFail: true }],
    afterRemove: [ctl('daemon-reload')],
    stopLeft: [ctl('stop', unitName), ctl('daemon-reload')],
    links: [join(dirname(unitPath(env, homedir)), 'default.target.wants', unitName)],
    usable: ['systemctl', '--user', 'show-environment'],
    state: ['systemctl', '--user', 'is-active', unitName],
    // is-active prints the state (active, inactive, failed, activating) whatever its exit code.
    describeState: (_status, stdout) => `systemd says ${stdout.trim().split('\n')[0] || 'nothing'}`,
  };
}

function launchd(homedir: string, uid: number): ServicePlatform {
  const file = plistPath(homedir);
  const target = `gui/${uid}/${agentLabel}`;
  // bootstrap refuses a loaded agent, so a reinstall unloads the old one first.
  const bootout = { args: ['launchctl', 'bootout', target], mayFail: true };
  return {
    kind: 'a launchd agent',
    file,
    render: launchdPlist,
    folders: (spec) => [dirname(file), dirname(logPath(spec))],
    isOurs: (text) => text.includes(plistMarker),
    portOf: (text) => {
      try {
        const plist = readPlist(text) as { ProgramArguments?: unknown };
        return portAfter(Array.isArray(plist.ProgramArguments) ? plist.ProgramArguments.map(String) : null);
      } catch {
        return defaultServerPort;
      }
    },
    install: () => [bootout, { args: ['launchctl', 'bootstrap', `gui/${uid}`, file] }],
    stop: [bootout],
    afterRemove: [],
    stopLeft: [bootout],
    links: [],
    usable: ['launchctl', 'print', `gui/${uid}`],
    state: ['launchctl', 'print', target],
    describeState: (status) => (status === 0 ? 'launchd has it loaded' : 'launchd does not have it loaded'),
  };
}

/** The platform's service manager, or null where ELF has none (Windows and the rest). */
export function servicePlatform(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  homedir: string,
  uid: number,
): ServicePlatform | null {
  if (platform === 'linux') return systemd(env, homedir);
  if (platform === 'darwin') return launchd(homedir, uid);
  return null;
}
