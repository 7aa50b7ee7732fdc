import { commonMessages } from './common-messages';
import type { Messages } from './messages';
import { dashboardMessages } from '../pages/dashboard/messages';
import { targetsMessages } from '../pages/targets/messages';
import { plansMessages } from '../pages/plans/messages';

/**
 * Every namespace of strings, one line per feature. A page adds its `messages.ts` here and
 * reads it with `useTranslation('<namespace>')`.
 */
export const NAMESPACES = {
  common: commonMessages,
  dashboard: dashboardMessages,
  targets: targetsMessages,
  plans: plansMessages,
} satisfies Record<string, Messages>;

/** The name of a namespace. */
export type Namespace = keyof typeof NAMESPACES;
