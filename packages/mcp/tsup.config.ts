import { libraryPreset } from '@elf/tsup-config';
import { defineConfig } from 'tsup';

export default defineConfig(libraryPreset());
