import { z } from 'zod';
import { domain, limits, optionalText, tags, text } from './limits.js';
import { redactedNote, redactFields } from './redact.js';
import { additive, defineTool, type ToolEnv } from './tool-spec.js';

const learningInput = (what: string) =>
  z.strictObject({
    title: text(limits.title, `One line: ${what}`),
    summary: optionalText(limits.summary, 'What happened and why, what fixed it'),
    domain,
    severity: z.number().int().min(1).max(5).default(3).describe('1 (minor) to 5 (critical)'),
    tags,
    file: optionalText(4096, 'The file it concerns'),
  });

type LearningArgs = z.output<ReturnType<typeof learningInput>>;

async function recordLearning(type: 'failure' | 'success', args: LearningArgs, env: ToolEnv) {
  const { fields, redacted } = redactFields({
    title: args.title,
    summary: args.summary ?? null,
    tags: args.tags ?? [],
    filepath: args.file ?? null,
  });
  await env.beforeWrite();
  const learning = await env.elf.recordLearning({
    type,
    ...fields,
    domain: args.domain ?? 'general',
    severity: args.severity,
  });
  return { text: `Recorded ${type} #${learning.id} (${learning.domain}).${redactedNote(redacted)}` };
}

export const recordFailureTool = defineTool({
  name: 'elf_record_failure',
  title: 'Record a failure',
  description:
    'After a mistake or a dead end is understood: record it so no later session repeats it. Describe the symptom, the cause and the fix.',
  input: learningInput('the symptom and what caused it'),
  annotations: { ...additive, title: 'Record a failure' },
  run: (args, env) => recordLearning('failure', args, env),
});

export const recordSuccessTool = defineTool({
  name: 'elf_record_success',
  title: 'Record a success',
  description: 'After something non-obvious worked: record what worked and why, for later sessions.',
  input: learningInput('what worked'),
  annotations: { ...additive, title: 'Record a success' },
  run: (args, env) => recordLearning('success', args, env),
});

export const recordHeuristicTool = defineTool({
  name: 'elf_record_heuristic',
  title: 'Record a rule',
  description:
    'When you learn a reusable rule ("always X", "never Y when Z"): record it; a rule that keeps holding gains confidence and may become a golden rule.',
  input: z.strictObject({
    rule: text(limits.rule, 'The rule, one sentence'),
    explanation: optionalText(limits.explanation, 'Why it holds'),
    domain,
    confidence: z.number().min(0).max(1).default(0.5).describe('0 to 1 (default 0.5)'),
    project_only: z
      .boolean()
      .optional()
      .describe('Holds only in this project (default: the record.default-scope setting)'),
  }),
  annotations: { ...additive, title: 'Record a rule' },
  async run(args, env) {
    const { fields, redacted } = redactFields({ rule: args.rule, explanation: args.explanation ?? null });
    await env.beforeWrite();
    const recorded = await env.elf.recordHeuristic({
      ...fields,
      domain: args.domain ?? 'general',
      confidence: args.confidence,
      source: 'observation',
      ...(args.project_only !== undefined ? { scope: args.project_only ? 'project' : 'global' } : {}),
    });
    const how =
      recorded.mergedInto !== undefined ? `Reinforced the same rule #${recorded.id}` : `Recorded rule #${recorded.id}`;
    const facts = `${recorded.domain}, confidence ${recorded.confidence.toFixed(2)}`;
    return { text: `${how} (${facts}).${redactedNote(redacted)}` };
  },
});

export const recordDecisionTool = defineTool({
  name: 'elf_record_decision',
  title: 'Record a decision',
  description: 'After an architectural or design choice: record what was decided, in what situation, and why.',
  input: z.strictObject({
    title: text(limits.title, 'One line'),
    context: text(limits.longText, 'The situation that called for a decision'),
    decision: text(limits.longText, 'What was decided'),
    rationale: text(limits.longText, 'Why'),
    options: optionalText(limits.longText, 'Alternatives considered'),
    domain,
  }),
  annotations: { ...additive, title: 'Record a decision' },
  async run(args, env) {
    const { fields, redacted } = redactFields({
      title: args.title,
      context: args.context,
      decision: args.decision,
      rationale: args.rationale,
      options: args.options ?? null,
    });
    await env.beforeWrite();
    const decision = await env.elf.recordDecision({ ...fields, domain: args.domain ?? null });
    return { text: `Recorded decision #${decision.id}.${redactedNote(redacted)}` };
  },
});
