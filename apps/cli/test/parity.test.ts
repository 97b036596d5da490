import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusUrl, type ParityRecord, runParity } from './parity/parity-run.mjs';

// The command-hook and `elf context` outputs, and what the hooks wrote, on a fixed corpus with a
// fixed clock, must stay byte-identical to `parity/expected.json`, re-recorded for issue 11 (one
// relevance ranking over every candidate, tiers as layout, budgets used, heuristics global unless
// scoped to a project, golden rules the agent's CLAUDE.md already has left out), which changed
// what agents see on purpose in 68 of 94 steps; and again when the prompt hook's floor
// (promptMinScore) went from 0.3 to 0.2 for the new score scale (8 prompt steps); and when a
// captured failure's title began to name its error instead of Claude Code's `Exit code 1`, and
// when PreToolUse(Task) began to put its knowledge into the subagent's prompt (`updatedInput`),
// since the real client gives a PreToolUse additionalContext to the main agent only (issue 13);
// and for the repeat-mistake benchmark (issue 14), when session start stopped showing what was
// merely learned in the project and other projects' recent failures (those wait for a prompt
// they match) and a subagent's knowledge got the prompt's relevance floor (14 of 94 steps: every
// SessionStart and PreToolUse(Task), and the prompts that now show what session start held back),
// and when a tool failure began to be answered with what ELF knows about its error (3 steps);
// and (issue 15, no output changed) when a session's summary row stopped being inserted-or-ignored
// on every event, so session_summaries ids no longer skip the numbers those ignored inserts took:
//   node apps/cli/test/parity/parity-run.mjs <checkout> apps/cli/test/parity/expected.json
// A change that means to alter what agents see re-records it and says why in its commit.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const expected = JSON.parse(readFileSync(new URL('./parity/expected.json', import.meta.url), 'utf8')) as ParityRecord;

/**
 * Steps whose output changed on purpose, each with its reason and what it must show now. Keep
 * this list short: every entry is a behaviour change someone decided on.
 */
const intended: Record<string, { why: string; now: (stdout: string) => void }> = {};

describe('output parity with the recorded build', () => {
  it('prints the same bytes for every elf context call and hook event, and writes the same knowledge', async () => {
    const actual = await runParity(root, JSON.parse(readFileSync(corpusUrl, 'utf8')));
    expect(actual.steps.map((s) => s.run)).toEqual(expected.steps.map((s) => s.run));
    for (const [i, step] of expected.steps.entries()) {
      const change = intended[step.run];
      const now = actual.steps[i] as (typeof actual.steps)[number];
      if (!change) {
        expect(now, step.run).toEqual(step);
        continue;
      }
      // Still a difference (else the entry goes), and the new behaviour is the one decided on.
      expect(now.stdout, `${step.run}: ${change.why}`).not.toBe(step.stdout);
      expect({ code: now.code, stderr: now.stderr }).toEqual({ code: 0, stderr: '' });
      change.now(now.stdout);
    }
    expect(actual.knowledge).toEqual(expected.knowledge);
  });
});
