import type { Command } from 'commander';
import { registerImportCommand } from '../modules/import/cli.js';
import { registerDemoCommand } from '../modules/demo/cli.js';
import { registerServeCommands } from '../server/serve-command.js';
import { registerInitCommand } from './init-command.js';
import { registerOrgCommands } from '../modules/orgs/cli.js';
import { registerIdCommands } from '../modules/id-number/cli.js';
import { registerAuditCommands } from '../modules/audits/cli.js';
import { registerBulletinCommands } from '../modules/bulletins/cli.js';
import { registerTargetCommands } from '../modules/targets/cli.js';
import { registerIndicatorCommands } from '../modules/indicators/cli.js';
import { registerAccessLogCommands } from '../modules/access-trail/cli.js';
import { registerAccountCommands } from '../modules/accounts/cli.js';
import { registerBackupCommands } from '../modules/backup/cli.js';
import { registerAssessmentCommands } from '../modules/assessment/cli.js';
import { registerDueCommands } from '../modules/due/cli.js';
import { registerFundingCommands } from '../modules/funding/cli.js';
import { registerContractCommands } from '../modules/contracts/cli.js';
import { registerReportedCommands } from '../modules/reported/cli.js';

/** Each feature module contributes its sub-commands here, one line per module. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [
  registerInitCommand,
  registerServeCommands,
  registerOrgCommands,
  registerDemoCommand,
  registerIdCommands,
  registerAuditCommands,
  registerBulletinCommands,
  registerTargetCommands,
  registerIndicatorCommands,
  registerImportCommand,
  registerAccessLogCommands,
  registerAccountCommands,
  registerBackupCommands,
  registerAssessmentCommands,
  registerDueCommands,
  registerFundingCommands,
  registerContractCommands,
  registerReportedCommands,
];
