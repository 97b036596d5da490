import { join } from 'node:path';
import { afterTest, tempDir } from './temp-dir.js';
import { TestClock } from './test-clock.js';

interface Closable {
  close(): Promise<void>;
}

/**
 * What the helper needs of ELF's `Elf` class. The caller passes its own class in, because this
 * package may not depend on @elf/core: core's own tests use it.
 */
export interface ElfOpener<Options, Opened extends Closable> {
  open(options: Options): Promise<Opened>;
}

export interface TempElf<Opened> {
  elf: Opened;
  /** The clock the Elf was opened with: a TestClock unless the options brought another. */
  clock: TestClock;
  path: string;
}

/**
 * Opens an Elf on `elf.db` in a fresh temp dir with a fixed clock (both unless `options` say
 * otherwise), and closes it after the test, before the directory is removed.
 */
export async function openTempElf<Options extends { path: string }, Opened extends Closable>(
  Elf: ElfOpener<Options, Opened>,
  options: Omit<Options, 'path'> & { path?: string | undefined },
): Promise<TempElf<Opened>> {
  const given = (options as { clock?: unknown }).clock as TestClock | undefined;
  const clock = given ?? new TestClock();
  const path = options.path ?? join(tempDir(), 'elf.db');
  const elf = await Elf.open({ ...options, path, clock } as unknown as Options);
  // A test that closes the Elf itself makes this second close fail; that is not the test's failure.
  afterTest(() => elf.close().catch(() => undefined));
  return { elf, clock, path };
}
