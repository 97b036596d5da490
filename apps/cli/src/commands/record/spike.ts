import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

interface SpikeOptions {
  title: string;
  topic: string;
  question: string;
  findings: string;
  gotchas?: string;
  resources?: string;
  minutes?: string;
  domain?: string;
  tags?: string;
}

/** `elf record spike --title --topic --question --findings [--gotchas] [--resources] [--minutes] [--domain] [--tags]` */
export function registerSpikeCommand(record: Command, cli: CliContext): void {
  record
    .command('spike')
    .description('record a time-boxed research report')
    .requiredOption('--title <text>', 'short name')
    .requiredOption('--topic <text>', 'what it was about')
    .requiredOption('--question <text>', 'the question it answered')
    .requiredOption('--findings <text>', 'what was found')
    .option('--gotchas <text>', 'surprises worth knowing')
    .option('--resources <text>', 'links and references')
    .option('--minutes <n>', 'time invested')
    .option('--domain <domain>', 'area it applies to (default: all)')
    .option('--tags <a,b>', 'comma-separated tags')
    .action(
      handler<SpikeOptions>(cli, async (opts, globals) => {
        const spike = await withElf(
          cli.io,
          globals,
          (elf) =>
            elf.recordSpikeReport({
              title: opts.title,
              topic: opts.topic,
              question: opts.question,
              findings: opts.findings,
              gotchas: opts.gotchas ?? null,
              resources: opts.resources ?? null,
              minutes: opts.minutes ?? null,
              domain: opts.domain ?? null,
              tags: opts.tags ?? null,
            }),
          { countTokens: true },
        );
        emit(cli.io, globals, spike, () => `recorded spike report #${spike.id}`);
      }),
    );
}
