import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';

/** `elf heuristic retract|supersede|merge` — retiring wrong or duplicate rules, kept with the reason. */
export function registerHeuristicEditCommands(_heuristic: Command, _cli: CliContext): void {}
