import { parseArgs } from 'node:util';
import { hookSettings } from '@elf/hooks';
import type { Io } from '../../io.js';
import { resolveDatabasePath } from '../../runtime/database-path.js';
import { refreshHookSnapshot } from './refresh-snapshot.js';
import { runHook } from './run-hook.js';

/**
 * The hook bundle's entry (dist/hook.cjs): `elf hook` without the command framework, so each
 * agent event loads less code. Accepts the same flags as `elf hook`; unknown ones are ignored
 * (a hook never fails over its command line). `--snapshot FILE` is what an installed command's
 * fallback passes: this plain run then rebuilds a missing or stale start-up snapshot in the
 * background. Always returns 0.
 */
export async function runHookCli(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      'session-start-tokens': { type: 'string' },
      'prompt-tokens': { type: 'string' },
      'task-tokens': { type: 'string' },
      'failure-tokens': { type: 'string' },
      'prompt-min-score': { type: 'string' },
      snapshot: { type: 'string' },
    },
  });
  const db = typeof values.db === 'string' ? values.db : undefined;
  await runHook(
    io,
    resolveDatabasePath(db ? { db } : {}, io),
    hookSettings({
      sessionStartTokens: values['session-start-tokens'],
      promptTokens: values['prompt-tokens'],
      taskTokens: values['task-tokens'],
      failureTokens: values['failure-tokens'],
      promptMinScore: values['prompt-min-score'],
    }),
  );
  if (typeof values.snapshot === 'string') refreshHookSnapshot(values.snapshot, io);
  return 0;
}
