export interface CorpusItem {
  key: string;
  kind: 'heuristic' | 'learning' | 'decision' | 'invariant' | 'assumption' | 'spike';
  [field: string]: unknown;
}
export interface Corpus {
  description: string;
  domains: string[];
  items: CorpusItem[];
  tasks: Array<{ id: string; task: string; relevant: string[] }>;
}
export interface SeedOptions {
  now: Date;
  scopeOf?: (index: number) => string | null;
  beforeItem?: (index: number) => void;
  golden?: (item: CorpusItem) => boolean;
  force?: boolean;
  learningOffsetMs?: number;
}
export const corpusUrl: URL;
export function loadCorpus(): Corpus;
export function seedCorpus(
  elf: unknown,
  corpus: Corpus,
  options: SeedOptions,
): Promise<{ byKey: Map<string, string>; byRef: Map<string, string> }>;
