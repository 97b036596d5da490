import {
  assistantTurns,
  lastToolResults,
  type ModelRequest,
  requestText,
  type ScriptedModel,
  startScriptedModel,
} from '@elf/test-support';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeSandbox, runClaude } from './support/claude-code.js';
import { elf, json } from './support/run-elf.js';

// The real Claude Code client using ELF through MCP: `elf mcp install --client claude-code` as a
// user runs it, the client starting `elf mcp` itself, a scripted model calling ELF's tools. What
// matters is proven here: the tools reach the model, their answers come back to it, and what it
// records through them is in the database.

let model: ScriptedModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

type ToolDefinition = { name: string; description?: string; input_schema?: unknown };

const elfTools = [
  'context',
  'golden_rules',
  'record_decision',
  'record_failure',
  'record_heuristic',
  'record_success',
  'search',
  'stats',
  'validate_heuristic',
  'violate_heuristic',
].map((name) => `mcp__elf__elf_${name}`);

describe('Claude Code with ELF’s MCP server (real client, real `elf mcp`)', () => {
  it('offers ELF’s tools to the model, answers its calls, and keeps what it records', async () => {
    const box = claudeSandbox();
    const rule = elf(
      box,
      [
        '--json',
        'record',
        'heuristic',
        '--domain',
        'testing',
        '--rule',
        'Close the database pool in afterAll or jest never exits',
      ],
      { cwd: box.project },
    );
    expect(rule.code, rule.stderr).toBe(0);
    const install = elf(box, ['mcp', 'install', '--client', 'claude-code'], { cwd: box.project });
    expect(install.code, install.stderr).toBe(0);

    model = await startScriptedModel((request: ModelRequest) => {
      switch (assistantTurns(request)) {
        case 0:
          return [{ tool: 'ToolSearch', input: { query: `select:${elfTools.join(',')}` } }];
        case 1:
          return [{ tool: 'mcp__elf__elf_context', input: { task: 'jest hangs after all tests pass', budget: 400 } }];
        case 2:
          return [
            {
              tool: 'mcp__elf__elf_record_failure',
              input: {
                title: 'Jest kept running after the suite passed',
                summary: 'The pg pool was never ended; api_key=sk_live_51HxYzAbCdEf0123456789 sat in the test env',
                domain: 'testing',
              },
            },
          ];
        default:
          return 'Closed the pool in afterAll; jest exits now.';
      }
    });
    const run = await runClaude(box, model.url, 'Why does jest hang after the tests pass?', [
      'ToolSearch',
      'mcp__elf__elf_context',
      'mcp__elf__elf_record_failure',
    ]);
    expect(run.code, `${run.stderr}\n${run.debug.split('\n').slice(-30).join('\n')}`).toBe(0);
    expect(run.result.is_error).toBe(false);

    // Claude Code defers MCP tools: the first request names them, ToolSearch loads their definitions.
    const first = model.requests[0] as ModelRequest;
    for (const name of elfTools) expect(requestText(first)).toContain(name);
    const loaded = model.requests.find((r) => assistantTurns(r) === 1) as ModelRequest;
    const ours = ((loaded.tools ?? []) as ToolDefinition[]).filter((tool) => tool.name.startsWith('mcp__elf__'));
    expect(ours.map((tool) => tool.name).sort()).toEqual(elfTools);
    for (const tool of ours) expect(tool.input_schema).toMatchObject({ type: 'object', additionalProperties: false });
    // What ELF's ten definitions cost the model once loaded (printed for the record).
    const cost = countTokens(JSON.stringify(ours));
    process.stdout.write(`ELF's MCP tool definitions in Claude Code's request: ${cost} o200k tokens\n`);
    expect(cost).toBeLessThan(2500);

    const afterContext = model.requests.find((r) => assistantTurns(r) === 2) as ModelRequest;
    const contextResult = JSON.stringify(lastToolResults(afterContext));
    expect(contextResult).toContain('Close the database pool in afterAll or jest never exits');
    expect(requestText(afterContext)).toContain('# ELF memory');
    const afterRecord = model.requests.find((r) => assistantTurns(r) === 3) as ModelRequest;
    expect(JSON.stringify(lastToolResults(afterRecord))).toMatch(
      /Recorded failure #\d+ \(testing\)\. 1 secret was redacted\./,
    );

    const recent = json(elf(box, ['--json', 'query', '--recent', '--type', 'failure'], { cwd: box.project }));
    const stored = JSON.stringify(recent);
    expect(stored).toContain('Jest kept running after the suite passed');
    expect(stored).not.toContain('sk_live_51HxYzAbCdEf0123456789');
  });
});
