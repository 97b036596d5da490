import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';
import { registerHeuristicEditCommands } from './heuristic-edits.js';

/** `elf heuristic …` — a heuristic's whole life: list, show, outcomes, promotion, history. */
export function registerHeuristicCommand(program: Command, cli: CliContext): void {
  const heuristic = program.command('heuristic').description("inspect and change heuristics' confidence and standing");
  registerHeuristicEditCommands(heuristic, cli);
}
