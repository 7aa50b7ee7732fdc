import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { registerOrgRoutes } from '../modules/orgs/routes.js';
import { registerHealthRoute } from './health.js';
import { registerIdRoutes } from '../modules/id-number/routes.js';
import { registerBulletinRoutes } from '../modules/bulletins/routes.js';
import { registerAuditRoutes } from '../modules/audits/routes.js';
import { registerTargetRoutes } from '../modules/targets/routes.js';
import { registerIndicatorRoutes } from '../modules/indicators/routes.js';
import { registerRecordRoutes } from '../modules/records/routes.js';
import { registerAccessTrailRoutes } from '../modules/access-trail/routes.js';
import { registerAccountRoutes } from '../modules/accounts/routes.js';
import { registerImportRoutes } from '../modules/import/routes.js';
import { registerResidentLookupRoutes } from '../modules/records/lookup-routes.js';
import { registerAssessmentRoutes } from '../modules/assessment/routes.js';
import { registerEntryRoutes } from '../modules/records/entry-routes.js';
import { registerDueRoutes } from '../modules/due/routes.js';
import { registerFundingRoutes } from '../modules/funding/routes.js';
import { registerContractRoutes } from '../modules/contracts/routes.js';
import { registerReportedRoutes } from '../modules/reported/routes.js';

/** A module's REST routes, mounted under /api. */
export type RouteRegistration = (api: FastifyInstance, db: Db) => Promise<void>;

/** Each feature module contributes its routes here, one line per module. */
export const routeRegistrations: readonly RouteRegistration[] = [
  registerHealthRoute,
  registerOrgRoutes,
  registerIdRoutes,
  registerBulletinRoutes,
  registerAuditRoutes,
  registerTargetRoutes,
  registerRecordRoutes,
  registerIndicatorRoutes,
  registerAccessTrailRoutes,
  registerAccountRoutes,
  registerImportRoutes,
  registerResidentLookupRoutes,
  registerAssessmentRoutes,
  registerEntryRoutes,
  registerDueRoutes,
  registerFundingRoutes,
  registerContractRoutes,
  registerReportedRoutes,
];
