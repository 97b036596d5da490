import { listed, managerRefusal, runAll } from './manager-run.js';
import type { ServiceRequest } from './service-args.js';
import { readText, removeServiceFile } from './service-files.js';
import type { RunManager, ServiceIo } from './service-io.js';
import type { ServicePlatform } from './service-platform.js';

/** `service uninstall`: stops and disables it, then removes the file, only one install wrote. */
export function uninstallService(io: ServiceIo, platform: ServicePlatform, request: ServiceRequest, run: RunManager) {
  const existing = readText(platform.file);
  if (existing === null) {
    io.stdout(`not installed: no ${platform.file}\n`);
    return 0;
  }
  if (!platform.isOurs(existing)) {
    io.stderr(`elf-server: ${platform.file} was not written by elf-server service install; left as it is\n`);
    return 1;
  }
  if (request.dryRun) {
    io.stdout(
      `would run:\n${listed(platform.stop)}would remove ${platform.file}\nthen run:\n${listed(platform.afterRemove)}`,
    );
    return 0;
  }
  const refusal = managerRefusal(io, platform, run);
  if (!refusal && !runAll(io, run, platform.stop)) return 1;
  try {
    removeServiceFile(platform);
  } catch (error) {
    io.stderr(`elf-server: cannot remove ${platform.file}: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(`removed ${platform.file}\n`);
  if (refusal) {
    io.stdout(`not stopped (${refusal}); if it still runs, stop it with:\n${listed(platform.stopLeft)}`);
    return 0;
  }
  return runAll(io, run, platform.afterRemove) ? 0 : 1;
}
