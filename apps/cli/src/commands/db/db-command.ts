import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { registerBackupCommands } from './backup.js';
import { registerHealthCommands } from './health.js';
import { registerPruneCommand } from './prune.js';
import { registerStatsCommand } from './stats.js';
import { registerTaskCommands } from './tasks.js';

/** `elf db …`: look after the database file. */
export function registerDbCommand(program: Command, cli: CliContext): void {
  const db = program
    .command('db')
    .description('look after the database: stats, maintenance, integrity, health, backups, pruning');
  registerStatsCommand(db, cli);
  registerTaskCommands(db, cli);
  registerHealthCommands(db, cli);
  registerBackupCommands(db, cli);
  registerPruneCommand(db, cli);
}
