import type { Elf, RecordHeuristicInput } from '@elf/core';
import { scopeText } from '../../format/text.js';
import { recordSubcommand } from './record-subcommand.js';

/**
 * `elf record heuristic --domain --rule [--explanation] [--confidence] [--source] [--category] [--global|--project] [--force]`.
 * Global unless --project (or the record.default-scope setting); where it was learned is kept
 * either way. A rule that nearly repeats an active one of its domain reinforces that one instead
 * (unless --force).
 */
export const registerHeuristicCommand = recordSubcommand({
  name: 'heuristic',
  description: 'record a rule of thumb with a confidence; applies in every project unless --project',
  required: [
    ['domain', '--domain <domain>', 'area it applies to'],
    ['rule', '--rule <text>', 'the rule, e.g. "Always run the tests before committing" (≤ 500)'],
  ],
  optional: [
    ['explanation', '--explanation <text>', 'why it holds (≤ 5,000 characters)'],
    ['confidence', '--confidence <value>', '0..1 or low|medium|high', '0.5'],
    ['source', '--source <type>', 'where it came from: failure|success|observation|manual', 'observation'],
    ['category', '--category <name>', 'golden-rule category, e.g. core'],
  ],
  switches: [
    ['--global', 'apply in every project (the default unless `elf config set record.default-scope project`)'],
    ['--project', 'apply only in the current project', 'global'],
    ['--force', 'add it even when an active heuristic of the domain nearly repeats it'],
  ],
  record: async (
    elf: Elf,
    input: RecordHeuristicInput,
    opts: { global?: boolean; project?: boolean; force?: boolean },
  ) => {
    const scope = opts.project ? 'project' : opts.global ? 'global' : undefined;
    const { mergedInto, previousConfidence, ...row } = await elf.recordHeuristic({
      ...input,
      ...(scope ? { scope } : {}),
      force: opts.force === true,
    });
    return mergedInto !== undefined
      ? { ...row, merged_into: mergedInto, previous_confidence: previousConfidence }
      : { ...row, merged_into: null };
  },
  text: (h) =>
    h.merged_into !== null
      ? `merged into #${h.merged_into} (confidence ${h.previous_confidence} → ${h.confidence})`
      : `recorded heuristic #${h.id} [${h.domain}] (${scopeText(h)})`,
  countTokens: true,
});
