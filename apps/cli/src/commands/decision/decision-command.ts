import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';

/** `elf decision supersede ID --by NEW_ID` */
export function registerDecisionCommand(_program: Command, _cli: CliContext): void {}
