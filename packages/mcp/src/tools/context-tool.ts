import { requestContext } from '@elf/hooks';
import { z } from 'zod';
import { budget, domain, limits } from './limits.js';
import { defineTool, readOnly } from './tool-spec.js';

export const contextTool = defineTool({
  name: 'elf_context',
  title: 'Knowledge for a task',
  description:
    'Before starting a task or when stuck: the failures, rules and decisions ELF remembers that are relevant to it, ranked, within a token budget.',
  input: z.strictObject({
    task: z.string().trim().min(1).max(limits.queryText).describe('What you are about to do, or the symptom you see'),
    domain,
    budget: budget(1000),
  }),
  annotations: { ...readOnly, title: 'Knowledge for a task' },
  async run(args, env) {
    const injection = await requestContext(
      env.elf,
      env.session,
      { task: args.task, domain: args.domain ?? null, budget: args.budget },
      env.settings,
      env.loop,
    );
    // The builder's text ends with what it left out to stay within the budget, when it did.
    if (injection.items.length === 0) return { text: 'ELF knows nothing relevant to this task yet.' };
    return { text: injection.text.trimEnd() };
  },
});
