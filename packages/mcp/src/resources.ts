import type { ReadResourceResult, Resource } from '@modelcontextprotocol/sdk/types.js';
import { goldenRulesText } from './render/golden-rules.js';
import type { ToolEnv } from './tools/tool-spec.js';

/** The resources' budget: what the hooks give at session start. */
const resourceTokens = 2000;

interface ResourceSpec extends Resource {
  read(env: ToolEnv): Promise<string>;
}

/**
 * What holds whatever the task: the golden rules, and this project's context (its context.md,
 * the rules scoped to it, the golden rules) as a session start gives it.
 */
export const resources: readonly ResourceSpec[] = [
  {
    uri: 'elf://golden-rules',
    name: 'golden-rules',
    title: 'Golden rules',
    description: 'The proven rules that apply here, most proven first.',
    mimeType: 'text/markdown',
    read: (env) => goldenRulesText(env.elf, resourceTokens),
  },
  {
    uri: 'elf://context/project',
    name: 'project-context',
    title: 'This project’s context',
    description: 'What ELF gives an agent starting work in this project: its notes, its rules, the golden rules.',
    mimeType: 'text/markdown',
    async read(env) {
      const result = await env
        .builder()
        .build(
          { task: null, maxTokens: resourceTokens, cwd: env.session.cwd },
          { tiers: [0, 1], projectKnowledge: 'scoped' },
        );
      return result.text.trim() || 'ELF has no context for this project yet.';
    },
  },
];

export async function readResource(uri: string, env: ToolEnv): Promise<ReadResourceResult | null> {
  const spec = resources.find((r) => r.uri === uri);
  if (!spec) return null;
  return { contents: [{ uri, mimeType: spec.mimeType, text: await spec.read(env) }] };
}
