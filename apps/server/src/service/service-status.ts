import { managerRefusal } from './manager-run.js';
import { readText } from './service-files.js';
import type { RunManager, ServiceIo } from './service-io.js';
import type { ServicePlatform } from './service-platform.js';
import { probeServer } from './service-probe.js';
import { defaultServerPort } from './service-spec.js';

/** `service status`: installed or not, where, what the manager says, and whether it answers. */
export async function serviceStatus(io: ServiceIo, platform: ServicePlatform, run: RunManager): Promise<number> {
  const existing = readText(platform.file);
  if (existing === null) io.stdout(`not installed (no ${platform.file})\n`);
  else {
    const ours = platform.isOurs(existing) ? '' : ' (not written by elf-server service install)';
    io.stdout(`installed: ${platform.file}${ours}\n`);
    const refusal = managerRefusal(io, platform, run);
    if (refusal) io.stdout(`service manager not asked (${refusal})\n`);
    else {
      const state = run(platform.state);
      io.stdout(`${platform.describeState(state.status, state.stdout)}\n`);
    }
  }
  // Not installed: the port a plain `elf-server` would listen on.
  const port = existing !== null ? platform.portOf(existing) : Number(io.env.ELF_SERVER_PORT) || defaultServerPort;
  io.stdout(`${await probeServer(port)}\n`);
  return 0;
}
