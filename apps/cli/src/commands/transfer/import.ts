import { createReadStream, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { progressBar } from '../../runtime/progress.js';
import { loadTokenizer } from '../../runtime/tokenizer.js';

interface Report {
  imported: Record<string, number>;
  alreadyPresent: Record<string, number>;
  skipped: Array<{ kind: string; id: number | null; reason: string }>;
  adjusted?: Array<{ kind: string; id: number | null; note: string }>;
}

function describe(report: Report, title: string): string {
  const nonzero = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ') || 'nothing';
  const lines = [
    title,
    `  imported: ${nonzero(report.imported)}`,
    `  already there (skipped): ${nonzero(report.alreadyPresent)}`,
  ];
  if (report.adjusted?.length) lines.push(`  adjusted on the way: ${report.adjusted.length} (see --json)`);
  if (report.skipped.length > 0) {
    lines.push(`  skipped: ${report.skipped.length}`);
    for (const s of report.skipped.slice(0, 20)) lines.push(`    ${s.kind} #${s.id ?? '?'}: ${s.reason}`);
    if (report.skipped.length > 20) lines.push(`    … ${report.skipped.length - 20} more (see --json)`);
  }
  return lines.join('\n');
}

/** `elf import FILE.jsonl` and `elf import elf-py [BASE]`. */
export function registerImportCommand(program: Command, cli: CliContext): void {
  program
    .command('import')
    .description('import an export (elf import FILE.jsonl) or an original ELF installation (elf import elf-py [BASE])')
    .argument('<source>', 'a .jsonl export, or elf-py')
    .argument('[base]', 'with elf-py: the installation folder (default ~/.claude/emergent-learning)')
    .action(
      handler(cli, async (_opts, globals, command) => {
        const [source, base] = command.args as [string, string | undefined];
        const { importElfPy, importJsonl } = await import('@elf/maintenance');
        const bar = await progressBar(cli.io, { json: globals.json, title: 'import' });
        let report: Report;
        let title: string;
        if (source === 'elf-py') {
          const folder = base
            ? resolve(cli.io.cwd, base)
            : join(cli.io.homedir || homedir(), '.claude', 'emergent-learning');
          report = await withElf(cli.io, globals, async (elf) => {
            const result = await importElfPy(elf.db, {
              base: folder,
              onProgress: (table, done, total) => bar.update(done, total, table),
            });
            await elf.fillTokenCounts(await loadTokenizer());
            return result;
          });
          title = `imported the original ELF from ${folder}`;
        } else {
          const file = resolve(cli.io.cwd, source);
          if (!existsSync(file)) {
            const { ElfError } = await import('@elf/core');
            throw new ElfError('NOT_FOUND', `file: no such file ${file}`, { field: 'file' });
          }
          const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
          report = await withElf(cli.io, globals, async (elf) => {
            const result = await importJsonl(elf.db, lines, { onProgress: (n) => bar.update(n, n, 'lines') });
            await elf.fillTokenCounts(await loadTokenizer());
            return result;
          });
          title = `imported ${file}`;
        }
        bar.stop();
        emit(cli.io, globals, report, () => describe(report, title));
      }),
    );
}
