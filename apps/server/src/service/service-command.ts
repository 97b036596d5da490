import { runManager } from './manager-run.js';
import { parseServiceArgs, ServiceArgsError, serviceUsage } from './service-args.js';
import { installService } from './service-install.js';
import type { ServiceIo } from './service-io.js';
import { servicePlatform } from './service-platform.js';
import { ServiceSpecError } from './service-spec.js';
import { serviceStatus } from './service-status.js';
import { uninstallService } from './service-uninstall.js';

// `elf-server service install|uninstall|status`: the file a service manager reads, and the
// manager's commands, with every decision made beforehand (service-platform.ts). Where the
// manager cannot be driven (no user session bus, a container, ELF_SERVICE_NO_MANAGER=1) the
// file is still written or removed and the commands are printed for the user to run.

/** Runs `elf-server service …` (the words after `service`); resolves with the exit code. */
export async function runServiceCommand(args: readonly string[], io: ServiceIo): Promise<number> {
  try {
    const parsed = parseServiceArgs(args, io.env.ELF_SERVER_PORT);
    if (parsed.kind === 'help') {
      io.stdout(`${serviceUsage}\n`);
      return 0;
    }
    const { request } = parsed;
    const platform = servicePlatform(io.platform, io.env, io.homedir, io.uid ?? process.getuid?.() ?? 0);
    if (!platform) {
      io.stderr(
        `elf-server: service: no service manager ELF knows on ${io.platform} (systemd on Linux, launchd on macOS); run elf-server from your own\n`,
      );
      return 1;
    }
    const run = io.run ?? runManager;
    if (request.action === 'install') return installService(io, platform, request, run);
    if (request.action === 'uninstall') return uninstallService(io, platform, request, run);
    return await serviceStatus(io, platform, run);
  } catch (error) {
    // Bad flags or paths: one line, nothing touched (both are checked before any write).
    if (error instanceof ServiceArgsError || error instanceof ServiceSpecError) {
      io.stderr(`elf-server: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
