import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { emit } from '../../runtime/output.js';

interface SnapshotOptions {
  out?: string;
}

/** `elf hooks snapshot [--out FILE]`: (re)builds the hooks' start-up snapshot for this Node and bundle. */
export function registerHooksSnapshotCommand(hooks: Command, cli: CliContext): void {
  hooks
    .command('snapshot')
    .description(
      'build the start-up snapshot installed hooks start from (elf hooks install builds it; a hook rebuilds a stale one)',
    )
    .option('--out <file>', 'where to write it (default: elf-hook.blob in ELF’s cache folder)')
    .action(
      handler<SnapshotOptions>(cli, async (opts, globals) => {
        const { buildHookSnapshot, defaultSnapshotPath } = await import('./hook-snapshot.js');
        const { ElfError } = await import('@elf/core');
        const blob = opts.out ? resolve(cli.io.cwd, opts.out) : defaultSnapshotPath(cli.io.env);
        let build: Awaited<ReturnType<typeof buildHookSnapshot>>;
        try {
          build = buildHookSnapshot(blob);
        } catch (error) {
          throw new ElfError('INVALID_INPUT', `out: ${(error as Error).message}`, { field: 'out', cause: error });
        }
        emit(cli.io, globals, build, () =>
          build.built
            ? `built ${build.blob} (${(build.bytes / 1_048_576).toFixed(1)} MB, ${build.ms} ms)`
            : `another build of ${build.blob} is running; nothing done`,
        );
      }),
    );
}
