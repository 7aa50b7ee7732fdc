/**
 * Rule `arm_bp_difference` (左右侧血压差异): left and right systolic BP of a check-up
 * differing by more than 10 mmHg; above 20 mmHg re-measure the next day and, if confirmed,
 * advise a doctor's visit.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { SqlDialect } from '../../../db/database.js';
import {
  ARM_DIFFERENCE_OVER,
  serviceArmDifference,
} from '../../../db/migrations/024-service-practice-suspects.js';
import { armBpSeverity, type DraftFinding } from '../../../domain/audits/classify.js';
import type { AuditWindow } from '../../../domain/audits/vocabulary.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule, serviceFinding } from './audit-rule.js';
import { inWindow, selectServices, type ServiceRow } from './candidate-repository.js';

const parameters = z
  .object({
    flagOver: z
      .number()
      .min(0)
      .default(10)
      .describe(
        '左右收缩压差大于此值即为问题（mmHg） / |left − right systolic| above this is a finding (mmHg)',
      ),
    remeasureOver: z
      .number()
      .min(0)
      .default(20)
      .describe(
        '大于此值应隔天重测并建议就诊（mmHg） / above this: re-measure the next day, and if confirmed advise a doctor (mmHg)',
      ),
  })
  .refine((p) => p.remeasureOver >= p.flagOver, {
    path: ['flagOver'],
    message: 'need 0 ≤ flagOver ≤ remeasureOver',
  });

/**
 * Services whose left and right systolic differ by more than `over` mmHg. From `over` = 10
 * up, every such service is a row of the partial index of migration 024, which the query
 * reads instead of every service of the window; below, it reads them all
 * ({@link selectArmBpByScan}).
 */
export async function selectArmBpCandidates(
  h: Handle,
  dialect: SqlDialect,
  over: number,
  scope: OrgScope,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  if (over < ARM_DIFFERENCE_OVER) return selectArmBpByScan(h, over, scope, w);
  return selectServices(
    h,
    sql<SqlBool>`${serviceArmDifference('s')} and ${armBpCondition(over, scope, w)}`,
    dialect.tableThroughIndex('services', 's', 'services_arm_difference'),
  );
}

/** The rule's condition on `services s`: both systolic readings, differing by more than `over`, in the window and scope. */
function armBpCondition(over: number, scope: OrgScope, w: AuditWindow): RawBuilder<SqlBool> {
  // Cast: PostgreSQL types the parameter after the integer readings and refused 10.5.
  return sql<SqlBool>`s.sbp is not null and s.sbp_right is not null and abs(s.sbp - s.sbp_right) > cast(${over} as real)
      and ${inWindow(w, 's.service_date')} and ${rowsInScope(scope, { county: 's.county_code', org: 's.org_code' })}`;
}

/**
 * {@link selectArmBpCandidates} reading every service of the window: for a threshold under
 * the index's, and the reference the index is tested against.
 */
export function selectArmBpByScan(
  h: Handle,
  over: number,
  scope: OrgScope,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  return selectServices(h, armBpCondition(over, scope, w));
}

/** Rule `arm_bp_difference`. */
export const armBpDifference = judgedRule({
  id: 'arm_bp_difference',
  name: { zh: '左右侧血压差异', en: 'Arm BP difference' },
  description: {
    zh: '体检记录左右侧收缩压相差大于10mmHg；大于20mmHg的应隔天重测，数据准确的应建议就诊。',
    en: 'Left and right systolic BP differ by more than 10 mmHg; above 20 mmHg re-measure the next day and, if confirmed, advise a doctor’s visit.',
  },
  severities: {
    warning: { zh: '相差大于10mmHg', en: 'over 10 mmHg' },
    error: {
      zh: '相差大于20mmHg，隔天重测并建议就诊',
      en: 'over 20 mmHg: re-measure next day, advise a doctor',
    },
  },
  subject: 'service',
  parameters,
  candidates: (h, { scope, window, dialect }, p) =>
    selectArmBpCandidates(h, dialect, p.flagOver, scope, window),
  judge(rows, p): DraftFinding[] {
    const out: DraftFinding[] = [];
    for (const s of rows) {
      const severity = armBpSeverity(s.values.sbp!, s.values.sbp_right!, p);
      if (!severity) continue;
      out.push(
        serviceFinding(s, severity, {
          sbp: s.values.sbp,
          sbpRight: s.values.sbp_right,
          difference: Math.abs(s.values.sbp! - s.values.sbp_right!),
          action: severity === 'error' ? 'remeasure_next_day_and_advise_doctor' : 'check',
        }),
      );
    }
    return out;
  },
});
