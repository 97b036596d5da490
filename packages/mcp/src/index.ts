export { createElfMcpServer } from './elf-mcp-server.js';
export { instructions } from './instructions.js';
export type { ElfMcpOptions } from './options.js';
export { resources } from './resources.js';
export { elfTools, toolList } from './tools/all-tools.js';
