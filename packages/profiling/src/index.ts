export { seededRandom } from '@elf/core';
export { type CaseDelta, compareReports, type RatioLimits, ratioRegressions } from './bench/compare.js';
export {
  type BenchCase,
  type BenchOptions,
  type BenchReport,
  benchCaseNames,
  referenceCase,
  runBenchmark,
} from './bench/run-benchmark.js';
export { percentile } from './bench/statistics.js';
export { type ColdCommand, type ColdStartCase, type ColdStartReport, measureColdStart } from './cold-start.js';
export {
  compareWithOriginal,
  type OriginalComparison,
  type OriginalComparisonOptions,
  originalQueryPy,
} from './compare-original.js';
export {
  type DatasetOptions,
  type DatasetSize,
  type DatasetSummary,
  datasetDomains,
  datasetSizes,
  generateDataset,
} from './dataset/generate.js';
export { zipfSampler } from './dataset/random.js';
export {
  defaultAllowedSorts,
  type ExplainedQuery,
  type ExplainReport,
  explainHotQueries,
  scannedTable,
  tableAliases,
} from './explain.js';
export { inMegabytes, type MemoryReport, measureMemory } from './memory.js';
export {
  createQueryProfiler,
  type ProfileSummary,
  parameterShape,
  type QueryProfiler,
  type SlowQuery,
  type StatementProfile,
} from './query-profiler.js';
export { carriesItem } from './repeat-mistakes/lesson-match.js';
export {
  originalPromptContext,
  originalTaskContext,
  type SelectedContext,
} from './repeat-mistakes/original-style.js';
export { injectedText, type ReplayStep, sessionSteps } from './repeat-mistakes/payloads.js';
export {
  type Injection,
  type LessonItem,
  type ReplayOptions,
  replayScenario,
  type ScenarioRecord,
  type SessionRecord,
} from './repeat-mistakes/replay-scenario.js';
export {
  loadScenarios,
  type RepeatMistakesOptions,
  type RepeatMistakesReport,
  reportOf,
  runRepeatMistakes,
  type SessionOutcome,
  sliceScenarios,
} from './repeat-mistakes/run-repeat-mistakes.js';
export {
  parseScenarioFile,
  type Scenario,
  type ScenarioEvent,
  type ScenarioSession,
} from './repeat-mistakes/scenario.js';
export { type SelectorName, type SelectorScore, scoreSelector, selectorNames } from './repeat-mistakes/score.js';
