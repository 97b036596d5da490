import { describe, expect, it } from 'vitest';
import { editHeuristic, heuristicHistory, search } from '../src/index.js';
import { openTempElf } from './support/temp-elf.js';

describe('editHeuristic', () => {
  it('changes the words and domain, keeps the evidence, audits the edit and re-indexes the text', async () => {
    const { elf } = await openTempElf();
    {
      const heuristic = await elf.recordHeuristic({ domain: 'db', rule: 'Use an index for lookups', confidence: 0.7 });
      const edited = await editHeuristic(elf.core, {
        id: heuristic.id,
        rule: 'Add a btree index before querying by email',
        domain: 'database',
      });
      expect(edited.rule).toBe('Add a btree index before querying by email');
      expect(edited.domain).toBe('database');
      expect(edited.confidence).toBe(0.7);
      const { updates } = await heuristicHistory(elf.core, heuristic.id);
      expect(updates.at(-1)).toMatchObject({ update_type: 'manual', reason: 'edited rule, domain' });
      const found = await search(elf.core, { text: 'btree email' });
      expect(found.hits.map((h) => `${h.kind}:${h.id}`)).toContain(`heuristic:${heuristic.id}`);
    }
  });

  it('refuses an empty edit and a bad field, naming it, and changes nothing', async () => {
    const { elf } = await openTempElf();
    {
      const heuristic = await elf.recordHeuristic({ domain: 'db', rule: 'Use an index for lookups' });
      await expect(editHeuristic(elf.core, { id: heuristic.id })).rejects.toThrow(/^rule: give at least one/);
      await expect(editHeuristic(elf.core, { id: heuristic.id, domain: 'Bad Domain!' })).rejects.toThrow(/^domain:/);
      await expect(editHeuristic(elf.core, { id: 999, rule: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await elf.getHeuristic(heuristic.id)).rule).toBe('Use an index for lookups');
    }
  });
});
