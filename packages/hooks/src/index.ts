export {
  elfHookCommand,
  elfHookCommandParts,
  hookV8Flags,
  isElfHookCommand,
  shellWords,
} from './claude-code/hook-command.js';
export { elfHookEvents, elfHookTimeout } from './claude-code/hook-events.js';
export {
  commandOnlyEvents,
  defaultElfHookUrl,
  type ElfHttpHook,
  elfHookRoute,
  elfHttpHandler,
  elfServerBase,
  isElfHookUrl,
  isLoopbackUrl,
  parseElfHookUrl,
  serverTokenEnv,
} from './claude-code/http-hook.js';
export { renderHookOutput } from './claude-code/render.js';
export { type ClaudeCodeHookOptions, runClaudeCodeHook } from './claude-code/run-hook.js';
export {
  type ElfHookStatus,
  elfHookStatus,
  installElfHooks,
  pluginHooksJson,
  type SettingsEdit,
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
export { type ContextRequest, requestContext } from './loop/context-request.js';
export type { Injection } from './loop/inject.js';
export { defaultHookSettings, type HookSettings, hookSettings } from './settings.js';
