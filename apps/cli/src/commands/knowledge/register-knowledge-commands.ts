import type { Command } from 'commander';
import type { CliContext } from '../../runtime/handler.js';

/** `elf assumption|invariant|spike|experiment|review …` — the other knowledge types' lifecycle. */
export function registerKnowledgeCommands(_program: Command, _cli: CliContext): void {}
