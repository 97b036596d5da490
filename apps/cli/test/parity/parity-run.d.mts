export interface ParityStep {
  run: string;
  cwd?: string;
  code: number;
  stdout: string;
  stderr: string;
}
export interface ParityRecord {
  steps: ParityStep[];
  knowledge: Record<string, { unchanged: number; changed: string[] }>;
}
export const corpusUrl: URL;
export function runParity(root: string, corpus: unknown): Promise<ParityRecord>;
