import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { Elf } from '@elf/core';
import { afterTest, TestClock, tempDir } from '@elf/test-support';
import {
  type AgentEvent,
  type AgentSession,
  type HookSettings,
  handleEvent,
  type LoopEnvironment,
} from '../../src/index.js';

/** A real git project in a temp dir and an Elf on a fresh database, as a hook would open it. */
export async function project(sessionId = 'sess-1') {
  const dir = realpathSync(tempDir('elf-hooks-'));
  const root = join(dir, 'shop');
  execFileSync('git', ['init', '-q', root]);
  const clock = new TestClock();
  const elf = await Elf.open({ path: join(dir, 'elf.db'), cwd: root, clock, sessionId });
  afterTest(() => elf.close());
  const session: AgentSession = { sessionId, cwd: root };
  return {
    dir,
    root,
    elf,
    clock,
    session,
    /** Runs one event through the loop, a minute after the previous one. */
    event: (
      event: AgentEvent,
      other: AgentSession = session,
      options: { settings?: HookSettings; environment?: LoopEnvironment } = {},
    ) => {
      clock.advanceMinutes(1);
      return handleEvent(elf, other, event, options.settings, options.environment);
    },
  };
}
