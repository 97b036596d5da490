export { type HeldLock, type HoldWriteLockOptions, holdWriteLock } from './lock-holder.js';
export {
  assistantTurns,
  type ContentBlock,
  firstUserText,
  lastToolResults,
  type ModelMessage,
  type ModelRequest,
  requestText,
  type Script,
  type ScriptedModel,
  startScriptedModel,
  type Turn,
} from './scripted-model.js';
export { afterTest, tempDir } from './temp-dir.js';
export { type ElfOpener, openTempElf, type TempElf } from './temp-elf.js';
export { fixedNow, TestClock } from './test-clock.js';
