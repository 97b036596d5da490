import { Elf } from '@elf/core';
import { loadCorpus, seedCorpus } from '@elf/test-support/relevance-corpus';
import { describe, expect, it } from 'vitest';
import { ContextBuilder } from '../src/index.js';

const now = new Date('2026-11-26T12:00:00.000Z');

describe('ContextBuilder.warm', () => {
  it('reads ahead without changing a single result, and stays right after the index changes', async () => {
    const elf = await Elf.open({ path: ':memory:', projectPath: null, clock: { now: () => now } });
    try {
      const corpus = loadCorpus('hard');
      await seedCorpus(elf, corpus, { now });
      const tasks = corpus.tasks.slice(0, 25).map((t) => t.task);
      const cold = new ContextBuilder(elf);
      const warm = new ContextBuilder(elf);
      await warm.warm();
      for (const task of tasks)
        expect((await warm.build({ task, maxTokens: 600 })).text).toBe(
          (await cold.build({ task, maxTokens: 600 })).text,
        );
      // A new lesson moves the learnings index: the warm builder's vocabulary is dropped, not trusted.
      await elf.recordLearning({
        type: 'failure',
        domain: 'payments',
        title: 'Duplicate statement PDFs from a retried zanzibar job',
      });
      const task = 'the zanzibar job sends statements twice';
      const fresh = await new ContextBuilder(elf).build({ task, maxTokens: 600 });
      const after = await warm.build({ task, maxTokens: 600 });
      expect(after.text).toBe(fresh.text);
      expect(after.text).toContain('zanzibar');
      await warm.warm();
      expect((await warm.build({ task, maxTokens: 600 })).text).toBe(fresh.text);
    } finally {
      await elf.close();
    }
  }, 60_000);
});
