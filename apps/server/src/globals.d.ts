/** The package version, replaced at build time (tsup `define`). */
declare const __ELF_VERSION__: string;
