import { vitestPreset } from '@elf/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig(vitestPreset('mcp'));
