import { budgetLimits } from '@elf/context';
import { limits } from '@elf/core';
import { z } from 'zod';

// The bounds the model is told in each tool's schema are core's and context's own, so the
// advertised schema and the validation that stores the data never disagree.

export { budgetLimits, limits };

/** A result budget in tokens: the builder's range. */
export const budget = (fallback: number) =>
  z
    .number()
    .int()
    .min(budgetLimits.min)
    .max(budgetLimits.max)
    .default(fallback)
    .describe(`Most tokens the answer may use (default ${fallback})`);

export const domain = z
  .string()
  .min(1)
  .max(limits.domain)
  .optional()
  .describe('Area of knowledge, e.g. "testing", "auth"');

export const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);

export const optionalText = (max: number, what: string) => z.string().max(max).optional().describe(what);

export const tags = z.array(z.string().min(1).max(limits.tag)).max(limits.tags).optional().describe('Keywords');

export const heuristicId = z.number().int().min(1).describe('The heuristic’s id (shown as #id)');
