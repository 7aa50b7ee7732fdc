/**
 * Rule `digit_preference` (血压尾数偏好): a unit whose BP readings end in 0 or 5 too often,
 * or whose systolic readings crowd just under the control threshold of 140 mmHg.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { findingSubject, judgeDigitPreference, type DraftFinding } from '../../../domain/audits/classify.js';
import {
  CHRONIC_FOLLOWUPS,
  SBP_JUST_OVER_140,
  SBP_JUST_UNDER_140,
  type AuditWindow,
  type PlausibleRange,
} from '../../../domain/audits/vocabulary.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule, ServiceTypes } from './audit-rule.js';
import { inWindow } from './candidate-repository.js';

const parameters = z.object({
  serviceTypes: ServiceTypes.default([...CHRONIC_FOLLOWUPS, 'elderly_checkup']).describe(
    '检查血压读数的服务类型 / services whose BP readings are examined',
  ),
  unitLevel: z
    .union([z.literal(3), z.literal(4), z.literal(5)])
    .default(4)
    .describe(
      '单位的层级：3 县，4 乡镇（卫生院），5 村 / org level of a unit: 3 county, 4 township (health centre), 5 village',
    ),
  minReadings: z
    .number()
    .int()
    .min(1)
    .default(100)
    .describe('读数少于此数的单位不判断 / units with fewer BP readings than this are not judged'),
  zeroFiveShareOver: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe(
      '尾数为0或5的读数比例高于此值即标记（无偏约0.2） / share of readings ending in 0 or 5 above which a unit is flagged (unbiased ≈ 0.2)',
    ),
  below140RatioOver: z
    .number()
    .min(0)
    .default(4)
    .describe(
      '收缩压130–139与140–149读数之比高于此值即标记；管理对象本应集中在140以下（2–3常见），凑数的单位达10以上 / systolic readings 130–139 per reading 140–149 above which a unit is flagged; managed patients crowd under 140 by design (2–3 is usual), fudged units show 10 and more',
    ),
});

/** BP reading statistics of one unit. */
export interface UnitDigitRow {
  unit: string;
  countyCode: string;
  readings: number;
  endingZeroFive: number;
  endingZero: number;
  sbp130to139: number;
  sbp140to149: number;
}

const inBand = (band: PlausibleRange): RawBuilder<unknown> =>
  sql`s.sbp between ${sql.lit(band.min)} and ${sql.lit(band.max)}`;

/** Per unit (county, township or village), the terminal digits and the bands around 140 of BP readings. */
export async function selectDigitStats(
  h: Handle,
  types: readonly string[],
  unitLevel: 3 | 4 | 5,
  scope: OrgScope,
  w: AuditWindow,
): Promise<UnitDigitRow[]> {
  if (types.length === 0) return [];
  const unit = { 3: sql`x.county_code`, 4: sql`coalesce(o.township_code, x.org_code)`, 5: sql`x.org_code` }[
    unitLevel
  ];
  const count = (cond: RawBuilder<unknown>): RawBuilder<unknown> =>
    sql`sum(case when ${cond} then 1 else 0 end)`;
  // Counted per org first, from the index of services by type and date alone (migration
  // 021), then summed per unit: the orgs table is joined once per county and org, not per
  // service; the same figures as grouping the services by unit directly.
  const result = await sql<Record<string, number | string>>`
    select ${unit} as unit, min(x.county_code) as county_code,
      sum(x.readings) as readings, sum(x.zero_five) as zero_five, sum(x.zero) as zero,
      sum(x.b130) as b130, sum(x.b140) as b140
    from (
      select s.county_code as county_code, s.org_code as org_code,
        ${count(sql`s.sbp is not null`)} + ${count(sql`s.dbp is not null`)} as readings,
        ${count(sql`s.sbp % 5 = 0`)} + ${count(sql`s.dbp % 5 = 0`)} as zero_five,
        ${count(sql`s.sbp % 10 = 0`)} + ${count(sql`s.dbp % 10 = 0`)} as zero,
        ${count(inBand(SBP_JUST_UNDER_140))} as b130,
        ${count(inBand(SBP_JUST_OVER_140))} as b140
      from services s
      where s.type in (${sql.join(types)}) and ${inWindow(w, 's.service_date')}
        and ${rowsInScope(scope, { county: 's.county_code', org: 's.org_code' })}
      group by s.county_code, s.org_code
    ) x left join orgs o on o.code = x.org_code
    group by ${unit}`.execute(h);
  return result.rows.map((r) => ({
    unit: String(r.unit),
    countyCode: String(r.county_code),
    readings: Number(r.readings),
    endingZeroFive: Number(r.zero_five),
    endingZero: Number(r.zero),
    sbp130to139: Number(r.b130),
    sbp140to149: Number(r.b140),
  }));
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Rule `digit_preference`. */
export const digitPreference = judgedRule({
  id: 'digit_preference',
  name: { zh: '血压尾数偏好', en: 'BP digit preference' },
  description: {
    zh: '单位血压读数尾数为0或5的比例过高，或收缩压130–139与140–149读数之比过高（疑似凑数）。',
    en: 'A unit whose BP readings end in 0 or 5 too often, or whose systolic readings of 130–139 outnumber those of 140–149 too much (suspected fudging).',
  },
  severities: { warning: { zh: '疑似尾数偏好', en: 'suspected digit preference' } },
  subject: 'unit',
  parameters,
  candidates: (h, { scope, window }, p) => selectDigitStats(h, p.serviceTypes, p.unitLevel, scope, window),
  judge(units, p, window): DraftFinding[] {
    const out: DraftFinding[] = [];
    for (const u of units) {
      const verdict = judgeDigitPreference(u, p);
      if (!verdict || verdict.flags.length === 0) continue;
      out.push({
        severity: 'warning',
        subject: findingSubject.unit(u.unit, window.from, window.to),
        orgCode: u.unit,
        countyCode: u.countyCode,
        residentId: null,
        serviceId: null,
        subjectDate: null,
        weight: 1,
        evidence: {
          from: window.from,
          to: window.to,
          readings: u.readings,
          endingZeroFive: u.endingZeroFive,
          endingZero: u.endingZero,
          sbp130to139: u.sbp130to139,
          sbp140to149: u.sbp140to149,
          zeroFiveShare: round4(verdict.zeroFiveShare),
          zeroShare: round4(verdict.zeroShare),
          below140Ratio: verdict.below140Ratio === null ? null : round4(verdict.below140Ratio),
          flags: verdict.flags,
        },
      });
    }
    return out;
  },
});
