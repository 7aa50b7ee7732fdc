import type { Command } from 'commander';
import { commandRegistrations } from './commands.js';
import { packageVersion } from './package-version.js';

/**
 * Makes `program` the `gongwei` command: description, `--version`, usage errors that name
 * the unknown or misspelt option or command with a suggestion ("Did you mean --db?")
 * followed by a one-line hint rather than the whole help, and every module's commands.
 * main.ts runs it; tests pass it to runCli (test/run-cli.ts) to run the real program.
 *
 * @example
 * const program = new Command('gongwei').exitOverride();
 * configureGongwei(program);
 * await program.parseAsync(process.argv);
 */
export function configureGongwei(program: Command): void {
  program
    .description(
      '公卫 Gongwei — National Basic Public Health Services: records, indicators, targets, audits, bulletins',
    )
    .version(packageVersion(), '-V, --version', 'print the version | 显示版本号')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(用 --help 查看命令和选项 | --help lists the commands and options)');
  for (const register of commandRegistrations) register(program);
}
