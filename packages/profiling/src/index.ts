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
