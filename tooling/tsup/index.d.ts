import type { Options } from 'tsup';
export declare function libraryPreset(overrides?: Partial<Options>): Options;
export declare function appBundlePreset(options?: { external?: string[] } & Partial<Options>): Options;
export declare function bootPreset(overrides?: Partial<Options>): Options;
