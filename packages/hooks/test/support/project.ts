import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Elf } from '@elf/core';
import { afterEach } from 'vitest';
import { type AgentEvent, type AgentSession, handleEvent } from '../../src/index.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A clock the test moves by hand. */
export function testClock(iso = '2026-11-26T12:00:00.000Z') {
  let now = Date.parse(iso);
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A real git project in a temp dir and an Elf on a fresh database, as a hook would open it. */
export async function project(sessionId = 'sess-1') {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'elf-hooks-')));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const root = join(dir, 'shop');
  execFileSync('git', ['init', '-q', root]);
  const clock = testClock();
  const elf = await Elf.open({ path: join(dir, 'elf.db'), cwd: root, clock, sessionId });
  cleanups.unshift(() => elf.close());
  const session: AgentSession = { sessionId, cwd: root };
  return {
    dir,
    root,
    elf,
    clock,
    session,
    /** Runs one event through the loop, a minute after the previous one. */
    event: (event: AgentEvent, other: AgentSession = session) => {
      clock.advance(60_000);
      return handleEvent(elf, other, event);
    },
  };
}
