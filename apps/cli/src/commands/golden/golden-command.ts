import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { GoldenRuleView } from '@elf/hooks';
import { type Command, Option } from 'commander';
import type { Io } from '../../io.js';
import type { GlobalOptions } from '../../runtime/globals.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';
import { defaultTargetFiles, type GoldenTarget, goldenTargets } from './golden-targets.js';

interface ExportOptions {
  to: GoldenTarget;
  file?: string;
  dryRun?: boolean;
}

/**
 * The checkout the agent works in: the nearest directory with a `.git` (a linked worktree's own
 * root, since that is where its agent reads CLAUDE.md), else the working directory. The hooks
 * look for the block there too.
 */
async function projectRoot(cwd: string): Promise<string> {
  const { resolveCheckoutRoot } = await import('@elf/core');
  return resolveCheckoutRoot(cwd);
}

async function invalidFile(message: string): Promise<Error> {
  const { ElfError } = await import('@elf/core');
  return new ElfError('INVALID_INPUT', `file: ${message}`, { field: 'file' });
}

/** The file's text, or null when there is none. Refuses what it could not write back unchanged. */
async function readExisting(file: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw await invalidFile(`cannot read ${file}: ${(error as Error).message}`);
  }
  const text = bytes.toString('utf8');
  // Decoding invalid UTF-8 replaces bytes, and writing it back would alter the user's part.
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw await invalidFile(`${file} is not valid UTF-8`);
  return text;
}

async function checkBlock(file: string, existing: string | null): Promise<void> {
  if (existing === null) return;
  const { managedBlockProblem } = await import('@elf/hooks');
  const problem = managedBlockProblem(existing);
  if (problem) throw await invalidFile(`${file} has a malformed ELF block: ${problem}; fix or delete it by hand`);
}

async function write(file: string, text: string): Promise<void> {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw await invalidFile(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** Every active golden rule that applies here, in the query's order (most validated first). */
async function loadGoldenRules(io: Io, globals: GlobalOptions): Promise<GoldenRuleView[]> {
  return withElf(io, globals, async (elf) => {
    const rules: GoldenRuleView[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const result = await elf.goldenRules({ limit: 1000, offset });
      rules.push(...result.rules);
      offset = result.page.nextOffset;
    }
    return rules;
  });
}

function registerExportCommand(golden: Command, cli: CliContext): void {
  golden
    .command('export')
    .description('write the golden rules into a managed block of CLAUDE.md, AGENTS.md or a Cursor rules file')
    .addOption(new Option('--to <target>', 'which agents’ file to write').choices(goldenTargets).makeOptionMandatory())
    .option(
      '--file <path>',
      'the file to write (default: CLAUDE.md, AGENTS.md or .cursor/rules/elf-golden-rules.mdc in the project root)',
    )
    .option('--dry-run', 'print the block and the file it would go to; write nothing')
    .action(
      handler<ExportOptions>(cli, async (opts, globals) => {
        const target = opts.to;
        const file = opts.file
          ? resolve(cli.io.cwd, opts.file)
          : resolve(await projectRoot(cli.io.cwd), defaultTargetFiles[target]);
        // The file is checked before the database is opened: a broken block fails alone, early.
        const existing = await readExisting(file);
        await checkBlock(file, existing);
        const rules = await loadGoldenRules(cli.io, globals);
        const { renderGoldenFile, renderGoldenRulesBody } = await import('./render-golden-rules.js');
        const { upsertManagedBlock } = await import('@elf/hooks');
        const next = renderGoldenFile(target, existing, rules);
        const changed = next !== existing;
        const block = upsertManagedBlock(null, renderGoldenRulesBody(target, rules));
        if (!opts.dryRun && changed) await write(file, next);
        const data = { file, target, rules: rules.length, changed, ...(opts.dryRun ? { dry_run: true, block } : {}) };
        const action = existing === null ? 'create' : 'update';
        const status = !changed ? 'unchanged' : opts.dryRun ? `would ${action}` : `${action}d`;
        emit(cli.io, globals, data, () => {
          const summary = `${status}: ${file} (${target}, ${rules.length} golden rule${rules.length === 1 ? '' : 's'})`;
          return opts.dryRun ? `${summary}\n\n${block}` : summary;
        });
      }),
    );
}

/** `elf golden import FILE [--dry-run]`: a golden-rules Markdown file (the original ELF's format) into the database. */
function registerImportCommand(golden: Command, cli: CliContext): void {
  golden
    .command('import')
    .description('make the rules of a golden-rules.md (## N. Title, > rule, **Category:**, **Why:**) golden rules here')
    .argument('<file>', 'the Markdown file')
    .option('--dry-run', 'report what would be created or updated; write nothing')
    .action(
      handler<{ dryRun?: boolean }>(cli, async (opts, globals, command) => {
        const file = resolve(cli.io.cwd, command.args[0] ?? '');
        const text = await readExisting(file);
        if (text === null) throw await invalidFile(`no such file ${file}`);
        const { importGoldenRules, parseGoldenRulesMarkdown } = await import('@elf/maintenance');
        const rules = parseGoldenRulesMarkdown(text);
        if (rules.length === 0)
          throw await invalidFile(`no golden rules in ${file} (expected "## N. Title" sections with a "> rule" line)`);
        const dryRun = opts.dryRun === true;
        const report = await withElf(cli.io, globals, (elf) => importGoldenRules(elf.core, rules, { dryRun }), {
          countTokens: !dryRun,
        });
        const data = { file, ...report };
        emit(cli.io, globals, data, () => {
          const verb = (action: string) => (dryRun && action !== 'unchanged' ? `would be ${action}` : action);
          const lines = report.results.map(
            (r) =>
              `  ${verb(r.action).padEnd(16)} ${r.id === null ? '' : `#${r.id} `}[${r.domain}] ${r.number}. ${r.title}`,
          );
          const head = `${dryRun ? 'dry run: ' : ''}${file}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`;
          return [head, ...lines].join('\n');
        });
      }),
    );
}

/** `elf golden …`: golden rules and the files agents read them from. */
export function registerGoldenCommand(program: Command, cli: CliContext): void {
  const golden = program
    .command('golden')
    .description('share the golden rules with agents through the files they read (CLAUDE.md, AGENTS.md, Cursor)');
  registerExportCommand(golden, cli);
  registerImportCommand(golden, cli);
}
