import { listed, managerRefusal, runAll } from './manager-run.js';
import type { ServiceRequest } from './service-args.js';
import { readText, writeServiceFile } from './service-files.js';
import type { RunManager, ServiceIo } from './service-io.js';
import type { ServicePlatform } from './service-platform.js';
import { serviceSpec } from './service-spec.js';

/**
 * `service install`: writes the unit or agent (refusing to overwrite a file install did not
 * write), then starts it through the manager, or prints the commands where it cannot be driven.
 */
export function installService(io: ServiceIo, platform: ServicePlatform, request: ServiceRequest, run: RunManager) {
  const spec = serviceSpec(request, { ...io, cwd: io.cwd ?? process.cwd() });
  const text = platform.render(spec);
  const existing = readText(platform.file);
  if (existing !== null && !platform.isOurs(existing)) {
    io.stderr(
      `elf-server: ${platform.file} exists and was not written by elf-server service install; nothing changed\n`,
    );
    return 1;
  }
  const commands = platform.install(existing !== null && existing !== text);
  if (request.dryRun) {
    io.stdout(`would write ${platform.file}:\n\n${text}\nthen run:\n${listed(commands)}`);
    return 0;
  }
  try {
    writeServiceFile(platform, spec, text);
  } catch (error) {
    io.stderr(`elf-server: cannot write ${platform.file}: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(`${existing === text ? 'already installed:' : existing ? 'updated' : 'wrote'} ${platform.file}\n`);
  const refusal = managerRefusal(io, platform, run);
  if (refusal) {
    io.stdout(`not started (${refusal}); to start it, run:\n${listed(commands)}`);
    return 0;
  }
  if (!runAll(io, run, commands)) return 1;
  io.stdout(`elf-server runs as ${platform.kind}; \`elf-server service status\` says whether it answers.\n`);
  // A user manager stops with the user's last session unless lingering is on.
  if (io.platform === 'linux')
    io.stdout(`To keep it running while you are logged out: loginctl enable-linger ${io.env.USER ?? '$USER'}\n`);
  return 0;
}
