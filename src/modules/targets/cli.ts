/**
 * The commands of the targets module (DESIGN C4): `gongwei targets …` (targets-cli.ts) and
 * `gongwei plan …` (plan-cli.ts).
 */
import type { Command } from 'commander';
import { registerPlanCommands } from './plan-cli.js';
import { registerTargetsCommands } from './targets-cli.js';

/**
 * Adds `gongwei targets set|list|decompose|parameter|progress` and `gongwei plan check|push|
 * checkpoint|history|schedule|schedules|unschedule|run-checkpoints` to the program.
 *
 * @example
 * registerTargetCommands(program) // then: gongwei targets set --org 620881 --indicator elderly.management_rate --year 2020
 */
export function registerTargetCommands(program: Command): void {
  registerTargetsCommands(program);
  registerPlanCommands(program);
}
