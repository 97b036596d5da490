export declare const allowedDependencies: Record<string, string[]>;
export declare const silenceRules: Array<{ name: string; pattern: RegExp }>;
export interface SilenceException {
  /** Repository-relative path, with forward slashes. */
  file: string;
  /** One of silenceRules' names. */
  rule: string;
  why: string;
}
export declare const silenceExceptions: SilenceException[];
export declare function workspaceUnits(root: string): Array<{ name: string; dir: string; kind: 'package' | 'app' }>;
export declare function checkLayers(root: string, options?: { exceptions?: SilenceException[] }): string[];
