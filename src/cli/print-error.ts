/**
 * The one place the `gongwei` command turns an error into what the user reads: one line on
 * standard error and an exit code. A {@link GongweiError} prints its message; anything else
 * is a bug and prints its first line (the stack with GONGWEI_DEBUG=1).
 */
import { CommanderError } from 'commander';
import { GongweiError } from '../domain/gongwei-error.js';

/** Where the printed line goes (standard error in the command, a buffer in tests). */
export interface ErrorOutput {
  write(text: string): unknown;
}

/**
 * Prints `error` for a person at a terminal and returns the exit code: commander's own
 * code for a usage error (commander has printed it), 1 for everything else.
 *
 * @example
 * process.exitCode = printError(error, process.stderr, process.env.GONGWEI_DEBUG !== undefined);
 */
export function printError(error: unknown, out: ErrorOutput, debug = false): number {
  if (error instanceof CommanderError) return error.exitCode;
  const message = error instanceof Error ? error.message : String(error);
  out.write(`gongwei: ${message.split('\n')[0]}\n`);
  if (error instanceof GongweiError && error.issues.length > 1)
    for (const issue of error.issues) out.write(`  ${issue.field}: ${issue.message}\n`);
  if (debug && error instanceof Error && !(error instanceof GongweiError)) out.write(`${error.stack}\n`);
  return 1;
}
