import type { Options } from 'tsup';
export declare function libraryPreset(overrides?: Partial<Options>): Options;
export declare function appPreset(options?: { external?: string[] } & Partial<Options>): Options;
