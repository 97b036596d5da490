export { type HeldLock, type HoldWriteLockOptions, holdWriteLock } from './lock-holder.js';
export { afterTest, tempDir } from './temp-dir.js';
export { type ElfOpener, openTempElf, type TempElf } from './temp-elf.js';
export { fixedNow, TestClock } from './test-clock.js';
