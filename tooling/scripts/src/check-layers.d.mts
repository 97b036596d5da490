export declare const allowedDependencies: Record<string, string[]>;
export declare function workspaceUnits(root: string): Array<{ name: string; dir: string; kind: 'package' | 'app' }>;
export declare function checkLayers(root: string): string[];
