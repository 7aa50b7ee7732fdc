import { Command, CommanderError } from 'commander';
import { UserError } from './command-context.js';
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
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gongwei: ${message.split('\n')[0]}\n`);
    if (process.env.GONGWEI_DEBUG && error instanceof Error && !(error instanceof UserError)) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exitCode = 1;
  }
}
