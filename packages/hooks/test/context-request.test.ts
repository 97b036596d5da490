import { injectedKeys } from '@elf/core';
import { describe, expect, it } from 'vitest';
import { requestContext } from '../src/index.js';
import { project } from './support/project.js';

// An agent asking for knowledge (MCP's elf_context): the prompt's pipeline, over every tier,
// within the budget it names, not spared what the session already saw, and remembered.

describe('requestContext', () => {
  it('gives what the task matches even when the session was shown it, within the budget, and remembers it', async () => {
    const p = await project('sess-ask');
    const rule = await p.elf.recordHeuristic({
      rule: 'Rotate the webhook signing secret in both environments at once',
      domain: 'payments',
    });
    const task = 'webhook signature check fails after rotating the signing secret';
    const shown = await p.event({ kind: 'prompt', prompt: task });
    expect(shown.recorded.injected.map((i) => i.id)).toContain(rule.id);
    const asked = await requestContext(p.elf, p.session, { task, budget: 300 });
    expect(asked.items.some((item) => item.kind === 'heuristic' && item.id === rule.id)).toBe(true);
    expect(asked.result.tokens).toBeLessThanOrEqual(300);
    expect(await injectedKeys(p.elf.core, 'sess-ask')).toContain(`heuristic:${rule.id}`);
  });

  it('passes the named domain to the build', async () => {
    const p = await project('sess-domain');
    await p.elf.recordHeuristic({ rule: 'Pin the base image digest in the Dockerfile', domain: 'docker' });
    const asked = await requestContext(p.elf, p.session, {
      task: 'the output differs between two runs',
      domain: 'docker',
      budget: 500,
    });
    expect(asked.result.domains).toContain('docker');
    const unnamed = await requestContext(p.elf, p.session, {
      task: 'the output differs between two runs',
      budget: 500,
    });
    expect(unnamed.result.domains).not.toContain('docker');
  });
});
