import { Readable } from 'node:stream';
import { Command } from 'commander';
import { vi } from 'vitest';

/** What one in-process run of `gongwei` printed, and what it threw (null when it succeeded). */
export interface CliRun {
  /** Everything written to standard output. */
  readonly out: string;
  /** Everything written to standard error (progress lines, warnings). */
  readonly err: string;
  /** The error the command threw: a `GongweiError`, or a `CommanderError` for a usage error. */
  readonly error: unknown;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Text the command reads as its standard input (for commands that take `-`). */
  readonly stdin?: string;
}

/**
 * Runs a module's commands in this process, the way `gongwei` would, without exiting it:
 * builds a `gongwei` program with `register`, throws instead of exiting, keeps commander's
 * own help and usage messages quiet, and captures standard output and standard error.
 * Tests of a module's `cli.ts` use it so that they check what the command prints and
 * refuses, while the use-cases behind it are tested on both dialects elsewhere.
 *
 * @param register adds the module's commands to the program (e.g. `registerOrgCommands`)
 * @param args the words after `gongwei`, as a user would type them
 * @example
 * const { out, error } = await runCli(registerOrgCommands, ['orgs', 'list', '--db', file]);
 * expect(error).toBeNull();
 */
export async function runCli(
  register: (program: Command) => void,
  args: readonly string[],
  options: RunCliOptions = {},
): Promise<CliRun> {
  const program = new Command('gongwei')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program);
  const out: string[] = [];
  const err: string[] = [];
  const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  if (options.stdin !== undefined)
    Object.defineProperty(process, 'stdin', { value: Readable.from([options.stdin]), configurable: true });
  let error: unknown = null;
  try {
    await program.parseAsync(['node', 'gongwei', ...args]);
  } catch (e) {
    error = e;
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
    if (options.stdin !== undefined) Object.defineProperty(process, 'stdin', stdin);
  }
  return { out: out.join(''), err: err.join(''), error };
}
