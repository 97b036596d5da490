import { isAbsolute, join, resolve } from 'node:path';
import type { ServiceRequest } from './service-args.js';

// What the service manager runs, decided once for both managers: absolute node and server
// paths (a service starts with no PATH of the user's and in no particular directory), the flags
// given to install, and ELF_HOME when the user has one (the token file and logs live there).

export interface ServiceSpec {
  /** argv, node first. */
  program: string[];
  /** Environment the service needs beyond what the manager gives it. */
  env: Record<string, string>;
  /** ELF's home: ELF_HOME, else ~/.elf. launchd's log files go to its logs/ folder. */
  home: string;
  /** Where it listens (the server's default unless --port), for status to ask. */
  port: number;
}

export const defaultServerPort = 4747;

export interface SpecInput {
  env: Record<string, string | undefined>;
  homedir: string;
  cwd: string;
  execPath: string;
  serverBin: string;
}

export class ServiceSpecError extends Error {}

const oneLine = (name: string, value: string) => {
  if (/[\r\n]/.test(value)) throw new ServiceSpecError(`${name}: must be one line`);
  return value;
};

export function serviceSpec(request: ServiceRequest, input: SpecInput): ServiceSpec {
  const elfHome = input.env.ELF_HOME?.trim();
  const env: Record<string, string> = {};
  if (elfHome) env.ELF_HOME = oneLine('ELF_HOME', isAbsolute(elfHome) ? elfHome : resolve(input.cwd, elfHome));
  const program = [
    oneLine('node', resolve(input.execPath)),
    oneLine('server', resolve(input.cwd, input.serverBin)),
    ...(request.port !== undefined ? ['--port', String(request.port)] : []),
    ...(request.db !== undefined ? ['--db', oneLine('--db', resolve(input.cwd, request.db))] : []),
  ];
  return { program, env, home: env.ELF_HOME ?? join(input.homedir, '.elf'), port: request.port ?? defaultServerPort };
}
