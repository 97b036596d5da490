export { elfHookEvents, elfHookTimeout } from './claude-code/hook-events.js';
export { renderHookOutput } from './claude-code/render.js';
export { type ClaudeCodeHookOptions, runClaudeCodeHook } from './claude-code/run-hook.js';
export {
  elfHookCommand,
  elfHookCommandParts,
  elfHookStatus,
  hookV8Flags,
  installElfHooks,
  isElfHookCommand,
  pluginHooksJson,
  type SettingsEdit,
  shellWords,
  uninstallElfHooks,
} from './claude-code/settings-edit.js';
export { type ClaudeCodeEvent, toAgentEvent } from './claude-code/to-event.js';
export { describeInput, subagentTools, trailFor } from './claude-code/tools.js';
export { claudeTranscript } from './claude-code/transcript.js';
export type {
  AgentEvent,
  AgentSession,
  EventResult,
  LoopEnvironment,
  PreCompactEvent,
  PromptEvent,
  Recorded,
  SessionEndEvent,
  SessionStartEvent,
  SubagentStartEvent,
  SubagentStopEvent,
  ToolOutcomeEvent,
  TrailSpec,
  TranscriptSource,
} from './events.js';
export { handleEvent } from './handle-event.js';
export { type GoldenRuleView, goldenRulesBlockBody } from './instructions/golden-rules-block.js';
export {
  goldenBlockEnd,
  goldenBlockStart,
  locateManagedBlock,
  managedBlockProblem,
  removeManagedBlock,
  upsertManagedBlock,
} from './instructions/managed-block.js';
export { defaultHookSettings, type HookSettings, hookSettings } from './settings.js';
