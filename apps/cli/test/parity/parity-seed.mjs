// Seeds the parity corpus through a checkout's built @elf/core (see parity-run.mjs).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const day = 86_400_000;

/** Seeds the corpus through the checkout's @elf/core, with scopes, ages and validations spread over it. */
export async function seedCorpus(root, dbPath, corpus, scopes, clock, start) {
  const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
  const context = await import(pathToFileURL(join(root, 'packages/context/dist/index.js')).href);
  const elf = await core.Elf.open({
    path: dbPath,
    projectPath: null,
    clock,
    tokenCounter: await context.loadO200kCounter(),
  });
  const scopeOf = (i) => scopes[i % scopes.length];
  try {
    for (const [i, item] of corpus.items.entries()) {
      clock.set(start - (90 - (i % 90)) * day);
      if (item.kind === 'heuristic') {
        const h = await elf.recordHeuristic({
          domain: item.domain,
          rule: item.rule,
          explanation: item.explanation,
          confidence: item.confidence,
          project_path: scopeOf(i),
          force: true,
        });
        const golden = (item.times_validated ?? 0) >= 25 ? 1 : 0;
        await elf.db
          .updateTable('heuristics')
          .set({ times_validated: item.times_validated ?? 0, is_golden: golden })
          .where('id', '=', h.id)
          .execute();
      } else if (item.kind === 'learning') {
        const l = await elf.recordLearning({
          type: item.type,
          domain: item.domain,
          title: item.title,
          summary: item.summary,
          tags: item.tags,
          project_path: scopeOf(i),
        });
        const created = new Date(start - (item.days_ago ?? 30) * day - 3_600_000).toISOString();
        await elf.db
          .updateTable('learnings')
          .set({ created_at: created, updated_at: created })
          .where('id', '=', l.id)
          .execute();
      } else if (item.kind === 'decision') {
        await elf.recordDecision({
          title: item.title,
          context: item.context,
          decision: item.decision,
          rationale: item.rationale,
          domain: item.domain,
        });
      } else if (item.kind === 'invariant') {
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
      } else if (item.kind === 'assumption') {
        const a = await elf.recordAssumption({
          assumption: item.assumption,
          context: item.context,
          confidence: item.confidence,
          domain: item.domain,
        });
        if (item.status !== 'active')
          await elf.db.updateTable('assumptions').set({ status: item.status }).where('id', '=', a.id).execute();
      } else if (item.kind === 'spike') {
        await elf.recordSpikeReport({
          title: item.title,
          topic: item.topic,
          question: item.question,
          findings: item.findings,
          domain: item.domain,
        });
      }
    }
  } finally {
    await elf.close();
  }
}
