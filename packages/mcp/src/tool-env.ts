import { ContextBuilder } from '@elf/context';
import type { Elf } from '@elf/core';
import { type AgentSession, defaultHookSettings, type HookSettings, type LoopEnvironment } from '@elf/hooks';
import type { ElfMcpOptions } from './options.js';
import type { ToolEnv } from './tools/tool-spec.js';

/**
 * One client's tool calls: its own session and project on the shared memory. The project can
 * move once the client says where it works (its MCP root); the session stays.
 */
export class SessionEnv implements ToolEnv {
  elf!: Elf;
  session!: AgentSession;
  readonly settings: HookSettings;
  readonly loop: LoopEnvironment;
  #own: ContextBuilder | null = null;

  constructor(
    private readonly options: ElfMcpOptions,
    sessionId: string,
  ) {
    this.settings = options.settings ?? defaultHookSettings;
    this.loop = { home: options.home ?? null, contextBuilder: () => this.builder() };
    this.session = { sessionId, cwd: options.cwd };
    this.moveTo(options.cwd);
  }

  /** Works in `cwd` from now on: a view scoped to its project, and (unless shared) its own builder. */
  moveTo(cwd: string): void {
    this.session = { ...this.session, cwd };
    this.elf = this.options.elf.scoped({ cwd, sessionId: this.session.sessionId });
    // One builder for every call (its cache stays warm), unless the app shares its own.
    this.#own = this.options.contextBuilder ? null : new ContextBuilder(this.elf);
  }

  builder(): ContextBuilder {
    return this.options.contextBuilder?.(this.elf) ?? (this.#own as ContextBuilder);
  }

  async beforeWrite(): Promise<void> {
    await this.options.beforeWrite?.();
    // A view copies the token counter when it is made: give it the one loaded since.
    this.elf.core.tokenCounter ??= this.options.elf.core.tokenCounter;
  }
}
