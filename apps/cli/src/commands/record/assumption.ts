import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface AssumptionOptions {
  assumption: string;
  context?: string;
  source?: string;
  confidence?: string;
  domain?: string;
}

/** `elf record assumption --assumption [--context] [--source] [--confidence] [--domain]` */
export function registerAssumptionCommand(record: Command, cli: CliContext): void {
  record
    .command('assumption')
    .description('record something believed but not yet proven')
    .requiredOption('--assumption <text>', 'what is assumed')
    .option('--context <text>', 'where it matters')
    .option('--source <text>', 'where it came from')
    .option('--confidence <value>', '0..1 or low|medium|high', '0.5')
    .option('--domain <domain>', 'area it applies to (default: all)')
    .action(
      handler<AssumptionOptions>(cli, async (opts, globals) => {
        const assumption = await withElf(
          cli.io,
          globals,
          (elf) =>
            elf.recordAssumption({
              assumption: opts.assumption,
              context: opts.context ?? null,
              source: opts.source ?? null,
              confidence: opts.confidence,
              domain: opts.domain ?? null,
            }),
          { countTokens: true },
        );
        emit(cli.io, globals, assumption, () => `recorded assumption #${assumption.id}`);
      }),
    );
}
