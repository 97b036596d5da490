import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface InvariantOptions {
  statement: string;
  rationale: string;
  domain?: string;
  scope?: string;
  severity?: string;
  validationType?: string;
  validationCode?: string;
}

/** `elf record invariant --statement --rationale [--domain] [--scope] [--severity]` */
export function registerInvariantCommand(record: Command, cli: CliContext): void {
  record
    .command('invariant')
    .description('record a statement that must always hold')
    .requiredOption('--statement <text>', 'what must always be true')
    .requiredOption('--rationale <text>', 'why')
    .option('--domain <domain>', 'area it applies to (default: all)')
    .option('--scope <scope>', 'codebase|module|function|runtime', 'codebase')
    .option('--severity <level>', 'error|warning|info', 'error')
    .option('--validation-type <type>', 'manual|automated|test')
    .option('--validation-code <code>', 'how to check it')
    .action(
      handler<InvariantOptions>(cli, async (opts, globals) => {
        const invariant = await withElf(
          cli.io,
          globals,
          (elf) =>
            elf.recordInvariant({
              statement: opts.statement,
              rationale: opts.rationale,
              domain: opts.domain ?? null,
              scope: opts.scope,
              severity: opts.severity,
              validation_type: opts.validationType ?? null,
              validation_code: opts.validationCode ?? null,
            }),
          { countTokens: true },
        );
        emit(cli.io, globals, invariant, () => `recorded invariant #${invariant.id}`);
      }),
    );
}
