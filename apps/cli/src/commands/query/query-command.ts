import { type Command, Option } from 'commander';
import { toCsv } from '../../format/csv.js';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { domainMode, listModes, type ModeResult, type QueryOptions, tagsMode } from './query-modes.js';

const modeFlags: Record<keyof typeof listModes, string> = {
  search: '--search',
  stats: '--stats',
  goldenRules: '--golden-rules',
  decisions: '--decisions',
  invariants: '--invariants',
  assumptions: '--assumptions',
  spikes: '--spikes',
  experiments: '--experiments',
  ceoReviews: '--ceo-reviews',
  violations: '--violations',
  trails: '--trails',
  hotspots: '--hotspots',
  sessions: '--sessions',
  recent: '--recent',
};

function chooseMode(o: QueryOptions, command: Command) {
  const chosen = (Object.keys(listModes) as (keyof typeof listModes)[]).filter(
    (mode) => o[mode as keyof QueryOptions] !== undefined && o[mode as keyof QueryOptions] !== false,
  );
  if (chosen.length > 1) {
    return command.error(`query: choose one of ${chosen.map((m) => modeFlags[m]).join(', ')}`);
  }
  const [mode] = chosen;
  if (mode) return listModes[mode];
  if (o.domain !== undefined && o.tags !== undefined) {
    return command.error('query: choose one of --domain, --tags');
  }
  if (o.domain !== undefined) return domainMode;
  if (o.tags !== undefined) return tagsMode;
  return command.error(`query: say what to query: --domain, --tags or one of ${Object.values(modeFlags).join(', ')}`);
}

function render(result: ModeResult, format: string): string {
  if (format === 'json') return `${JSON.stringify(result.data, null, 2)}\n`;
  if (format === 'csv') return toCsv(result.rows);
  return `${result.text}\n`;
}

/** `elf query` with one of --domain, --tags, --recent, --search, --stats, --golden-rules, … */
export function registerQueryCommand(program: Command, cli: CliContext): void {
  program
    .command('query')
    .description('query the memory: by domain, tags, recency, full-text search, or one kind of knowledge')
    .option('--domain <domain>', 'heuristics and learnings of a domain (or a filter for the lists below)')
    .option('--tags <a,b>', 'learnings with any of these tags (or a filter for --spikes)')
    .option('--recent', 'learnings of the last --days days')
    .option('--days <n>', 'window for --recent, --violations, --trails and --hotspots (default 7)')
    .option('--type <type>', 'learning type for --recent: failure|success|observation')
    .option('--search <text>', 'ranked full-text search across learnings, heuristics, decisions, spikes')
    .option('--stats', 'counts, golden rules, violations and query telemetry')
    .option('--golden-rules', 'golden rules, most validated first')
    .option('--category <names>', 'golden-rule categories to keep (comma-separated)')
    .option('--decisions', 'architecture decisions (default status accepted)')
    .option('--invariants', 'invariants (default status active)')
    .option('--assumptions', 'assumptions (default status active)')
    .option('--spikes', 'spike reports, most useful first')
    .option('--experiments', 'experiments (default status active)')
    .option('--ceo-reviews', 'CEO reviews (default status pending)')
    .option('--violations', 'golden-rule violations with the 3/5/10 warning levels')
    .option('--trails', 'where agents went (files, searches, commands) in the last --days days')
    .option('--hotspots', 'trails of the last --days days grouped by place: visits, strength, scents')
    .option('--sessions', 'session summaries written by the hooks, newest first')
    .option('--status <status>', 'status filter for decisions, invariants, assumptions, experiments, reviews')
    .option('--scope <scope>', 'scope filter for --invariants')
    .option('--severity <level>', 'severity filter for --invariants')
    .option('--min-confidence <value>', 'minimum confidence for --assumptions')
    .option('--limit <n>', 'at most this many results (1..1000)', '10')
    .option('--offset <n>', 'skip this many results (paging)', '0')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .action(
      handler<QueryOptions>(cli, async (opts, globals, command) => {
        const mode = chooseMode(opts, command);
        const result = await withElf(cli.io, globals, (elf) => mode(elf, opts));
        cli.io.stdout(render(result, globals.json ? 'json' : (opts.format ?? 'text')));
      }),
    );
}
