import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterTest } from '@elf/test-support';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type CallToolResult, ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bin, elf, elfDb, json, type Sandbox, sandbox } from './support/run-elf.js';

// `elf mcp`: the real built CLI as an MCP server over stdio, driven by the SDK's own client as
// Cursor, Codex or Claude Desktop would start it.

const text = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

function project(box: Sandbox): string {
  const root = join(realpathSync(box.dir), 'shop');
  mkdirSync(root, { recursive: true });
  execFileSync('git', ['init', '-q', root]);
  return root;
}

async function start(box: Sandbox, cwd: string, args: string[] = [], roots?: string[]) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', '--db', box.db, ...args],
    cwd,
    env: box.env as Record<string, string>,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const errors: Error[] = [];
  const client = new Client({ name: 'elf-test', version: '1.0.0' }, roots ? { capabilities: { roots: {} } } : {});
  if (roots)
    client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: roots.map((dir) => ({ uri: pathToFileURL(dir).href })),
    }));
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  afterTest(() => client.close());
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { client, transport, call, errors, stderr: () => stderr };
}

describe('elf mcp (stdio)', () => {
  it('serves every tool and both resources; what it records, the CLI reads; stdout carries only protocol', async () => {
    const box = sandbox();
    const root = project(box);
    const { client, call, errors } = await start(box, root);
    expect(client.getServerVersion()).toMatchObject({ name: 'elf' });
    expect(client.getInstructions()).toMatch(/elf_context/);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual([
      'elf_context',
      'elf_search',
      'elf_record_failure',
      'elf_record_success',
      'elf_record_heuristic',
      'elf_record_decision',
      'elf_validate_heuristic',
      'elf_violate_heuristic',
      'elf_golden_rules',
      'elf_stats',
    ]);
    expect((await client.listResources()).resources).toHaveLength(2);

    const failure = text(
      await call('elf_record_failure', {
        title: 'Jest hangs after the tests pass',
        summary: 'An open DB handle kept the worker alive; password=hunter2hunter2 was in the fixture',
        domain: 'testing',
        tags: ['jest', 'handles'],
      }),
    );
    expect(failure).toMatch(/^Recorded failure #\d+ \(testing\)\. 1 secret was redacted\.$/);
    const recent = json(elfDb(box, ['query', '--recent', '--type', 'failure', '--json']));
    expect(JSON.stringify(recent)).toContain('Jest hangs after the tests pass');
    expect(JSON.stringify(recent)).not.toContain('hunter2hunter2');

    const rule = text(
      await call('elf_record_heuristic', { rule: 'Close database handles in afterAll', domain: 'testing' }),
    );
    const id = Number(/#(\d+)/.exec(rule)?.[1]);
    expect(json(elfDb(box, ['heuristic', 'show', String(id), '--json']))).toMatchObject({
      heuristic: { rule: 'Close database handles in afterAll' },
    });
    expect(text(await call('elf_record_success', { title: 'Parallel test shards halved CI time' }))).toMatch(
      /^Recorded success/,
    );
    expect(
      text(
        await call('elf_record_decision', {
          title: 'Vitest over Jest',
          context: 'ESM',
          decision: 'Vitest',
          rationale: 'Native ESM',
        }),
      ),
    ).toMatch(/^Recorded decision/);
    expect(text(await call('elf_validate_heuristic', { id, note: 'handles closed, jest exits' }))).toMatch(/held/);
    expect(text(await call('elf_violate_heuristic', { id }))).toMatch(/already counted in this session/);
    expect(text(await call('elf_search', { query: 'jest hangs' }))).toContain('Jest hangs after the tests pass');
    expect(text(await call('elf_context', { task: 'my jest run never exits after the tests pass' }))).toContain(
      'Close database handles in afterAll',
    );
    expect(text(await call('elf_golden_rules', { budget: 200 }))).toMatch(/^# Golden rules/);
    expect(text(await call('elf_stats'))).toMatch(/^Learnings: 2 /);
    for (const uri of ['elf://golden-rules', 'elf://context/project']) {
      const read = await client.readResource({ uri });
      expect(read.contents).toHaveLength(1);
      expect(read.contents[0]).toMatchObject({ uri, mimeType: 'text/markdown' });
      expect(JSON.stringify(read.contents[0])).toMatch(/Golden rules/);
    }
    expect(errors).toEqual([]);
  });

  it('takes its project from the client’s workspace root (MCP roots) unless --project names one', async () => {
    const box = sandbox();
    const root = project(box);
    const scopedTo = async (args: string[], roots: string[] | undefined) => {
      const { call } = await start(box, box.dir, args, roots);
      const recorded = text(
        await call('elf_record_heuristic', { rule: `Rule ${args.length}-${roots?.length}`, project_only: true }),
      );
      const id = /#(\d+)/.exec(recorded)?.[1] as string;
      return json(elfDb(box, ['heuristic', 'show', id, '--json'])).heuristic.project_path;
    };
    expect(await scopedTo([], [root])).toBe(root);
    expect(await scopedTo(['--project', root], [box.dir])).toBe(root);
    expect(await scopedTo([], undefined)).toBe(realpathSync(box.dir));
  });

  it('answers bad arguments with tool errors and keeps serving; nothing is written', async () => {
    const box = sandbox();
    const root = project(box);
    const { call, client } = await start(box, root);
    const before = json(elfDb(box, ['query', '--stats', '--json']));
    for (const [name, args] of [
      ['elf_record_failure', { title: 7 }],
      ['elf_validate_heuristic', { id: 4242 }],
      ['elf_context', { task: 'x', budget: 99_999 }],
    ] as const) {
      const result = await call(name, args);
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/^(Invalid arguments: )?(title|id|budget): /);
    }
    const after = json(elfDb(box, ['query', '--stats', '--json']));
    expect(after.total_learnings).toBe(before.total_learnings);
    expect(after.total_heuristics).toBe(before.total_heuristics);
    expect((await client.listTools()).tools).toHaveLength(10);
  });

  it('answers random argument objects to every tool with a valid result; the process never dies', async () => {
    const box = sandbox();
    const { call, client } = await start(box, project(box));
    const names = (await client.listTools()).tools.map((t) => t.name);
    const keys = ['task', 'query', 'budget', 'id', 'title', 'rule', 'domain', 'kinds', 'limit', 'session', 'context'];
    const value = fc.oneof(fc.anything(), fc.integer({ min: -10, max: 100_000 }), fc.string({ maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.oneof(fc.object({ maxDepth: 2 }), fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 })),
        async (name, args) => {
          const result = await call(name, args as Record<string, unknown>);
          expect(result.content.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
    expect(await client.ping()).toEqual({});
  });

  it('exits 0 when the client closes stdin; a database it cannot open is one line on stderr and exit 1', async () => {
    const box = sandbox();
    const root = project(box);
    const child = spawn(process.execPath, [bin, 'mcp', '--db', box.db], { cwd: root, env: box.env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } })}\n`,
    );
    child.stdin.write('this is not json\n');
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' })}\n`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdin.end();
    expect(await exited).toBe(0);
    const lines = out.trim().split('\n');
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(expect.arrayContaining([1, 2]));

    // The full CLI (dist/elf.cjs), for a caller of its runCli, hands `mcp` over to the MCP bundle.
    const elfCjs = join(bin, '..', 'elf.cjs');
    const script = `require(${JSON.stringify(elfCjs)}).runCli(['mcp', '--db', ${JSON.stringify(box.db)}]).then((c) => { process.exitCode = c; })`;
    const handedOver = spawnSync(process.execPath, ['-e', script], {
      cwd: root,
      env: box.env,
      input: '',
      encoding: 'utf8',
    });
    expect(handedOver.stderr).toBe('');
    expect(handedOver.status).toBe(0);

    const notADatabase = join(box.dir, 'notes.txt');
    writeFileSync(notADatabase, 'not a database, just notes\n'.repeat(200));
    const refused = elf(box, ['mcp', '--db', notADatabase], { input: '' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^elf mcp: /);
  });
});
