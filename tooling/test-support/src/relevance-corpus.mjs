// The relevance corpus (fixtures/relevance-corpus.json: 362 hand-written items over 24 domains,
// 81 tasks with the items each must get) and the one way to record it into an Elf. Plain
// JavaScript: benchmark scripts and the parity harness import it without a build step.
import { readFileSync } from 'node:fs';

export const corpusUrl = new URL('../fixtures/relevance-corpus.json', import.meta.url);

export function loadCorpus() {
  return JSON.parse(readFileSync(corpusUrl, 'utf8'));
}

const day = 86_400_000;

/**
 * Records every corpus item through `elf` (any build's Elf), in corpus order. Options:
 * `now` (learnings' ages count back from it), `scopeOf(index)` (project of heuristics and
 * learnings; default global), `beforeItem(index)` (e.g. move the clock), `golden(item)`,
 * `force` (record heuristics without merging near-duplicates), `learningOffsetMs` (added age).
 * Returns key → `kind:id` and back.
 */
export async function seedCorpus(elf, corpus, options) {
  const { now, scopeOf = () => null, beforeItem = () => undefined, golden = () => false } = options;
  const byKey = new Map();
  const createdAt = (item) =>
    new Date(now.getTime() - (item.days_ago ?? 30) * day - (options.learningOffsetMs ?? 0)).toISOString();
  const record = {
    heuristic: async (item, i) => {
      const h = await elf.recordHeuristic({
        domain: item.domain,
        rule: item.rule,
        explanation: item.explanation,
        confidence: item.confidence,
        project_path: scopeOf(i),
        ...(options.force ? { force: true } : {}),
      });
      const set = { times_validated: item.times_validated ?? 0, ...(golden(item) ? { is_golden: 1 } : {}) };
      await elf.db.updateTable('heuristics').set(set).where('id', '=', h.id).execute();
      return `heuristic:${h.id}`;
    },
    learning: async (item, i) => {
      const l = await elf.recordLearning({
        type: item.type,
        domain: item.domain,
        title: item.title,
        summary: item.summary,
        tags: item.tags,
        project_path: scopeOf(i),
      });
      const created = createdAt(item);
      await elf.db
        .updateTable('learnings')
        .set({ created_at: created, updated_at: created })
        .where('id', '=', l.id)
        .execute();
      return `learning:${l.id}`;
    },
    decision: async (item) => {
      const { title, context, decision, rationale, domain } = item;
      return `decision:${(await elf.recordDecision({ title, context, decision, rationale, domain })).id}`;
    },
    invariant: async (item) => {
      const inv = await elf.recordInvariant({
        statement: item.statement,
        rationale: item.rationale,
        domain: item.domain,
      });
      if (item.status === 'violated')
        await elf.db
          .updateTable('invariants')
          .set({ status: 'violated', violation_count: 3 })
          .where('id', '=', inv.id)
          .execute();
      return `invariant:${inv.id}`;
    },
    assumption: async (item) => {
      const { assumption, context, confidence, domain } = item;
      const a = await elf.recordAssumption({ assumption, context, confidence, domain });
      if (item.status !== 'active')
        await elf.db.updateTable('assumptions').set({ status: item.status }).where('id', '=', a.id).execute();
      return `assumption:${a.id}`;
    },
    spike: async (item) => {
      const { title, topic, question, findings, domain } = item;
      return `spike_report:${(await elf.recordSpikeReport({ title, topic, question, findings, domain })).id}`;
    },
  };
  for (const [i, item] of corpus.items.entries()) {
    beforeItem(i);
    byKey.set(item.key, await record[item.kind](item, i));
  }
  return { byKey, byRef: new Map([...byKey].map(([key, ref]) => [ref, key])) };
}
