import { vitestPreset } from '@elf/vitest-config';
import { defineConfig } from 'vitest/config';

// The sources use the version tsup writes into the bundle.
export default defineConfig({ ...vitestPreset('server'), define: { __ELF_VERSION__: JSON.stringify('0.0.0-test') } });
