import { Command } from 'commander';
import { printError } from './print-error.js';
import { configureGongwei } from './program.js';

const program = new Command('gongwei').exitOverride();
configureGongwei(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = printError(error, process.stderr, process.env.GONGWEI_DEBUG !== undefined);
}
