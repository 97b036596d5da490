import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadO200kCounter } from '@elf/context';
import { fillTokenCounts, seededRandom, starterGoldenRules } from '@elf/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgentEvent,
  defaultHookSettings,
  goldenBlockEnd,
  goldenBlockStart,
  goldenRulesBlockBody,
  type LoopEnvironment,
  upsertManagedBlock,
} from '../src/index.js';
import { inject } from '../src/loop/inject.js';
import { instructedLine, instructedLineParts } from '../src/loop/instructed-golden.js';
import { eventScope } from '../src/loop/scope.js';
import { project } from './support/project.js';

// The golden rules an agent already reads in ELF's block of its CLAUDE.md (written by `elf golden
// export`) are left out of what the hooks inject, and the context says so in one line. Real
// database, real files in a temp git project; the block is written with the export's own functions.

type Project = Awaited<ReturnType<typeof project>>;

const start: AgentEvent = { kind: 'session-start', source: 'startup' };
const subagent: AgentEvent = {
  kind: 'subagent-start',
  agentKey: 'toolu_1',
  agentType: 'general-purpose',
  description: 'Fix the index',
  task: 'build the orders index on big tables',
};
const line = (file: string) => `\n_Golden rules already in ${file} (ELF's managed block) are not repeated here._\n`;
/** The start of each starter golden rule: enough to find it, short enough to survive shortening. */
const golden = starterGoldenRules.map((r) => r.rule.slice(0, 30));

/** What `elf golden export` writes: the block with every golden rule that applies, upserted into `file`. */
async function exportTo(p: Project, file: string, before: string | null = null): Promise<void> {
  const { rules } = await p.elf.goldenRules({ limit: 1000 });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, upsertManagedBlock(before, goldenRulesBlockBody(rules)));
}

async function withKnowledge() {
  const p = await project();
  // Scoped to the project: what a session start shows besides the golden rules.
  await p.elf.recordHeuristic({
    domain: 'database',
    rule: 'Build indexes on big tables concurrently',
    project_path: p.root,
  });
  return p;
}

function expectGoldenShown(context: string | null): void {
  expect(context).toContain('## Golden rules');
  for (const rule of golden) expect(context).toContain(rule);
  expect(context).not.toContain("(ELF's managed block)");
}

function expectGoldenLeftOut(context: string | null, file: string): void {
  expect(context).toContain('Build indexes on big tables concurrently');
  expect(context).not.toContain('## Golden rules');
  for (const rule of golden) expect(context).not.toContain(rule);
  expect(context?.endsWith(line(file))).toBe(true);
  expect(context?.split('managed block')).toHaveLength(2);
}

describe('golden rules already in the agent’s instruction files', () => {
  it('are left out at session start and for a subagent when the project’s CLAUDE.md has ELF’s block', async () => {
    const p = await withKnowledge();
    await exportTo(p, join(p.root, 'CLAUDE.md'), '# Shop\n\nUse pnpm.\n');
    const first = await p.event(start);
    expectGoldenLeftOut(first.context, 'CLAUDE.md');
    expect(first.recorded.injected.some((i) => i.kind === 'golden_rule')).toBe(false);
    expect(first.notes).toEqual(['left out 8 golden rules already in CLAUDE.md']);

    const task = await p.event(subagent);
    expect(task.context).toMatch(/^ELF knowledge for this task \("Fix the index"\):\n\n# ELF/);
    expectGoldenLeftOut(task.context, 'CLAUDE.md');
    const goldenIds = (await p.elf.goldenRules()).rules.map((r) => r.id);
    expect(task.recorded.consulted.filter((id) => goldenIds.includes(id))).toEqual([]);
    expect(task.recorded.consulted.length).toBeGreaterThan(0);

    // A prompt never carried golden rules (they come at session start): nothing changes, no line.
    const prompt = await p.event({ kind: 'prompt', prompt: 'take a backup of the orders table' });
    expect(prompt.context ?? '').not.toContain('managed block');
  });

  it('are shown as before without a block, with an unrelated CLAUDE.md, or with the markers only in prose', async () => {
    const p = await withKnowledge();
    expectGoldenShown((await p.event(start)).context);
    writeFileSync(join(p.root, 'CLAUDE.md'), '# Shop\n\nUse pnpm. Run `elf golden export --to claude-md` some day.\n');
    expectGoldenShown((await p.event({ kind: 'session-start', source: 'clear' })).context);
    writeFileSync(join(p.root, 'CLAUDE.md'), `Do not edit \`${goldenBlockStart}\` … \`${goldenBlockEnd}\` by hand.\n`);
    expectGoldenShown((await p.event(start)).context);
  });

  it('are left out when the block is in .claude/CLAUDE.md, or in the checkout root seen from a subdirectory', async () => {
    const p = await withKnowledge();
    await exportTo(p, join(p.root, '.claude', 'CLAUDE.md'));
    expectGoldenLeftOut((await p.event(start)).context, '.claude/CLAUDE.md');

    const q = await withKnowledge();
    await exportTo(q, join(q.root, 'CLAUDE.md'));
    const sub = join(q.root, 'packages', 'app');
    mkdirSync(sub, { recursive: true });
    expectGoldenLeftOut((await q.event(start, { ...q.session, cwd: sub })).context, 'CLAUDE.md');
  });

  it('are looked for in the checkout the agent works in: a linked worktree’s own CLAUDE.md, not the main one’s', async () => {
    const p = await withKnowledge();
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', p.root, '-c', 'user.name=elf', '-c', 'user.email=elf@example.com', ...args]);
    writeFileSync(join(p.root, 'README.md'), '# Shop\n');
    git('add', 'README.md');
    git('commit', '-q', '-m', 'start');
    const worktree = join(p.dir, 'shop-feature');
    git('worktree', 'add', '-q', worktree);
    const inWorktree = { ...p.session, sessionId: 'wt', cwd: worktree };
    await exportTo(p, join(p.root, 'CLAUDE.md'));
    expectGoldenShown((await p.event(start, inWorktree)).context);
    await exportTo(p, join(worktree, 'CLAUDE.md'));
    expectGoldenLeftOut((await p.event(start, inWorktree)).context, 'CLAUDE.md');
  });

  it('are left out when the block is in the user’s ~/.claude/CLAUDE.md and the app passes the home', async () => {
    const p = await withKnowledge();
    const home = join(p.dir, 'home');
    await exportTo(p, join(home, '.claude', 'CLAUDE.md'), '# Me\n');
    const environment: LoopEnvironment = { home };
    expectGoldenLeftOut((await p.event(start, undefined, { environment })).context, '~/.claude/CLAUDE.md');
    expectGoldenLeftOut((await p.event(subagent, undefined, { environment })).context, '~/.claude/CLAUDE.md');
    // Without the home, user-level files are not read.
    expectGoldenShown((await p.event(start, { ...p.session, sessionId: 'sess-2' })).context);
    // Both levels: the line names both files.
    await exportTo(p, join(p.root, 'CLAUDE.md'));
    const both = await p.event(start, { ...p.session, sessionId: 'sess-3' }, { environment });
    expectGoldenLeftOut(both.context, 'CLAUDE.md and ~/.claude/CLAUDE.md');
  });

  it('follow Claude Code to AGENTS.md: read when there is no CLAUDE.md or when CLAUDE.md imports it', async () => {
    const p = await withKnowledge();
    await exportTo(p, join(p.root, 'AGENTS.md'));
    expectGoldenLeftOut((await p.event(start)).context, 'AGENTS.md');
    // A CLAUDE.md that does not import AGENTS.md: Claude Code reads only the CLAUDE.md.
    writeFileSync(join(p.root, 'CLAUDE.md'), '# Shop\n\nSee `@AGENTS.md` for Codex.\n```\n@AGENTS.md\n```\n');
    expectGoldenShown((await p.event(start)).context);
    writeFileSync(join(p.root, 'CLAUDE.md'), '# Shop\n@AGENTS.md\n');
    expectGoldenLeftOut((await p.event(start)).context, 'AGENTS.md');
    writeFileSync(join(p.root, 'CLAUDE.md'), '# Shop\nRules: @docs/agents/rules.md\r\n');
    await exportTo(p, join(p.root, 'docs', 'agents', 'rules.md'));
    expectGoldenLeftOut((await p.event(start)).context, 'docs/agents/rules.md');
  });

  it('leave out only the rules the block lists: a rule promoted since the export is still shown', async () => {
    const p = await withKnowledge();
    await exportTo(p, join(p.root, 'CLAUDE.md'));
    const promoted = await p.elf.recordHeuristic({ domain: 'general', rule: 'Never force-push to main' });
    await p.elf.db.updateTable('heuristics').set({ is_golden: 1 }).where('id', '=', promoted.id).execute();
    const { context, notes } = await p.event(start);
    expect(context).toContain('## Golden rules\n- Never force-push to main\n');
    for (const rule of golden) expect(context).not.toContain(rule);
    expect(context?.endsWith(line('CLAUDE.md'))).toBe(true);
    expect(notes).toEqual(['left out 8 golden rules already in CLAUDE.md']);
  });

  it('are shown, without an error, when the file is odd: malformed block, directory, unreadable, FIFO, link loop, huge', async () => {
    const p = await withKnowledge();
    const file = join(p.root, 'CLAUDE.md');
    await exportTo(p, file);
    const exported = readFileSync(file, 'utf8');
    const odd: Array<[string, () => void]> = [
      ['two start markers', () => writeFileSync(file, `${goldenBlockStart}\n${exported}`)],
      ['no end marker', () => writeFileSync(file, exported.replace(goldenBlockEnd, ''))],
      ['an empty block', () => writeFileSync(file, upsertManagedBlock(null, ''))],
      ['a directory', () => mkdirSync(file)],
      ['a link to itself', () => symlinkSync(file, file)],
      ['a FIFO', () => execFileSync('mkfifo', [file])],
      ['over 1 MiB', () => writeFileSync(file, `${'x'.repeat(1_100_000)}\n${exported}`)],
    ];
    // Unreadable only means something to a user other than root.
    if (process.getuid?.() !== 0) odd.push(['unreadable', () => chmodSync(file, 0)]);
    for (const [i, [what, make]] of odd.entries()) {
      execFileSync('rm', ['-rf', file]);
      make();
      const result = await p.event(start, { ...p.session, sessionId: `odd-${i}` });
      expect(result.context, what).toContain('## Golden rules');
      expect(result.notes, what).toEqual([]);
    }
  });
});

describe('the line about them', () => {
  it('is priced from fixed parts counted with the real tokenizer, never below its real count', async () => {
    const counter = await loadO200kCounter();
    for (const part of Object.values(instructedLineParts))
      expect(part.tokens, part.text).toBe(counter.count(part.text));
    for (const files of [['CLAUDE.md'], ['.claude/CLAUDE.md'], ['AGENTS.md'], ['CLAUDE.md', '~/.claude/CLAUDE.md']]) {
      const { line: text, tokens } = instructedLine(files);
      expect(text).toBe(line(files.join(' and ')));
      expect(counter.count(text)).toBeLessThanOrEqual(tokens);
    }
  });

  it('comes out of the budget: the build’s price plus the line’s stays within it, and so does the real count', async () => {
    const counter = await loadO200kCounter();
    const p = await project();
    // Forty different rules (no two the same rule, so none is deduplicated away) fill any budget.
    const words =
      'orders index tables tests migration cache deploy retry timeout queue worker schema backup lock replica shard cursor batch vacuum trigger column default constraint partition snapshot rollback release canary flag metric alert trace token session cookie header proxy'.split(
        ' ',
      );
    const random = seededRandom(7);
    for (let i = 0; i < 40; i++) {
      const picked = [...words].sort(() => random() - 0.5).slice(0, 7);
      await p.elf.recordHeuristic({
        domain: i % 2 ? 'database' : 'testing',
        rule: `Check the ${picked.join(' and the ')} first`,
      });
    }
    // Stored counts price the items exactly, so small budgets are filled to the last token.
    await fillTokenCounts(p.elf.core, counter);
    const name = fc.stringMatching(/^[a-zA-Z0-9_éü東🙂-]{1,40}$/u);
    const task = fc.constantFrom(
      null,
      'check the orders index and the tables',
      'the migration broke the tests and the cache',
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 100, max: 2500 }), task, name, async (budget, text, n) => {
        const file = `docs/${n}.md`;
        writeFileSync(join(p.root, 'CLAUDE.md'), `# Shop\n@${file}\n`);
        await exportTo(p, join(p.root, file));
        const session = { ...p.session, sessionId: `budget-${run++}` };
        const scope = eventScope(p.elf, session, defaultHookSettings, {});
        const plan = { task: text, budget, revive: false, excludeSeen: false, skipInstructedGolden: true };
        const injection = await inject(scope, plan);
        const { tokens } = instructedLine([file]);
        const withLine = budget - tokens >= 100 && injection.items.length > 0;
        expect(injection.text.endsWith(line(file))).toBe(withLine);
        expect(injection.result.tokens + (withLine ? tokens : 0)).toBeLessThanOrEqual(budget);
        expect(counter.count(injection.text)).toBeLessThanOrEqual(budget);
        for (const rule of golden) expect(injection.text).not.toContain(rule);
      }),
      { numRuns: 40 },
    );
  });
});
