/**
 * Rule `uncontrolled_without_guidance` (控制不满意无指导): a hypertension or diabetes
 * follow-up judged uncontrolled with no guidance or referral recorded.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { SqlDialect } from '../../../db/database.js';
import { serviceUncontrolledUnguided } from '../../../db/migrations/024-service-practice-suspects.js';
import { CHRONIC_FOLLOWUPS, type AuditWindow } from '../../../domain/audits/vocabulary.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule, serviceFinding, ServiceTypes } from './audit-rule.js';
import { inWindow, selectServices, type ServiceRow } from './candidate-repository.js';

const parameters = z.object({
  serviceTypes: ServiceTypes.default([...CHRONIC_FOLLOWUPS]).describe(
    '检查的随访类型 / the follow-up service types examined',
  ),
});

/**
 * Follow-ups of `types` judged uncontrolled (`controlled = 0`) with guidance 0 or missing:
 * the rows of the partial index of migration 024 (of any type), not every follow-up of the
 * window.
 */
export async function selectUncontrolledWithoutGuidance(
  h: Handle,
  dialect: SqlDialect,
  types: readonly string[],
  scope: OrgScope,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  if (types.length === 0) return [];
  return selectServices(
    h,
    sql<SqlBool>`${serviceUncontrolledUnguided('s')} and ${uncontrolledCondition(types, scope, w)}`,
    dialect.tableThroughIndex('services', 's', 'services_uncontrolled_unguided'),
  );
}

/** The rule's condition on `services s`. */
function uncontrolledCondition(
  types: readonly string[],
  scope: OrgScope,
  w: AuditWindow,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`s.type in (${sql.join(types)}) and s.controlled = 0 and (s.guidance is null or s.guidance = 0)
      and ${inWindow(w, 's.service_date')} and ${rowsInScope(scope, { county: 's.county_code', org: 's.org_code' })}`;
}

/** {@link selectUncontrolledWithoutGuidance} reading every follow-up of the window: the reference the index is tested against. */
export async function selectUncontrolledByScan(
  h: Handle,
  types: readonly string[],
  scope: OrgScope,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  if (types.length === 0) return [];
  return selectServices(h, uncontrolledCondition(types, scope, w));
}

/** Rule `uncontrolled_without_guidance`. */
export const uncontrolledWithoutGuidance = judgedRule({
  id: 'uncontrolled_without_guidance',
  name: { zh: '控制不满意无指导', en: 'Uncontrolled without guidance' },
  description: {
    zh: '高血压、糖尿病患者随访控制不满意，但未记录健康指导意见或针对性就诊建议（转诊）。',
    en: 'Hypertension or diabetes follow-up judged uncontrolled with no guidance or referral recorded.',
  },
  severities: { warning: { zh: '无指导意见', en: 'no guidance' } },
  subject: 'service',
  parameters,
  candidates: (h, { scope, window, dialect }, p) =>
    selectUncontrolledWithoutGuidance(h, dialect, p.serviceTypes, scope, window),
  judge: (rows) =>
    rows.map((s) =>
      serviceFinding(s, 'warning', {
        sbp: s.values.sbp,
        dbp: s.values.dbp,
        fastingGlucose: s.values.fasting_glucose,
        guidance: s.guidance,
      }),
    ),
});
