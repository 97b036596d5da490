import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { holdWriteLock } from '@elf/test-support';
import { describe, expect, it } from 'vitest';
import { hook, hookLog, payload, setup } from './support/hook-project.js';
import { bin, elf } from './support/run-elf.js';

describe('elf hook: fails open', () => {
  it('exits 0 with no output on malformed JSON, an unknown event, empty stdin, and logs why', () => {
    const p = setup();
    for (const input of [
      '{not json',
      '',
      '[]',
      JSON.stringify({ hook_event_name: 'Notification', session_id: 's' }),
      '{"hook_event_name":"SessionStart"}',
    ]) {
      const result = hook(p, input);
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    expect(hookLog(p)).toMatch(/ignored: not a hook event/);
    expect(hookLog(p)).toMatch(/ignored: unhandled event Notification/);
  });

  it('ends on its own when stdin stays open: it reads what came, answers, and exits 0', async () => {
    const p = setup();
    const started = Date.now();
    const child = spawn(process.execPath, [bin, '--db', p.db, 'hook'], {
      cwd: p.project,
      env: { ...p.env, ELF_HOME: join(p.home, '.elf') },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    // A whole payload, and the pipe never closed (a runner that forgets to end stdin).
    child.stdin.write(payload(p, 'session-start.json'));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).hookSpecificOutput.hookEventName).toBe('SessionStart');
    // The idle wait is 2 s; a hang would run into the test's timeout instead.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('exits 0 with no output when the database is missing (and does not create it)', () => {
    const p = setup();
    const missing = join(p.dir, 'nowhere', 'elf.db');
    const result = elf(p, ['--db', missing, 'hook'], {
      input: payload(p, 'session-start.json'),
      env: { ELF_HOME: join(p.home, '.elf') },
    });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(missing)).toBe(false);
    expect(hookLog(p)).toMatch(/SessionStart: /);
  });

  it('exits 0 quickly with no output when another process holds the database', async () => {
    const p = setup();
    const lock = await holdWriteLock(p.db, { lock: 'exclusive', from: import.meta.url });
    try {
      const started = Date.now();
      const result = hook(p, payload(p, 'post-tool-use-read.json'));
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(hookLog(p)).toMatch(/PostToolUse: .*(busy|locked)/i);
    } finally {
      await lock.release();
    }
  }, 30_000);
});
