import type { ContextBuilder } from '@elf/context';
import type { Elf } from '@elf/core';
import type { AgentSession, HookSettings, LoopEnvironment } from '@elf/hooks';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';

/** What a tool call works with: the server's view of the memory, its session, and the app's hooks. */
export interface ToolEnv {
  /** Scoped to the client's session and project. */
  elf: Elf;
  session: AgentSession;
  settings: HookSettings;
  loop: LoopEnvironment;
  builder(): ContextBuilder;
  beforeWrite(): Promise<void>;
}

/** A tool's answer: text for the model, already within the tool's token budget. */
export interface ToolText {
  text: string;
}

export interface ToolSpec<S extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  /** Read by the model in every session: short, and says when to call the tool. */
  description: string;
  input: S;
  annotations: ToolAnnotations;
  run(args: z.output<S>, env: ToolEnv): Promise<ToolText>;
}

/** Keeps each tool's argument type tied to its schema. */
export const defineTool = <S extends z.ZodObject>(spec: ToolSpec<S>): ToolSpec => spec as unknown as ToolSpec;

/** Only reads (the query log aside): clients may call it without asking the user. */
export const readOnly: ToolAnnotations = { readOnlyHint: true, openWorldHint: false };
/** Adds to the memory; never changes or deletes what is there. */
export const additive: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, openWorldHint: false };
