import { Command } from 'commander';
import { printError } from './print-error.js';
import { commandRegistrations } from './commands.js';

const program = new Command('gongwei')
  .description(
    '公卫 Gongwei — National Basic Public Health Services: records, indicators, targets, audits, bulletins',
  )
  .showHelpAfterError()
  .exitOverride();

for (const register of commandRegistrations) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = printError(error, process.stderr, process.env.GONGWEI_DEBUG !== undefined);
}
