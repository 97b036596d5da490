import { describe, expect, it } from 'vitest';
import { elfHookCommand, elfHookCommandParts, isElfHookCommand, shellWords } from './hook-command.js';

const command = elfHookCommand('/usr/bin/node', '/opt/elf/node_modules/@elf/cli/dist/bin.js');

describe('isElfHookCommand', () => {
  it('recognises ELF’s hook however it was installed, and nothing else', () => {
    expect(isElfHookCommand(command)).toBe(true);
    expect(isElfHookCommand('elf hook')).toBe(true);
    expect(isElfHookCommand('/usr/local/bin/elf hook --prompt-tokens 500')).toBe(true);
    expect(isElfHookCommand('npx @elf/cli hook')).toBe(true);
    expect(isElfHookCommand('npx -y @elf/cli@1.2.0 hook')).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the plugin's command, which Claude Code expands
    expect(isElfHookCommand('node "${CLAUDE_PLUGIN_ROOT}/dist/bin.js" hook')).toBe(true);
    expect(isElfHookCommand('node C:\\Users\\me\\node_modules\\@elf\\cli\\dist\\bin.js hook')).toBe(true);
    // A development checkout is recognised when it is this install's own command.
    const dev = '"/n/node" "/home/me/src/elf/apps/cli/dist/bin.js" hook';
    expect(isElfHookCommand(dev)).toBe(false);
    expect(isElfHookCommand(dev, dev)).toBe(true);
    // Whole path segments only: other people's tools are never taken for ELF.
    expect(isElfHookCommand('node /home/shelf/tools/dist/bin.js hook')).toBe(false);
    expect(isElfHookCommand('node /srv/myself/dist/bin.js hook')).toBe(false);
    expect(isElfHookCommand('node /work/monorepo/apps/cli/dist/bin.js hook')).toBe(false);
    expect(isElfHookCommand('/opt/delfina/elf-tools hook')).toBe(false);
    expect(isElfHookCommand('git hook')).toBe(false);
    expect(isElfHookCommand('npx husky hook')).toBe(false);
    expect(isElfHookCommand('elf query --domain hook')).toBe(false);
    expect(isElfHookCommand(42)).toBe(false);
  });

  it('recognises the snapshot form by its launcher, and this install in either form', () => {
    const dev = '"/n/node" "/home/me/src/elf/apps/cli/dist/bin.js" hook';
    const snapshotted = elfHookCommand(
      '/n/node',
      '/home/me/src/elf/apps/cli/dist/bin.js',
      '/home/me/.elf/cache/elf-hook.blob',
    );
    expect(isElfHookCommand(snapshotted, dev)).toBe(true);
    expect(isElfHookCommand(dev, snapshotted)).toBe(true);
    expect(isElfHookCommand(snapshotted)).toBe(false); // a checkout's, seen from another install
    const published = elfHookCommand(
      '/n/node',
      '/opt/lib/node_modules/@elf/cli/dist/bin.js',
      '/h/.elf/cache/elf-hook.blob',
    );
    expect(isElfHookCommand(published)).toBe(true);
    // The `hook` after the snapshot's `--` is not a launcher: someone else's snapshot stays theirs.
    expect(isElfHookCommand('node --snapshot-blob /x/other.blob -- hook')).toBe(false);
  });

  it('builds the snapshot command with a plain fallback, and reads its parts back', () => {
    const snapshotted = elfHookCommand('/usr/bin/node', '/opt/elf/bin.js', '/h/a b/elf-hook.blob');
    expect(snapshotted).toBe(
      '[ -r "/h/a b/elf-hook.blob" ] && "/usr/bin/node" --no-opt --no-sparkplug --snapshot-blob "/h/a b/elf-hook.blob" -- hook || exec "/usr/bin/node" "/opt/elf/bin.js" hook --snapshot "/h/a b/elf-hook.blob"',
    );
    expect(elfHookCommandParts(snapshotted)).toEqual({
      node: '/usr/bin/node',
      bin: '/opt/elf/bin.js',
      snapshot: '/h/a b/elf-hook.blob',
    });
    expect(elfHookCommandParts(elfHookCommand('/usr/bin/node', '/opt/elf/bin.js'))).toEqual({
      node: '/usr/bin/node',
      bin: '/opt/elf/bin.js',
    });
    expect(elfHookCommand('/n', '/b', '/c/$HOME`x`"q"')).toContain('"/c/\\$HOME\\`x\\`\\"q\\""');
  });

  it('splits shell words with quotes', () => {
    expect(shellWords(`"a b" 'c d' e\\ f "g\\"h"`)).toEqual(['a b', 'c d', 'e\\', 'f', 'g"h']);
  });
});
