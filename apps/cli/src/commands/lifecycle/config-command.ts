import type { Command } from 'commander';
import { type CliContext, handler } from '../../runtime/handler.js';
import { withElf } from '../../runtime/open-elf.js';
import { emit } from '../../runtime/output.js';

/** `elf config list|get|set` — the lifecycle settings, kept in the database every process opens. */
export function registerConfigCommand(program: Command, cli: CliContext): void {
  const config = program
    .command('config')
    .description('lifecycle settings: promotion mode, rate limit, decay, archive, default heuristic scope');

  config
    .command('list', { isDefault: true })
    .description('every setting with its value')
    .action(
      handler(cli, async (_opts, globals) => {
        const { listSettings } = await import('@elf/core');
        const settings = await withElf(cli.io, globals, (elf) => listSettings(elf.db));
        emit(cli.io, globals, { settings }, () =>
          settings.map((s) => `${s.key} = ${s.value}${s.default ? ' (default)' : ''}\n    ${s.help}`).join('\n'),
        );
      }),
    );

  config
    .command('get <key>')
    .description('one setting')
    .action(
      handler(cli, async (_opts, globals, command) => {
        const key = command.args[0] ?? '';
        const { listSettings, ElfError } = await import('@elf/core');
        const settings = await withElf(cli.io, globals, (elf) => listSettings(elf.db));
        const setting = settings.find((s) => s.key === key);
        if (!setting) {
          throw new ElfError(
            'INVALID_INPUT',
            `key: unknown setting "${key}" (one of ${settings.map((s) => s.key).join(', ')})`,
            {
              field: 'key',
            },
          );
        }
        emit(cli.io, globals, setting, () => setting.value);
      }),
    );

  config
    .command('set <key> <value>')
    .description('change a setting (checked first: a bad value changes nothing)')
    .action(
      handler(cli, async (_opts, globals, command) => {
        const [key = '', value = ''] = command.args;
        const { setSetting } = await import('@elf/core');
        const saved = await withElf(cli.io, globals, (elf) => setSetting(elf.core, key, value));
        emit(cli.io, globals, saved, () => `${saved.key} = ${saved.value}`);
      }),
    );
}
