/** The CLI's version, injected at build time from package.json. */
declare const __ELF_VERSION__: string;
