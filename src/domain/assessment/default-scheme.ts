/**
 * The default scheme: close in structure to the national performance evaluation of the
 * basic public health services (组织管理、资金管理、项目执行、项目效果), with indicators of the
 * catalogue where Gongwei holds the data and manual items where only an on-site check can
 * tell. Its sources and which parts are our own construction are in docs/assessment.md
 * (generated from this file and the rules by ./assessment-doc.ts).
 */
import { parseScheme, type Scheme } from './scheme.js';

const fixed = (value: number) => ({ source: 'fixed' as const, value });
const milestone = { source: 'targets' as const, basis: 'milestone' as const };
const proRata = { rule: 'pro_rata' as const };
const floorHalf = { rule: 'floor' as const, floor: 0.5 };
const manual = { rule: 'manual' as const };

/** The default scheme as written (JSON). */
export const DEFAULT_SCHEME_JSON = {
  code: 'national-basic',
  name: {
    zh: '基本公共卫生服务项目绩效考核（默认方案）',
    en: 'Basic public health services performance assessment (default)',
  },
  sources: [
    '国家基本公共卫生服务项目绩效考核的四个方面：组织管理、资金管理、项目执行、项目效果（含满意度） — structure; points are Gongwei’s construction',
    'seeds/001 呼伦贝尔市2011年推进方案：考核评估组每年2-3次考核评估，目标责任制，补助标准再测算',
    'seeds/002 平凉市2020年上半年通报：二(四)经费到位、及时拨付、杜绝沉淀；老年人体检数据雷同、左右臂血压差',
  ],
  sections: [
    {
      id: 'organisation',
      name: { zh: '组织管理', en: 'Organisation' },
      items: [
        {
          kind: 'manual',
          id: 'org.staffing',
          name: { zh: '机构与人员', en: 'Office and staff' },
          points: 4,
          evidence: {
            zh: '公卫科设置、专兼职人员名单、职责分工文件',
            en: 'public-health office, staff list, duties',
          },
          scoring: manual,
        },
        {
          kind: 'manual',
          id: 'org.rules_training',
          name: { zh: '制度建设与培训', en: 'Rules and training' },
          points: 3,
          evidence: {
            zh: '管理制度、培训通知、签到表与课件',
            en: 'rules, training notices, sign-in sheets, slides',
          },
          scoring: manual,
        },
        {
          kind: 'manual',
          id: 'org.assessment_bulletins',
          name: { zh: '内部考核与通报', en: 'Internal assessment and bulletins' },
          points: 3,
          evidence: {
            zh: '对村卫生室的考核记录、定期通报',
            en: 'assessments of village clinics, periodic bulletins',
          },
          scoring: manual,
        },
      ],
    },
    {
      id: 'funds',
      name: { zh: '资金管理', en: 'Funds management' },
      items: [
        {
          kind: 'manual',
          id: 'funds.disbursement',
          name: { zh: '资金到位与及时拨付', en: 'Funds in place and paid on time' },
          points: 5,
          evidence: {
            zh: '县级配套到位文件、拨付凭证、向村医发放补助记录（可用经费台账 gongwei funding status）',
            en: 'county matching, payment vouchers, payments to village doctors (see gongwei funding status)',
          },
          scoring: manual,
        },
        {
          kind: 'manual',
          id: 'funds.use',
          name: { zh: '规范使用、无沉淀结余', en: 'Proper use, no idle balances' },
          points: 5,
          evidence: {
            zh: '支出明细、结余说明（经费沉淀标记）',
            en: 'spending detail, explanation of balances (idle-funds flags)',
          },
          scoring: manual,
        },
      ],
    },
    {
      id: 'execution',
      name: { zh: '项目执行', en: 'Programme execution' },
      items: [
        {
          kind: 'indicator',
          id: 'exe.records_electronic',
          name: { zh: '电子健康档案建档率', en: 'Electronic record coverage' },
          points: 4,
          indicator: 'records.electronic_coverage',
          target: fixed(0.9),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.records_use',
          name: { zh: '健康档案使用率', en: 'Record use rate' },
          points: 3,
          indicator: 'records.use_rate',
          target: fixed(0.6),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.health_education',
          name: { zh: '健康教育活动', en: 'Health-education activities' },
          points: 3,
          indicator: 'health_education.activities',
          target: milestone,
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.vaccination_mmr',
          name: { zh: '麻腮风疫苗接种率', en: 'MMR coverage' },
          points: 3,
          indicator: 'vaccination.mmr_coverage',
          target: fixed(0.9),
          scoring: floorHalf,
        },
        {
          kind: 'indicator',
          id: 'exe.vaccination_dtap',
          name: { zh: '百白破疫苗接种率', en: 'DTaP coverage' },
          points: 2,
          indicator: 'vaccination.dtap_coverage',
          target: fixed(0.9),
          scoring: floorHalf,
        },
        {
          kind: 'indicator',
          id: 'exe.child',
          name: { zh: '0-6岁儿童健康管理率', en: 'Child (0–6) health management rate' },
          points: 4,
          indicator: 'child.health_management_rate',
          target: fixed(0.85),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.maternal',
          name: { zh: '孕产妇健康管理率', en: 'Maternal health management rate' },
          points: 4,
          indicator: 'maternal.service_rate',
          target: fixed(0.9),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.postpartum',
          name: { zh: '产后访视率', en: 'Postpartum visit rate' },
          points: 2,
          indicator: 'maternal.postpartum_visit_rate',
          target: fixed(0.9),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.elderly',
          name: { zh: '老年人健康管理（任务进度）', en: 'Elderly health management (against the milestone)' },
          points: 7,
          indicator: 'elderly.managed',
          target: milestone,
          scoring: floorHalf,
        },
        {
          kind: 'indicator',
          id: 'exe.hypertension_managed',
          name: {
            zh: '高血压患者管理（任务进度）',
            en: 'Hypertension patients managed (against the milestone)',
          },
          points: 3,
          indicator: 'hypertension.managed',
          target: milestone,
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.hypertension_standardized',
          name: { zh: '高血压患者规范管理率', en: 'Hypertension standardised management rate' },
          points: 5,
          indicator: 'hypertension.standardized_rate',
          target: fixed(0.6),
          scoring: floorHalf,
        },
        {
          kind: 'indicator',
          id: 'exe.diabetes_managed',
          name: { zh: '糖尿病患者管理（任务进度）', en: 'Diabetes patients managed (against the milestone)' },
          points: 2,
          indicator: 'diabetes.managed',
          target: milestone,
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.diabetes_standardized',
          name: { zh: '糖尿病患者规范管理率', en: 'Diabetes standardised management rate' },
          points: 5,
          indicator: 'diabetes.standardized_rate',
          target: fixed(0.6),
          scoring: floorHalf,
        },
        {
          kind: 'indicator',
          id: 'exe.severe_mental',
          name: {
            zh: '严重精神障碍患者规范管理率',
            en: 'Severe mental disorder standardised management rate',
          },
          points: 3,
          indicator: 'severe_mental.standardized_rate',
          target: fixed(0.8),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.tuberculosis',
          name: { zh: '肺结核患者管理率', en: 'TB patient management rate' },
          points: 3,
          indicator: 'tuberculosis.followup_rate',
          target: fixed(0.9),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'exe.hearts_ltfu',
          name: {
            zh: '高血压患者失访率（越低越好）',
            en: 'Hypertension lost to follow-up (lower is better)',
          },
          points: 2,
          indicator: 'hypertension.hearts_ltfu_rate',
          target: fixed(0.1),
          scoring: { rule: 'lower_is_better' as const, zeroAt: 0.3 },
        },
        {
          kind: 'audit',
          id: 'exe.data_quality',
          name: { zh: '数据质量（按核查问题扣分）', en: 'Data quality (deductions per finding)' },
          points: 5,
          scoring: {
            rule: 'deductions' as const,
            perFinding: {
              duplicate_records: 0.05,
              identical_checkups: 0.1,
              id_problems: 0.05,
              arm_bp_difference: 0.02,
            },
            cap: 5,
          },
        },
      ],
    },
    {
      id: 'effects',
      name: { zh: '项目效果', en: 'Effects and satisfaction' },
      items: [
        {
          kind: 'indicator',
          id: 'eff.hypertension_control',
          name: { zh: '高血压患者血压控制率', en: 'Hypertension control rate' },
          points: 5,
          indicator: 'hypertension.control_rate',
          target: fixed(0.6),
          scoring: proRata,
        },
        {
          kind: 'indicator',
          id: 'eff.diabetes_control',
          name: { zh: '糖尿病患者血糖控制率', en: 'Diabetes control rate' },
          points: 5,
          indicator: 'diabetes.control_rate',
          target: fixed(0.6),
          scoring: proRata,
        },
        {
          kind: 'manual',
          id: 'eff.awareness',
          name: { zh: '居民知晓率', en: 'Residents’ awareness' },
          points: 4,
          evidence: {
            zh: '入户或电话抽查问卷（样本量、知晓人数）',
            en: 'household or phone survey (sample, aware)',
          },
          scoring: manual,
        },
        {
          kind: 'manual',
          id: 'eff.satisfaction',
          name: { zh: '居民满意度', en: 'Residents’ satisfaction' },
          points: 6,
          evidence: {
            zh: '满意度调查问卷（样本量、满意人数）',
            en: 'satisfaction survey (sample, satisfied)',
          },
          scoring: manual,
        },
      ],
    },
  ],
};

/** The default scheme, checked. */
export const DEFAULT_SCHEME: Scheme = parseScheme(DEFAULT_SCHEME_JSON);
