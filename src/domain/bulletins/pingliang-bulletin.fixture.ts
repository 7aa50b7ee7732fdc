/**
 * A hand-built bulletin input after the real Pingliang 2020 Q2 bulletin
 * (shared/fixtures/pingliang-2020q2-bulletin.json): the city's figures and the lagging
 * counties are the fixture's; the other counties get rates above the lagging ones.
 * For tests of the builder and the renderers; not used by the application.
 */
import { readFileSync } from 'node:fs';
import { sharedFixturePath } from '../../../test/shared-fixtures.js';
import type { BulletinInput, IndicatorMeta, IndicatorValueRow } from './bulletin-input.js';
import { parseBulletinPeriod } from './bulletin-period.js';

/** The fixture as printed in shared/fixtures. */
export interface PingliangFixture {
  city: { code: string; name: string };
  counties: Record<string, string>;
  indicators: Record<string, Record<string, unknown> & { lagging?: Record<string, number> }>;
}

/** Reads shared/fixtures/pingliang-2020q2-bulletin.json (beside the repository). */
export function readPingliangFixture(): PingliangFixture {
  const path = sharedFixturePath('pingliang-2020q2-bulletin.json');
  return JSON.parse(readFileSync(path, 'utf8')) as PingliangFixture;
}

/** Catalogue entries the example uses (names as the indicator catalogue gives them). */
export const EXAMPLE_INDICATORS: readonly IndicatorMeta[] = [
  { id: 'records.total', name: { zh: '档案总数', en: 'Records' }, unit: 'count' },
  { id: 'records.duplicates', name: { zh: '重复档案数', en: 'Duplicates' }, unit: 'count' },
  { id: 'records.effective', name: { zh: '有效档案数', en: 'Effective records' }, unit: 'count' },
  { id: 'records.effective_rate', name: { zh: '有效建档率', en: 'Effective record rate' }, unit: 'percent' },
  { id: 'hypertension.managed', name: { zh: '高血压管理人数', en: 'Managed' }, unit: 'count' },
  {
    id: 'hypertension.effectively_managed',
    name: { zh: '高血压规范管理人数', en: 'Effectively managed' },
    unit: 'count',
  },
  { id: 'hypertension.followup2_rate', name: { zh: '高血压随访率', en: 'Follow-up rate' }, unit: 'percent' },
  {
    id: 'hypertension.guidance_rate',
    name: { zh: '控制不满意者指导率', en: 'Guidance rate' },
    unit: 'percent',
  },
  { id: 'diabetes.managed', name: { zh: '糖尿病管理人数', en: 'Managed' }, unit: 'count' },
  {
    id: 'diabetes.effectively_managed',
    name: { zh: '糖尿病规范管理人数', en: 'Effectively managed' },
    unit: 'count',
  },
  { id: 'diabetes.followup2_rate', name: { zh: '糖尿病随访率', en: 'Follow-up rate' }, unit: 'percent' },
  { id: 'diabetes.guidance_rate', name: { zh: '控制不满意者指导率', en: 'Guidance rate' }, unit: 'percent' },
  { id: 'elderly.managed', name: { zh: '老年人管理人数', en: 'Managed' }, unit: 'count' },
  { id: 'elderly.checked_up', name: { zh: '老年人体检人数', en: 'Checked up' }, unit: 'count' },
  { id: 'elderly.checkup_rate', name: { zh: '老年人体检率', en: 'Check-up rate' }, unit: 'percent' },
  { id: 'maternal.managed', name: { zh: '孕产妇管理人数', en: 'Managed' }, unit: 'count' },
  {
    id: 'maternal.effectively_managed',
    name: { zh: '孕产妇有效管理人数', en: 'Effectively managed' },
    unit: 'count',
  },
  { id: 'maternal.service_rate', name: { zh: '孕产妇服务率', en: 'Service rate' }, unit: 'percent' },
  {
    id: 'maternal.postpartum_42d_rate',
    name: { zh: '产后42天健康检查率', en: '42-day check rate' },
    unit: 'percent',
  },
  { id: 'child.managed', name: { zh: '0-6岁儿童管理人数', en: 'Managed' }, unit: 'count' },
  { id: 'child.followup_rate', name: { zh: '0-6岁儿童随访率', en: 'Follow-up rate' }, unit: 'percent' },
  { id: 'tuberculosis.managed', name: { zh: '肺结核管理人数', en: 'Managed' }, unit: 'count' },
  { id: 'tuberculosis.followup_rate', name: { zh: '肺结核随访率', en: 'Follow-up rate' }, unit: 'percent' },
  { id: 'severe_mental.managed', name: { zh: '严重精神障碍管理人数', en: 'Managed' }, unit: 'count' },
  {
    id: 'severe_mental.followup_rate',
    name: { zh: '严重精神障碍随访率', en: 'Follow-up rate' },
    unit: 'percent',
  },
];

/** Rates of the counties that are not lagging: above every lagging rate, distinct per county. */
function rateFor(
  lagging: Record<string, number> | undefined,
  name: string,
  index: number,
  city: number,
): number {
  if (lagging?.[name] !== undefined) return lagging[name];
  const floor = Math.max(city, ...Object.values(lagging ?? {}));
  return Math.min(0.99, floor + 0.01 * (index + 1));
}

/**
 * The example input: city 620800 with its seven counties, every figure of the fixture,
 * one county per fixture lagging entry at the fixture's rate.
 */
export function pingliangInput(fixture: PingliangFixture = readPingliangFixture()): BulletinInput {
  const f = fixture.indicators as Record<string, Record<string, number>> &
    Record<string, { lagging?: Record<string, number> }>;
  const counties = Object.entries(fixture.counties).map(([code, name]) => ({ code, name }));
  const values: IndicatorValueRow[] = [];
  const push = (
    org: string,
    orgName: string,
    level: number,
    indicator: string,
    numerator: number,
    denominator: number | null,
    value: number | null,
  ): void => {
    values.push({ org, orgName, level, period: '2020Q2', indicator, numerator, denominator, value });
  };
  const rate = (
    org: string,
    name: string,
    level: number,
    indicator: string,
    managed: number,
    r: number,
  ): void => {
    const num = Math.round(managed * r);
    push(org, name, level, indicator, num, managed, r);
  };
  const city = fixture.city;
  const rec = f.records as Record<string, number>;
  // City totals, as printed.
  push(city.code, city.name, 2, 'records.total', rec.total!, null, rec.total!);
  push(city.code, city.name, 2, 'records.duplicates', rec.duplicates!, null, rec.duplicates!);
  push(city.code, city.name, 2, 'records.effective', rec.effective!, null, rec.effective!);
  push(
    city.code,
    city.name,
    2,
    'records.effective_rate',
    rec.effective!,
    Math.round(rec.effective! / rec.effectiveRate!),
    rec.effectiveRate!,
  );
  const pop = (
    key: string,
    managedKey: string,
    rateKey: string,
    prefix: string,
    rateId: string,
    extra: (org: string, name: string, level: number, managed: number, r: number) => void,
  ): void => {
    const p = f[key] as Record<string, number>;
    push(city.code, city.name, 2, `${prefix}.managed`, p[managedKey]!, null, p[managedKey]!);
    rate(city.code, city.name, 2, rateId, p[managedKey]!, p[rateKey]!);
    extra(city.code, city.name, 2, p[managedKey]!, p[rateKey]!);
    counties.forEach((c, i) => {
      const managed = Math.round(p[managedKey]! / counties.length);
      const r = rateFor((f[key] as { lagging?: Record<string, number> }).lagging, c.name, i, p[rateKey]!);
      push(c.code, c.name, 3, `${prefix}.managed`, managed, null, managed);
      rate(c.code, c.name, 3, rateId, managed, r);
      extra(c.code, c.name, 3, managed, r);
    });
  };
  counties.forEach((c, i) => {
    const total = Math.round(rec.total! / counties.length);
    const duplicates = i * 50;
    const r = rateFor(rec.lagging as unknown as Record<string, number>, c.name, i, rec.effectiveRate!);
    push(c.code, c.name, 3, 'records.total', total, null, total);
    push(c.code, c.name, 3, 'records.duplicates', duplicates, null, duplicates);
    push(c.code, c.name, 3, 'records.effective', total - duplicates, null, total - duplicates);
    push(
      c.code,
      c.name,
      3,
      'records.effective_rate',
      total - duplicates,
      Math.round((total - duplicates) / r),
      r,
    );
  });
  const chronic = (key: string, prefix: string): void =>
    pop(
      key,
      'managed',
      'followUpRateAtLeast2',
      prefix,
      `${prefix}.followup2_rate`,
      (org, name, level, managed) => {
        const p = f[key] as Record<string, number>;
        const eff = level === 2 ? p.effectivelyManaged! : Math.round(p.effectivelyManaged! / counties.length);
        push(org, name, level, `${prefix}.effectively_managed`, eff, null, eff);
        rate(
          org,
          name,
          level,
          `${prefix}.guidance_rate`,
          Math.round(managed / 10),
          p.uncontrolledWithGuidance!,
        );
      },
    );
  chronic('hypertension', 'hypertension');
  chronic('diabetes', 'diabetes');
  pop(
    'elderly',
    'managed',
    'checkupRate',
    'elderly',
    'elderly.checkup_rate',
    (org, name, level, managed, r) => {
      push(org, name, level, 'elderly.checked_up', Math.round(managed * r), null, Math.round(managed * r));
    },
  );
  pop(
    'maternal',
    'managed',
    'postpartum42dClosedRate',
    'maternal',
    'maternal.postpartum_42d_rate',
    (org, name, level, managed) => {
      const m = f.maternal as Record<string, number>;
      const eff = Math.round(managed * m.serviceRate!);
      push(org, name, level, 'maternal.effectively_managed', eff, null, eff);
      push(org, name, level, 'maternal.service_rate', eff, managed, m.serviceRate!);
    },
  );
  pop('children0to6', 'managed', 'followUpRate', 'child', 'child.followup_rate', () => undefined);
  pop(
    'tuberculosis',
    'managedOpen',
    'followUpRate',
    'tuberculosis',
    'tuberculosis.followup_rate',
    () => undefined,
  );
  pop(
    'severeMental',
    'managed',
    'followUpRate',
    'severe_mental',
    'severe_mental.followup_rate',
    () => undefined,
  );

  const elderly = f.elderly as unknown as { identicalCheckups4of6: number; armBpDifferenceOver10: number };
  const findings = [
    {
      org: city.code,
      orgName: city.name,
      level: 2,
      rule: 'identical_checkups',
      severity: 'error',
      count: elderly.identicalCheckups4of6,
    },
    {
      org: city.code,
      orgName: city.name,
      level: 2,
      rule: 'arm_bp_difference',
      severity: 'warning',
      count: elderly.armBpDifferenceOver10,
    },
    {
      org: city.code,
      orgName: city.name,
      level: 2,
      rule: 'uncontrolled_without_guidance',
      severity: 'warning',
      count: 1234,
    },
    { org: city.code, orgName: city.name, level: 2, rule: 'id_problems', severity: 'error', count: 321 },
    { org: '620802', orgName: '崆峒区', level: 3, rule: 'id_problems', severity: 'error', count: 300 },
    { org: '620881', orgName: '华亭市', level: 3, rule: 'id_problems', severity: 'error', count: 21 },
  ];
  const hotspots = {
    identical_checkups: [
      { org: '620881100', label: '华亭市东华镇', count: 120 },
      { org: '620881101', label: '华亭市安口镇', count: 90 },
      { org: '620881200', label: '华亭市山寨乡', count: 60 },
      { org: '620826105201', label: '静宁县雷大镇屈岔村', count: 40 },
      { org: '620821100', label: '泾川县城关镇', count: 5 },
    ],
  };
  return {
    org: { code: city.code, name: city.name, level: 2 },
    period: parseBulletinPeriod('2020Q2'),
    children: counties,
    values,
    indicators: EXAMPLE_INDICATORS,
    findings,
    hotspots,
    targets: counties.map((c) => ({ org: c.code, indicator: 'elderly.checkup_rate', rate: 0.5 })),
    compareTo: { name: '全省', rates: { 'records.effective_rate': rec.provinceEffectiveRate! } },
    options: { issuer: '平凉市卫生健康委员会', date: '2020-08-28', dataTakenOn: '2020-08-20' },
  };
}
