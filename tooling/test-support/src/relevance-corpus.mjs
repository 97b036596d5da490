// The relevance corpora and the one way to record them into an Elf. Plain JavaScript: benchmark
// scripts and the parity harness import it without a build step.
//  - standard (fixtures/relevance-corpus.json): 362 hand-written items over 24 domains, 81 tasks
//    with the items each must get.
//  - hard (fixtures/hard-corpus.json): 326 heuristics (12 golden) and 152 learnings over 14
//    domains, recorded in time order, each past failure just before the rule learned from it;
//    54 tasks phrased by the symptom a user sees (and 50 more in `extra_tasks`), with keyword
//    distractors and near-duplicate rules. A task's `relevant` entry may be a list of
//    near-duplicates, any one of which counts.
import { readFileSync } from 'node:fs';

export const corpusUrl = new URL('../fixtures/relevance-corpus.json', import.meta.url);
export const hardCorpusUrl = new URL('../fixtures/hard-corpus.json', import.meta.url);

/** The standard corpus, or `loadCorpus('hard')`. */
export function loadCorpus(name = 'standard') {
  const url = { standard: corpusUrl, hard: hardCorpusUrl }[name];
  if (!url) throw new Error(`unknown corpus '${name}': standard or hard`);
  return JSON.parse(readFileSync(url, 'utf8'));
}

const day = 86_400_000;

/**
 * Records every corpus item through `elf` (any build's Elf), in corpus order. Options:
 * `now` (learnings' ages count back from it), `scopeOf(index)` (project of heuristics and
 * learnings: null = global, the default; a path; undefined = the Elf's own project, as
 * `elf record` without --global does), `beforeItem(index)` (e.g. move the clock), `golden(item)`
 * (default: the item's `golden: true`), `force` (record heuristics without merging
 * near-duplicates), `learningOffsetMs` (added age). A heuristic with `days_ago` gets that age too,
 * and one with `learned_from` names that learning as its source. Returns key → `kind:id` and back
 * (a heuristic merged into its near-duplicate maps to the one it reinforced).
 */
export async function seedCorpus(elf, corpus, options) {
  const { now, scopeOf = () => null, beforeItem = () => undefined } = options;
  const golden = options.golden ?? ((item) => item.golden === true);
  const byKey = new Map();
  const ageOf = (item, offsetMs) => new Date(now.getTime() - (item.days_ago ?? 30) * day - offsetMs).toISOString();
  const createdAt = (item) => ageOf(item, options.learningOffsetMs ?? 0);
  const sourceOf = (item) => {
    if (!item.learned_from) return {};
    const learning = corpus.items.find((other) => other.key === item.learned_from);
    const ref = byKey.get(item.learned_from);
    if (!learning || !ref) throw new Error(`${item.key}: learned_from ${item.learned_from} is not recorded before it`);
    return { source: learning.type, source_id: Number(ref.split(':')[1]) };
  };
  const record = {
    heuristic: async (item, i) => {
      const h = await elf.recordHeuristic({
        domain: item.domain,
        rule: item.rule,
        explanation: item.explanation,
        confidence: item.confidence,
        project_path: scopeOf(i),
        ...sourceOf(item),
        ...(options.force ? { force: true } : {}),
      });
      const set = { times_validated: item.times_validated ?? 0, ...(golden(item) ? { is_golden: 1 } : {}) };
      if (item.days_ago !== undefined && h.mergedInto === undefined) {
        const created = ageOf(item, 0);
        Object.assign(set, { created_at: created, updated_at: created });
      }
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
