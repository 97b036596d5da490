import { describe, expect, it } from 'vitest';
import { ContextBuilder } from '../src/index.js';
import { openElf } from './support/elf.js';

// The context shows a rule once (core's "same rule?"), but never mistakes a rule for its negation.

describe('the same rule in the context', () => {
  it('keeps a rule and its negation, which share 10 of 12 words', async () => {
    const elf = await openElf({ seedStarters: false });
    const always = 'Always run the full test suite before you push to main';
    const never = 'Never run the full test suite before you push to main';
    await elf.recordHeuristic({ domain: 'git', rule: always, confidence: 0.8, project_path: null });
    await elf.recordHeuristic({ domain: 'git', rule: never, confidence: 0.7, project_path: null });
    const result = await new ContextBuilder(elf).build({
      task: 'should I run the full test suite before a push to main?',
    });
    expect(result.text).toContain(always);
    expect(result.text).toContain(never);
    expect(result.omitted.filter((o) => o.reason === 'duplicate')).toEqual([]);
  });

  it('shows a rule repeated in other words once, the more confident one', async () => {
    const elf = await openElf({ seedStarters: false });
    await elf.recordHeuristic({
      domain: 'database',
      rule: 'Run database migrations inside a transaction with a lock timeout',
      confidence: 0.6,
      project_path: null,
      force: true,
    });
    const kept = await elf.recordHeuristic({
      domain: 'database',
      rule: 'Always run database migrations inside a transaction with a lock timeout set explicitly',
      confidence: 0.9,
      project_path: null,
      force: true,
    });
    const result = await new ContextBuilder(elf).build({ task: 'run the database migrations with a lock timeout' });
    const shown = result.tiers.flatMap((t) => t.items).filter((i) => i.kind === 'heuristic');
    expect(shown.map((i) => i.id)).toEqual([kept.id]);
    expect(result.omitted.filter((o) => o.reason === 'duplicate')).toHaveLength(1);
  });
});
