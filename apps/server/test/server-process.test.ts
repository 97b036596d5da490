import { join } from 'node:path';
import { tempDir } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { childEnv, elf, startServerProcess } from './support/server-process.js';

/** Reads an event stream until `until` says stop (or the time runs out). */
async function readEvents(url: string, until: (events: string[]) => boolean, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const events: string[] = [];
  try {
    const response = await fetch(url, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      const blocks = text.split('\n\n');
      text = blocks.pop() ?? '';
      events.push(...blocks.filter((b) => b.startsWith('event:')));
      if (until(events)) break;
    }
  } catch {
    // aborted: the caller looks at what arrived
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('elf-server as a process', () => {
  it('tells an open event stream about a failure the CLI records in another process, within a second', async () => {
    const home = tempDir('elf-server-proc-');
    const env = childEnv(home);
    const db = join(home, 'elf.db');
    expect(elf(['--db', db, 'init'], env).status).toBe(0);
    const server = await startServerProcess(['--db', db], env);
    try {
      let recordedAt = 0;
      let heardAt = 0;
      const events = readEvents(
        `${server.url}/api/events`,
        (seen) => {
          if (seen.length === 1 && recordedAt === 0) {
            const r = elf(
              ['--db', db, 'record', 'failure', '--domain', 'api', '--title', 'Timeout calling billing'],
              env,
            );
            expect(r.status, r.stderr).toBe(0);
            // The CLI has exited: its write is committed. From here the feed has to notice it.
            recordedAt = Date.now();
          }
          const done = seen.some((e) => e.includes('event: change') && e.includes('learnings'));
          if (done) heardAt = Date.now();
          return done;
        },
        10_000,
      );
      const seen = await events;
      const change = seen.find((e) => e.includes('event: change'));
      expect(seen[0]).toContain('event: ready');
      expect(change).toContain('"tables":["learnings"]');
      const list = (await (await fetch(`${server.url}/api/learnings?type=failure`)).json()) as { total: number };
      expect(list.total).toBe(1);
      // The feed polls every 200 ms; a bound with room for a busy machine (the benchmark reports the real figure).
      expect(heardAt - recordedAt).toBeLessThan(2000);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });

  it('stops cleanly on SIGINT with a stream open, and says so', async () => {
    const home = tempDir('elf-server-proc-');
    const server = await startServerProcess(['--db', join(home, 'elf.db')], childEnv(home));
    const controller = new AbortController();
    const stream = fetch(`${server.url}/api/events`, { signal: controller.signal }).catch(() => undefined);
    await stream;
    const started = Date.now();
    expect(await server.stop('SIGINT')).toBe(0);
    controller.abort();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.stdout()).toMatch(/SIGINT, stopping/);
  });

  it('refuses bad arguments and a port in use with one line naming the option, exit 1', async () => {
    const home = tempDir('elf-server-proc-');
    const env = childEnv(home);
    const { spawnSync } = await import('node:child_process');
    const { serverBin } = await import('./support/server-process.js');
    const run = (args: string[]) => spawnSync(process.execPath, [serverBin, ...args], { env, encoding: 'utf8' });
    const badPort = run(['--port', 'eighty']);
    expect(badPort.status).toBe(1);
    expect(badPort.stderr.trim()).toBe('elf-server: --port: must be a whole number from 0 to 65535 (got "eighty")');
    const unknown = run(['--frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(run(['--help']).stdout).toMatch(/^Usage: elf-server/);
    const server = await startServerProcess(['--db', join(home, 'elf.db')], env);
    try {
      const port = new URL(server.url).port;
      const taken = run(['--db', join(home, 'elf.db'), '--port', port]);
      expect(taken.status).toBe(1);
      expect(taken.stderr).toMatch(new RegExp(`^elf-server: --port: ${port} is in use`));
    } finally {
      await server.stop();
    }
  });
});
