import { Elf, type ElfOptions } from '@elf/core';
import { fixedNow, openTempElf } from '@elf/test-support';

/** The instant the test Elf's clock shows, for backups and health checks made "now". */
export const now = new Date(fixedNow);

/** An Elf on a fresh database file with global knowledge only, closed and removed after the test. */
export async function openElf(options: Partial<ElfOptions> = {}): Promise<Elf> {
  const { elf } = await openTempElf(Elf, { projectPath: null, ...options });
  return elf;
}

/** A small database with every kind of knowledge and every kind of link. */
export async function seedEverything(elf: Elf): Promise<void> {
  const old = await elf.recordHeuristic({ domain: 'git', rule: 'Merge with --no-ff', confidence: 0.4 });
  const rule = await elf.recordHeuristic({
    domain: 'git',
    rule: 'Rebase feature branches before merging',
    confidence: 0.8,
    explanation: 'linear history',
  });
  await elf.db
    .updateTable('heuristics')
    .set({ status: 'superseded', superseded_by: rule.id })
    .where('id', '=', old.id)
    .execute();
  await elf.db.updateTable('heuristics').set({ is_golden: 1, times_validated: 11 }).where('id', '=', rule.id).execute();
  await elf.recordLearning({
    type: 'failure',
    title: 'Force-push wiped a teammate’s commits',
    domain: 'git',
    tags: 'git,history',
    summary: 'Recovered from reflog.',
  });
  await elf.recordLearning({ type: 'success', title: 'Bisect found the regression in 7 steps', domain: 'git' });
  const first = await elf.recordDecision({
    title: 'Squash merges',
    context: 'noise',
    decision: 'squash',
    rationale: 'clean log',
  });
  const second = await elf.recordDecision({
    title: 'Rebase merges',
    context: 'bisectable history',
    decision: 'rebase',
    rationale: 'keep commits',
  });
  await elf.db
    .updateTable('decisions')
    .set({ status: 'superseded', superseded_by: second.id })
    .where('id', '=', first.id)
    .execute();
  await elf.recordInvariant({ statement: 'main is always green', rationale: 'deploys from main' });
  await elf.recordAssumption({ assumption: 'Everyone runs git >= 2.40', confidence: 0.7 });
  await elf.recordSpikeReport({
    title: 'git worktrees',
    topic: 'git',
    question: 'per-branch checkouts?',
    findings: 'one .git, many trees',
    tags: 'git',
  });
  const experiment = await elf.recordExperiment({ name: 'merge-queue', hypothesis: 'fewer broken mains' });
  await elf.recordCycle({ experiment_id: experiment.id, try_summary: 'enabled the queue', heuristic_id: rule.id });
  await elf.recordCeoReview({ title: 'Require signed commits?' });
  await elf.recordViolation({ rule_id: rule.id, rule_name: 'Rebase first', description: 'merged a stale branch' });
}
