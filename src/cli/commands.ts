import type { Command } from 'commander';
import { registerServeCommands } from '../server/serve-command.js';

/** Each feature module contributes its sub-commands here, one line per module. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [registerServeCommands];
