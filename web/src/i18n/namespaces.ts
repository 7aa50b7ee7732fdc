import { commonMessages } from './common-messages';
import type { Messages } from './messages';
import { dashboardMessages } from '../pages/dashboard/messages';
import { indicatorsMessages } from '../pages/indicators/messages';
import { auditsMessages } from '../pages/audits/messages';
import { bulletinsMessages } from '../pages/bulletins/messages';
import { importMessages } from '../pages/import/messages';
import { recordsMessages } from '../pages/records/messages';
import { adminMessages } from '../pages/admin/messages';
import { targetsMessages } from '../pages/targets/messages';
import { plansMessages } from '../pages/plans/messages';
import { assessmentMessages } from '../pages/assessment/messages';
import { entryMessages } from '../pages/entry/messages';
import { dueMessages } from '../pages/due/messages';
import { fundingMessages } from '../pages/funding/messages';
import { contractsMessages } from '../pages/contracts/messages';
import { reportedMessages } from '../pages/reported/messages';

/**
 * Every namespace of strings, one line per feature. A page adds its `messages.ts` here and
 * reads it with `useTranslation('<namespace>')`.
 */
export const NAMESPACES = {
  common: commonMessages,
  dashboard: dashboardMessages,
  indicators: indicatorsMessages,
  audits: auditsMessages,
  bulletins: bulletinsMessages,
  import: importMessages,
  records: recordsMessages,
  admin: adminMessages,
  targets: targetsMessages,
  plans: plansMessages,
  assessment: assessmentMessages,
  entry: entryMessages,
  due: dueMessages,
  funding: fundingMessages,
  contracts: contractsMessages,
  reported: reportedMessages,
} satisfies Record<string, Messages>;

/** The name of a namespace. */
export type Namespace = keyof typeof NAMESPACES;
