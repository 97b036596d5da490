import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveProjectRoot } from '@elf/core';
import { afterTest, tempDir } from '@elf/test-support';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type CallToolResult, ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { childEnv, elf, startServerProcess } from './support/server-process.js';
import { testServer } from './support/test-server.js';

// ELF's MCP tools over Streamable HTTP at /mcp: the SDK's client against the real built server
// (what it records, the CLI sees), and in-process for the server's rules (Origin, Host, token,
// sessions).

const text = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

async function connect(url: URL, init: { headers?: Record<string, string>; fetch?: typeof fetch } = {}) {
  const client = new Client({ name: 'elf-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(url, {
    ...(init.headers ? { requestInit: { headers: init.headers } } : {}),
    ...(init.fetch ? { fetch: init.fetch } : {}),
  });
  await client.connect(transport);
  afterTest(() => client.close());
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { client, transport, call };
}

function gitProject(): string {
  const root = join(realpathSync(tempDir('elf-mcp-project-')), 'shop');
  execFileSync('git', ['init', '-q', root]);
  return root;
}

describe('MCP over Streamable HTTP on the real server', () => {
  it('lists and calls every tool; what it records the CLI reads from the same database', async () => {
    const home = tempDir('elf-server-mcp-');
    const env = childEnv(home);
    const db = join(home, 'elf.db');
    expect(elf(['--db', db, 'init'], env).status).toBe(0);
    const server = await startServerProcess(['--db', db], env);
    afterTest(() => server.stop());
    const project = gitProject();
    const { client, call, transport } = await connect(new URL(`${server.url}/mcp?cwd=${encodeURIComponent(project)}`));
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(10);
    expect((await client.listResources()).resources.map((r) => r.uri)).toEqual([
      'elf://golden-rules',
      'elf://context/project',
    ]);

    const failure = text(
      await call('elf_record_failure', {
        title: 'Deploy script hangs waiting for the SSH agent',
        summary:
          'ssh-add asked for a passphrase; export DEPLOY_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789 was in the log',
        domain: 'deploy',
      }),
    );
    expect(failure).toMatch(/^Recorded failure #\d+ \(deploy\)\. 1 secret was redacted\.$/);
    const recent = JSON.parse(elf(['--db', db, 'query', '--recent', '--type', 'failure', '--json'], env).stdout);
    const stored = JSON.stringify(recent);
    expect(stored).toContain('Deploy script hangs waiting for the SSH agent');
    expect(stored).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');

    const rule = text(
      await call('elf_record_heuristic', {
        rule: 'Start ssh-agent before running the deploy script',
        domain: 'deploy',
      }),
    );
    const id = Number(/#(\d+)/.exec(rule)?.[1]);
    expect(text(await call('elf_record_success', { title: 'Deploy finished after loading the key first' }))).toMatch(
      /^Recorded success/,
    );
    expect(
      text(
        await call('elf_record_decision', {
          title: 'Deploy from CI only',
          context: 'Keys on laptops',
          decision: 'CI deploys',
          rationale: 'One key',
        }),
      ),
    ).toMatch(/^Recorded decision #\d+/);
    expect(text(await call('elf_validate_heuristic', { id }))).toMatch(/held: confidence 0\.50 → /);
    expect(text(await call('elf_violate_heuristic', { id }))).toMatch(/already counted in this session/);
    const shown = JSON.parse(elf(['--db', db, 'heuristic', 'show', String(id), '--json'], env).stdout);
    expect(JSON.stringify(shown)).toContain('Start ssh-agent before running the deploy script');
    expect(text(await call('elf_search', { query: 'ssh agent deploy' }))).toContain(`heuristic #${id}`);
    expect(text(await call('elf_context', { task: 'the deploy script hangs on ssh', budget: 500 }))).toContain(
      'Deploy script hangs waiting for the SSH agent',
    );
    expect(text(await call('elf_golden_rules'))).toMatch(/^# Golden rules/);
    for (const uri of ['elf://golden-rules', 'elf://context/project']) {
      const read = await client.readResource({ uri });
      expect(read.contents[0]).toMatchObject({ uri, mimeType: 'text/markdown' });
      expect(JSON.stringify(read.contents[0])).toMatch(/Golden rules/);
    }
    expect(text(await call('elf_stats'))).toMatch(/^Learnings: 2 /);

    const refused = await call('elf_context', { task: 'x', budget: 10 });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe('Invalid arguments: budget: must be at least 100');
    // A second client is a second session: its outcome counts.
    const other = await connect(new URL(`${server.url}/mcp`));
    expect(text(await other.call('elf_violate_heuristic', { id }))).toMatch(/did not hold/);
    await transport.terminateSession();
    expect(server.stderr()).not.toMatch(/Error|at .*\.js/);
  });
});

describe('/mcp behind the server’s rules', () => {
  const viaApp =
    (t: Awaited<ReturnType<typeof testServer>>): typeof fetch =>
    (input, init) =>
      t.request(
        new URL(String(input instanceof Request ? input.url : input)).pathname +
          new URL(String(input instanceof Request ? input.url : input)).search,
        init as RequestInit,
      );

  it('refuses a foreign Origin and a rebinding Host before any MCP work', async () => {
    const t = await testServer();
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    };
    const accept = { accept: 'application/json, text/event-stream' };
    const foreign = await t.request('/mcp', {
      json: initialize,
      headers: { ...accept, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const rebound = await t.request('/mcp', { json: initialize, headers: { ...accept, host: 'evil.example:4747' } });
    expect(rebound.status).toBe(403);
    const ok = await t.request('/mcp', { json: initialize, headers: accept });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('mcp-session-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('off loopback, wants the token; with it, the SDK client works', async () => {
    const t = await testServer({ host: '0.0.0.0' });
    const token = t.context.token as string;
    await expect(connect(new URL('http://127.0.0.1:4747/mcp'), { fetch: viaApp(t) })).rejects.toThrow(
      /a valid token is required/,
    );
    const { call } = await connect(new URL('http://127.0.0.1:4747/mcp'), {
      fetch: viaApp(t),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(text(await call('elf_stats'))).toMatch(/^Learnings: 0/);
  });

  it('answers an unknown session with 404, a relative cwd with 400, and closes the least recently used session past the limit', async () => {
    const t = await testServer({ mcpSessionLimits: { max: 2 } });
    const url = new URL('http://127.0.0.1:4747/mcp');
    const first = await connect(url, { fetch: viaApp(t) });
    await connect(url, { fetch: viaApp(t) });
    await connect(url, { fetch: viaApp(t) });
    await expect(first.client.listTools()).rejects.toThrow(/404|no such session/);
    const stale = await t.request('/mcp', {
      json: { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      headers: { accept: 'application/json, text/event-stream', 'mcp-session-id': 'not-a-session' },
    });
    expect(stale.status).toBe(404);
    const relative = await t.request('/mcp?cwd=shop', {
      json: { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} },
      headers: { accept: 'application/json, text/event-stream' },
    });
    expect(relative.status).toBe(400);
    expect(JSON.stringify(await relative.json())).toContain('cwd: must be an absolute path');
  });

  it('takes the project from ?cwd=, else its own directory, never from MCP roots (a request HTTP clients may not take)', async () => {
    const t = await testServer();
    const project = gitProject();
    const client = new Client({ name: 'roots', version: '1' }, { capabilities: { roots: {} } });
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: [{ uri: pathToFileURL(project).href }] }));
    await client.connect(new StreamableHTTPClientTransport(new URL('http://127.0.0.1:4747/mcp'), { fetch: viaApp(t) }));
    afterTest(() => client.close());
    const recorded = text(
      (await client.callTool({
        name: 'elf_record_heuristic',
        arguments: { rule: 'Roots stay unasked', project_only: true },
      })) as CallToolResult,
    );
    const id = Number(/#(\d+)/.exec(recorded)?.[1]);
    expect((await t.elf.getHeuristic(id)).project_path).toBe(resolveProjectRoot(t.context.cwd));
    const named = await connect(new URL(`http://127.0.0.1:4747/mcp?cwd=${encodeURIComponent(project)}`), {
      fetch: viaApp(t),
    });
    const scoped = text(await named.call('elf_record_heuristic', { rule: 'Named projects win', project_only: true }));
    expect((await t.elf.getHeuristic(Number(/#(\d+)/.exec(scoped)?.[1]))).project_path).toBe(project);
  });
});
