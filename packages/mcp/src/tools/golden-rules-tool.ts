import { z } from 'zod';
import { goldenRulesText } from '../render/golden-rules.js';
import { budget, domain } from './limits.js';
import { defineTool, readOnly } from './tool-spec.js';

export const goldenRulesTool = defineTool({
  name: 'elf_golden_rules',
  title: 'Golden rules',
  description:
    'At the start of work: the proven rules that always apply here. Also readable as resource elf://golden-rules.',
  input: z.strictObject({ domain, budget: budget(800) }),
  annotations: { ...readOnly, idempotentHint: true, title: 'Golden rules' },
  run: async (args, env) => ({ text: await goldenRulesText(env.elf, args.budget, args.domain) }),
});
