/**
 * The reported indicators (issue 13 point 10): programmes whose figures are not computed
 * from residents' services but reported per org and period by another system or a survey —
 * infectious disease and public-health emergency reporting (传染病及突发公共卫生事件报告和处理),
 * health supervision assistance (卫生监督协管), and the health-literacy survey (居民健康素养水平).
 * Definitions follow the evaluation indicators of the national service specification (3rd ed.);
 * the source of each figure is named in the entry and kept with every stored report.
 */
import {
  REPORTED_TERM,
  term,
  type Bilingual,
  type IndicatorDefinition,
  type ReportedSpec,
} from './catalogue-definition.js';

/** The infectious-disease reporting information system (中国疾病预防控制信息系统). */
const NOTIFIABLE: Bilingual = {
  zh: '国家基本公共卫生服务规范（第三版）；数据来源：传染病报告信息管理系统',
  en: 'National service specification, 3rd ed.; data from the notifiable disease reporting system',
};
const EMERGENCY: Bilingual = {
  zh: '国家基本公共卫生服务规范（第三版）；数据来源：突发公共卫生事件报告管理信息系统',
  en: 'National service specification, 3rd ed.; data from the public-health emergency reporting system',
};
const SUPERVISION: Bilingual = {
  zh: '国家基本公共卫生服务规范（第三版）；数据来源：卫生监督协管工作记录（信息报告登记表、巡查登记表）',
  en: 'National service specification, 3rd ed.; data from the health-supervision assistance registers (reports, inspections)',
};
const LITERACY: Bilingual = {
  zh: '全国居民健康素养监测（健康中国行动目标：2022年≥22%，2030年≥30%）',
  en: 'National health-literacy surveillance (Healthy China targets: ≥22 % by 2022, ≥30 % by 2030)',
};
const AWARENESS: Bilingual = {
  zh: '健康素养基本知识问卷调查；任务目标：城市≥60%、农村牧区≥50%（呼伦贝尔市2011年基本公共卫生服务项目实施方案）',
  en: 'Survey of basic health-literacy knowledge; targets: cities ≥60 %, rural and pastoral areas ≥50 % (Hulunbuir 2011 programme plan)',
};

/** Quarters, halves and years: the periods a routine report is made for. */
const REPORT_PERIODS = ['month', 'quarter', 'half', 'year'] as const;

function reported(
  d: Omit<IndicatorDefinition, 'numerator' | 'denominator' | 'period' | 'parameters' | 'reported'> & {
    readonly reported: ReportedSpec;
  },
): IndicatorDefinition {
  return {
    ...d,
    numerator: { term: REPORTED_TERM },
    // A percentage divides by the reported denominator; the pseudo-term keeps the shape of
    // the catalogue (a percentage has a denominator, a count none) without being counted.
    denominator: d.unit === 'percent' ? term(REPORTED_TERM) : null,
    period: 'reported',
    parameters: [],
  };
}

/** The reported indicators, in display order. */
export const REPORTED_INDICATORS: readonly IndicatorDefinition[] = [
  reported({
    id: 'infectious_disease.report_rate',
    name: { zh: '传染病疫情报告率', en: 'Notifiable disease report rate' },
    unit: 'percent',
    program: 'infectious_disease',
    formula: {
      zh: '网络报告的传染病病例数 ÷ 登记传染病病例数',
      en: 'cases reported through the network ÷ cases registered',
    },
    source: NOTIFIABLE,
    reported: {
      kind: 'ratio',
      periods: REPORT_PERIODS,
      numerator: { zh: '网络报告的传染病病例数', en: 'cases reported through the network' },
      denominator: { zh: '登记传染病病例数', en: 'cases registered' },
    },
  }),
  reported({
    id: 'infectious_disease.timely_report_rate',
    name: { zh: '传染病疫情报告及时率', en: 'Notifiable disease timely report rate' },
    unit: 'percent',
    program: 'infectious_disease',
    formula: {
      zh: '报告及时的病例数 ÷ 报告传染病病例数',
      en: 'cases reported in time ÷ cases reported',
    },
    source: NOTIFIABLE,
    reported: {
      kind: 'ratio',
      periods: REPORT_PERIODS,
      numerator: { zh: '报告及时的病例数', en: 'cases reported in time' },
      denominator: { zh: '报告传染病病例数', en: 'cases reported' },
    },
  }),
  reported({
    id: 'infectious_disease.emergency_report_rate',
    name: { zh: '突发公共卫生事件相关信息报告率', en: 'Public-health emergency information report rate' },
    unit: 'percent',
    program: 'infectious_disease',
    formula: {
      zh: '及时报告的突发公共卫生事件相关信息数 ÷ 报告突发公共卫生事件相关信息数',
      en: 'emergency information reported in time ÷ emergency information reported',
    },
    source: EMERGENCY,
    reported: {
      kind: 'ratio',
      periods: REPORT_PERIODS,
      numerator: { zh: '及时报告的突发公共卫生事件相关信息数', en: 'emergency information reported in time' },
      denominator: { zh: '报告突发公共卫生事件相关信息数', en: 'emergency information reported' },
    },
  }),
  reported({
    id: 'health_supervision.report_rate',
    name: { zh: '卫生监督协管信息报告率', en: 'Health supervision assistance report rate' },
    unit: 'percent',
    program: 'health_supervision',
    formula: {
      zh: '报告的事件或线索次数 ÷ 发现的事件或线索次数',
      en: 'incidents or leads reported ÷ incidents or leads found',
    },
    source: SUPERVISION,
    reported: {
      kind: 'ratio',
      periods: REPORT_PERIODS,
      numerator: { zh: '报告的事件或线索次数', en: 'incidents or leads reported' },
      denominator: { zh: '发现的事件或线索次数', en: 'incidents or leads found' },
    },
  }),
  reported({
    id: 'health_supervision.inspections',
    name: { zh: '卫生监督协管巡查次数', en: 'Health supervision assistance inspections' },
    unit: 'count',
    program: 'health_supervision',
    formula: {
      zh: '协助开展的食源性疾病、饮用水卫生安全、学校卫生、非法行医和非法采供血实地巡查次数',
      en: 'on-site inspections assisted (food-borne disease, drinking water, school health, illegal medical practice and blood collection)',
    },
    source: SUPERVISION,
    reported: {
      kind: 'count',
      periods: REPORT_PERIODS,
      numerator: { zh: '实地巡查次数', en: 'on-site inspections' },
    },
  }),
  reported({
    id: 'health_literacy.level',
    name: { zh: '居民健康素养水平', en: 'Health literacy level' },
    unit: 'percent',
    program: 'health_literacy',
    formula: {
      zh: '具备基本健康素养的人数 ÷ 监测总人数（抽样调查；只有上报的单位有值，百分比不向上汇总，带样本分子分母的才汇总）',
      en: 'respondents with basic health literacy ÷ respondents (a sample survey: only the units that report have a value; a bare percentage is never summed up the tree, one with its sample numerator and denominator is)',
    },
    source: LITERACY,
    reported: {
      kind: 'survey',
      periods: ['half', 'year'],
      numerator: { zh: '具备基本健康素养的人数', en: 'respondents with basic health literacy' },
      denominator: { zh: '监测总人数', en: 'respondents' },
    },
  }),
  reported({
    id: 'health_literacy.knowledge_awareness',
    name: { zh: '居民健康素养基本知识知晓率', en: 'Basic health-literacy knowledge awareness' },
    unit: 'percent',
    program: 'health_literacy',
    formula: {
      zh: '知晓健康素养基本知识的被调查者数 ÷ 被调查者数（抽样调查，汇总规则同健康素养水平）',
      en: 'respondents aware of the basic knowledge ÷ respondents (a sample survey, rolled up as the literacy level)',
    },
    source: AWARENESS,
    reported: {
      kind: 'survey',
      periods: ['half', 'year'],
      numerator: { zh: '知晓基本知识的被调查者数', en: 'respondents aware of the basic knowledge' },
      denominator: { zh: '被调查者数', en: 'respondents' },
    },
  }),
];

/** The entry of a reported indicator, or undefined (not in the catalogue, or computed). */
export function findReportedIndicator(id: string): IndicatorDefinition | undefined {
  return REPORTED_INDICATORS.find((i) => i.id === id);
}
