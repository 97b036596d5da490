/**
 * Runs a core call and, when it refuses a field that this command spells differently, names the
 * command's flag or argument instead (`--analyze: …` for core's `analysis: …`).
 */
export async function namingFlags<T>(run: () => Promise<T>, flags: Record<string, string>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const field = (error as { field?: unknown } | null)?.field;
    const flag = typeof field === 'string' ? flags[field] : undefined;
    if (error instanceof Error && typeof field === 'string' && flag && error.message.startsWith(`${field}:`)) {
      error.message = `${flag}${error.message.slice(field.length)}`;
    }
    throw error;
  }
}

/** INVALID_INPUT raised by the CLI itself, before anything is opened. */
export async function invalidInput(field: string, message: string): Promise<never> {
  const { ElfError } = await import('@elf/core');
  throw new ElfError('INVALID_INPUT', `${field}: ${message}`, { field });
}
