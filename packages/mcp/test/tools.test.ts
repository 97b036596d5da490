import { realpathSync } from 'node:fs';
import { loadO200kCounter } from '@elf/context';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { elfTools } from '../src/index.js';
import { connected, resourceText, textOf } from './support/connected.js';

// ELF's MCP tools through the SDK's client: what each one records and returns, the session limit
// on outcomes, redaction, refusals, and token budgets checked with the real o200k tokenizer.

describe('elf MCP tools', () => {
  it('lists its ten tools with short descriptions and strict schemas, and both resources', async () => {
    const { client } = await connected();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(elfTools.map((t) => t.name));
    expect(tools).toHaveLength(10);
    const o200k = await loadO200kCounter();
    for (const tool of tools) {
      expect(tool.description?.length ?? 0).toBeLessThanOrEqual(200);
      expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
      expect(tool.annotations?.openWorldHint).toBe(false);
    }
    // What the whole list costs the agent in every session.
    expect(o200k.count(JSON.stringify(tools))).toBeLessThan(2500);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['elf://golden-rules', 'elf://context/project']);
  });

  it('records a failure with its secrets redacted, then finds it by search and in the context', async () => {
    const { text, elf } = await connected();
    const recorded = await text('elf_record_failure', {
      title: 'Stripe webhook returns 400 after key rotation',
      summary: 'The signing secret was stale: STRIPE_WEBHOOK_SECRET=whsec_9a8b7c6d5e4f3g2h1i0j in .env. Reload it.',
      domain: 'payments',
      severity: 4,
    });
    expect(recorded).toMatch(/^Recorded failure #(\d+) \(payments\)\. 1 secret was redacted\.$/);
    const id = Number(/#(\d+)/.exec(recorded)?.[1]);
    const stored = await elf.getLearning(id);
    expect(stored.summary).not.toContain('whsec_9a8b7c6d5e4f3g2h1i0j');
    expect(stored.summary).toContain('STRIPE_WEBHOOK_SECRET=');
    expect(await text('elf_search', { query: 'webhook 400' })).toContain(`learning #${id}`);
    const context = await text('elf_context', { task: 'webhooks from stripe fail with a 400 since yesterday' });
    expect(context).toContain('Stripe webhook returns 400');
  });

  it('records a rule, a success and a decision; a repeated rule reinforces the first', async () => {
    const { text, elf } = await connected();
    const first = await text('elf_record_heuristic', {
      rule: 'Run database migrations before deploying the new code',
      domain: 'deploy',
    });
    expect(first).toMatch(/^Recorded rule #\d+ \(deploy, confidence 0\.50\)\.$/);
    const again = await text('elf_record_heuristic', {
      rule: 'Run the database migrations before deploying new code',
      domain: 'deploy',
    });
    expect(again).toMatch(/^Reinforced the same rule #\d+/);
    expect(await text('elf_record_success', { title: 'Blue-green deploy kept the API up' })).toMatch(
      /^Recorded success #\d+ \(general\)\.$/,
    );
    const decision = await text('elf_record_decision', {
      title: 'Use SQLite for the queue',
      context: 'One host, low volume',
      decision: 'SQLite in WAL mode',
      rationale: 'No server to run',
    });
    const id = Number(/#(\d+)/.exec(decision)?.[1]);
    expect((await elf.decisions()).decisions.some((d) => d.id === id && d.title === 'Use SQLite for the queue')).toBe(
      true,
    );
  });

  it('moves a rule’s confidence once per session, as the hooks do, and again in another session', async () => {
    const { text, elf } = await connected({ sessionId: 'mcp-session-a' });
    const rule = await elf.recordHeuristic({ rule: 'Pin the tool versions in CI', domain: 'ci', confidence: 0.5 });
    const held = await text('elf_validate_heuristic', { id: rule.id });
    expect(held).toMatch(/^Heuristic #\d+ held: confidence 0\.50 → 0\.\d\d\.$/);
    const after = (await elf.getHeuristic(rule.id)).confidence;
    expect(after).toBeGreaterThan(0.5);
    expect(await text('elf_violate_heuristic', { id: rule.id })).toMatch(/already counted in this session/);
    expect((await elf.getHeuristic(rule.id)).confidence).toBe(after);
    expect(await text('elf_violate_heuristic', { id: rule.id, session: 'claude-session-b' })).toMatch(/did not hold/);
    expect((await elf.getHeuristic(rule.id)).confidence).toBeLessThan(after);
    const history = await elf.db
      .selectFrom('confidence_updates')
      .select(['session_id', 'source', 'rate_limited'])
      .where('heuristic_id', '=', rule.id)
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { session_id: 'mcp-session-a', source: 'auto', rate_limited: 0 },
      { session_id: 'mcp-session-a', source: 'auto', rate_limited: 1 },
      { session_id: 'claude-session-b', source: 'auto', rate_limited: 0 },
    ]);
  });

  it('keeps every answer within its token budget by the real tokenizer, and says what it left out', async () => {
    const { text, elf } = await connected();
    for (let i = 0; i < 60; i++) {
      await elf.recordHeuristic({
        rule: `Rule ${i}: check the cache invalidation of service ${i} whenever its config changes`,
        domain: 'caching',
        confidence: 0.95,
      });
      await elf.recordLearning({
        type: 'failure',
        title: `Cache of service ${i} served stale config after a deploy`,
        summary: 'Stale config after deploy; cache not invalidated. '.repeat(20),
        domain: 'caching',
      });
    }
    await elf.db.updateTable('heuristics').set({ is_golden: 1 }).execute();
    const o200k = await loadO200kCounter();
    for (const budget of [100, 150, 300, 1000]) {
      const golden = await text('elf_golden_rules', { budget });
      expect(o200k.count(golden)).toBeLessThanOrEqual(budget);
      expect(golden).toMatch(/Left out: \d+ more rules/);
      const search = await text('elf_search', { query: 'cache stale config', limit: 50, budget });
      expect(o200k.count(search)).toBeLessThanOrEqual(budget);
      expect(search).toMatch(/Left out: \d+ more matches/);
      const context = await text('elf_context', { task: 'stale cache config after deploy', budget });
      expect(o200k.count(context)).toBeLessThanOrEqual(budget);
    }
    const context = await text('elf_context', { task: 'stale cache config after deploy', budget: 400 });
    expect(context).toMatch(/_\d+ more items left out to stay within 400 tokens\._$/);
  });

  it('reads the golden rules and the project context as resources and through the tool', async () => {
    const { client, text, elf, call } = await connected();
    const rule = await elf.recordHeuristic({ rule: 'Never commit secrets to the repository', domain: 'security' });
    await elf.core.db
      .updateTable('heuristics')
      .set({ is_golden: 1, confidence: 0.95 })
      .where('id', '=', rule.id)
      .execute();
    expect(await text('elf_golden_rules', {})).toContain(`#${rule.id} Never commit secrets`);
    expect(await text('elf_golden_rules', { domain: 'testing' })).toBe('No golden rules in testing.');
    const golden = await client.readResource({ uri: 'elf://golden-rules' });
    expect(golden.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect(resourceText(golden)).toContain('Never commit secrets');
    const project = await client.readResource({ uri: 'elf://context/project' });
    expect(resourceText(project)).toContain('Never commit secrets');
    await expect(client.readResource({ uri: 'elf://nothing' })).rejects.toThrow(/Unknown resource/);
    const stats = await elf.statistics();
    expect(textOf(await call('elf_stats'))).toContain(
      `Heuristics: ${stats.total_heuristics}, golden rules: ${stats.golden_heuristics}`,
    );
  });

  it('works in the client’s one workspace root (MCP roots), unless the project was named', async () => {
    const elsewhere = realpathSync(tempDir('elf-mcp-elsewhere-'));
    const followed = await connected({ cwd: elsewhere }, (root) => [root]);
    const rule = await followed.text('elf_record_heuristic', {
      rule: 'Run the shop’s migrations first',
      project_only: true,
    });
    const id = Number(/#(\d+)/.exec(rule)?.[1]);
    expect((await followed.elf.getHeuristic(id)).project_path).toBe(followed.root);

    const named = await connected({ cwd: elsewhere, followRoots: false }, (root) => [root]);
    const kept = await named.text('elf_record_heuristic', { rule: 'Run the shop’s seeds second', project_only: true });
    expect((await named.elf.getHeuristic(Number(/#(\d+)/.exec(kept)?.[1]))).project_path).toBe(elsewhere);

    const two = await connected({ cwd: elsewhere }, (root) => [root, elsewhere]);
    const ambiguous = await two.text('elf_record_heuristic', {
      rule: 'Run the shop’s checks third',
      project_only: true,
    });
    expect((await two.elf.getHeuristic(Number(/#(\d+)/.exec(ambiguous)?.[1]))).project_path).toBe(elsewhere);
  });
});
