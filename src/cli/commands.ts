import type { Command } from 'commander';

/** Each feature module contributes its sub-commands here, one line per module. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [];
