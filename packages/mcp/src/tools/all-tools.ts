import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { contextTool } from './context-tool.js';
import { goldenRulesTool } from './golden-rules-tool.js';
import { validateHeuristicTool, violateHeuristicTool } from './outcome-tools.js';
import { recordDecisionTool, recordFailureTool, recordHeuristicTool, recordSuccessTool } from './record-tools.js';
import { searchTool } from './search-tool.js';
import { statsTool } from './stats-tool.js';
import type { ToolSpec } from './tool-spec.js';

/** Every tool ELF offers. Few on purpose: each description costs the agent tokens in every session. */
export const elfTools: readonly ToolSpec[] = [
  contextTool,
  searchTool,
  recordFailureTool,
  recordSuccessTool,
  recordHeuristicTool,
  recordDecisionTool,
  validateHeuristicTool,
  violateHeuristicTool,
  goldenRulesTool,
  statsTool,
];

let listed: Tool[] | undefined;

/**
 * The tools as `tools/list` describes them, their schemas converted once per process (the list
 * never changes; converting on every request would cost milliseconds a fresh client waits for).
 */
export function toolList(): Tool[] {
  listed ??= elfTools.map((tool) => {
    const { $schema: _, ...inputSchema } = z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
    return {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: inputSchema as Tool['inputSchema'],
      annotations: tool.annotations,
    };
  });
  return listed;
}
