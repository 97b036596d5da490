/**
 * A whole-number flag within bounds, or INVALID_INPUT naming the field (shown as its flag):
 * `--keep: must be an integer from 1 to 1000 (got "x")`.
 */
export async function integerOption(value: string, field: string, min: number, max: number): Promise<number> {
  const n = Number(value);
  if (value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) return n;
  const { ElfError } = await import('@elf/core');
  throw new ElfError(
    'INVALID_INPUT',
    `${field}: must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`,
    {
      field,
    },
  );
}

/** A positional id: a positive integer, or INVALID_INPUT naming the argument (`id: must be …`). */
export const positiveId = (value: string | undefined, field = 'id') =>
  integerOption(value ?? '', field, 1, Number.MAX_SAFE_INTEGER);
