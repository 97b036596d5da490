/** Files that agents read on their own: Claude Code, the AGENTS.md convention, Cursor's rules. */
export const goldenTargets = ['claude-md', 'agents-md', 'cursor'] as const;
export type GoldenTarget = (typeof goldenTargets)[number];

/** Relative to the project root. */
export const defaultTargetFiles: Record<GoldenTarget, string> = {
  'claude-md': 'CLAUDE.md',
  'agents-md': 'AGENTS.md',
  cursor: '.cursor/rules/elf-golden-rules.mdc',
};
