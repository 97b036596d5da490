import type { Elf } from '@elf/core';

/**
 * Wraps a step on the database so that, when core refuses a field that this command spells
 * differently, the error names the command's flag or argument instead (`--analyze: …` for
 * core's `analysis: …`).
 */
export function namingFlags<T>(flags: Record<string, string>, step: (elf: Elf) => Promise<T>) {
  return async (elf: Elf): Promise<T> => {
    try {
      return await step(elf);
    } catch (error) {
      const field = (error as { field?: unknown } | null)?.field;
      const flag = typeof field === 'string' ? flags[field] : undefined;
      if (error instanceof Error && typeof field === 'string' && flag && error.message.startsWith(`${field}:`)) {
        error.message = `${flag}${error.message.slice(field.length)}`;
      }
      throw error;
    }
  };
}

/** INVALID_INPUT raised by the CLI itself, before anything is opened. */
export async function invalidInput(field: string, message: string): Promise<never> {
  const { ElfError } = await import('@elf/core');
  throw new ElfError('INVALID_INPUT', `${field}: ${message}`, { field });
}
