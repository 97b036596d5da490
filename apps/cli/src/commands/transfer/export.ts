import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';

/** `elf export [--format jsonl|markdown] [--out PATH]`: every knowledge record, streamed. */
export function registerExportCommand(program: Command, cli: CliContext): void {
  program
    .command('export')
    .description('export all knowledge: JSON Lines (for elf import) or Markdown (to read)')
    .addOption(new Option('--format <format>', 'jsonl or markdown').choices(['jsonl', 'markdown']).default('jsonl'))
    .option('--out <path>', 'file to write (default: standard output)')
    .action(
      handler<{ format: 'jsonl' | 'markdown'; out?: string }>(cli, async (opts, globals) => {
        const { exportJsonl, exportMarkdown } = await import('@elf/maintenance');
        const file = opts.out ? createWriteStream(resolve(cli.io.cwd, opts.out), { mode: 0o600 }) : null;
        const write = async (chunk: string) => {
          if (!file) return cli.io.stdout(chunk);
          if (!file.write(chunk)) await once(file, 'drain');
        };
        const counts = await withElf(
          cli.io,
          globals,
          async (elf) => (opts.format === 'markdown' ? exportMarkdown(elf.db, write) : exportJsonl(elf.db, write)),
          { create: false },
        );
        if (file) {
          file.end();
          await once(file, 'finish');
          const summary = counts
            ? Object.entries(counts)
                .map(([kind, n]) => `${kind} ${n}`)
                .join(', ')
            : 'done';
          cli.io.stderr(`exported to ${opts.out}: ${summary}\n`);
        }
      }),
    );
}
