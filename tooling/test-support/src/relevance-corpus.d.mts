export interface CorpusItem {
  key: string;
  kind: 'heuristic' | 'learning' | 'decision' | 'invariant' | 'assumption' | 'spike';
  [field: string]: unknown;
}
/** A must-have item's key, or a group of near-duplicates of which any one counts. */
export type Relevant = string | string[];
export interface CorpusTask {
  id: string;
  task: string;
  relevant: Relevant[];
}
export interface Corpus {
  description: string;
  domains: string[];
  items: CorpusItem[];
  tasks: CorpusTask[];
  /** More labelled tasks of the same kind, not in the headline figures (the hard corpus). */
  extra_tasks?: CorpusTask[];
}
export type CorpusName = 'standard' | 'hard';
export interface SeedOptions {
  now: Date;
  /** null = global, a path = that project, undefined = the Elf's own project (as `elf record` does). */
  scopeOf?: (index: number) => string | null | undefined;
  beforeItem?: (index: number) => void;
  golden?: (item: CorpusItem) => boolean;
  force?: boolean;
  learningOffsetMs?: number;
}
export const corpusUrl: URL;
export const hardCorpusUrl: URL;
export function loadCorpus(name?: CorpusName): Corpus;
export function seedCorpus(
  elf: unknown,
  corpus: Corpus,
  options: SeedOptions,
): Promise<{ byKey: Map<string, string>; byRef: Map<string, string> }>;
