/**
 * The bulletin (通报) as a document model, built from indicator values, audit counts,
 * hotspots and targets, in the structure of the model bulletin (seeds/002…): title,
 * addressee, source and cut-off, 一、工作进度和存在问题, 二、下一步工作要求, annex, issuer
 * and date. Renderers (Word, HTML) only lay this model out.
 */
import { buildAnnex, type Annex } from './annex.js';
import {
  defaultNamingRules,
  NAMING_SECTIONS,
  type BulletinInput,
  type NamingSection,
} from './bulletin-input.js';
import { bulletinTitle } from './bulletin-period.js';
import { buildChartSpecs, type ChartSpec } from './chart-specs.js';
import {
  formatChineseDate,
  formatCount,
  formatPercent,
  formatPercentPoints,
  formatWan,
  WAN_THRESHOLD,
  itemMarker,
  joinEnumeration,
  sectionMarker,
  subsectionMarker,
} from './chinese-format.js';
import {
  findingTotal,
  hotspotLabels,
  countText,
  namedClause,
  RANKING_INDICATOR,
  sentence,
  unitRates,
  ValueTable,
  type SectionContext,
} from './bulletin-facts.js';
import { levelWords, type LevelWords } from './level-words.js';
import { buildRequirements } from './requirements.js';
import { selectNamedUnits, type NamedUnit, type NamingRule } from './unit-naming.js';

/** One block of the body. */
export type BulletinBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly lead?: string; readonly text: string };

/** The whole document, ready to lay out. */
export interface BulletinModel {
  readonly org: { readonly code: string; readonly name: string; readonly level: number };
  readonly period: string;
  readonly periodLabel: string;
  readonly docNumber?: string;
  readonly title: string;
  readonly addressee: string;
  readonly intro: string;
  readonly blocks: readonly BulletinBlock[];
  /** The 附件 lines under the body: '附件：1．…', then '2．…' aligned under the first item. */
  readonly annexNote: readonly string[];
  readonly annex: Annex;
  /** Title of the charts annex. */
  readonly chartsTitle: string;
  readonly charts: readonly ChartSpec[];
  readonly issuer: string;
  /** Signing date ISO and as printed (2020年8月28日). */
  readonly date: string;
  readonly dateText: string;
  /** Last day of the data (the period end), ISO. */
  readonly dataCutoff: string;
  /** The units named in each section, lowest first. */
  readonly named: Readonly<Record<NamingSection, readonly NamedUnit[]>>;
  /** The naming rule used in each section. */
  readonly namingRules: Readonly<Record<NamingSection, NamingRule>>;
}

function recordsParagraph(ctx: SectionContext): string {
  const { input, table, words } = ctx;
  const org = input.org.code;
  const total = table.value(org, 'records.total');
  const duplicates = table.value(org, 'records.duplicates');
  const effective = table.value(org, 'records.effective');
  const rate = table.value(org, 'records.effective_rate');
  const parts: string[] = [];
  // Counts beside a total in 万 are in 万 too (重复档案0.16万份), unless too small to show there.
  const inWan = (n: number): string =>
    total !== null && total >= WAN_THRESHOLD && n >= 100 ? formatWan(n) : formatCount(n);
  const counts = [
    total === null ? '' : `${words.whole}共管理居民健康档案${inWan(total)}份`,
    duplicates === null ? '' : `重复档案${inWan(duplicates)}份`,
    effective === null ? '' : `有效管理档案${inWan(effective)}份`,
  ].filter((p) => p !== '');
  parts.push(...counts);
  if (rate !== null) parts.push(`${words.whole}居民电子健康档案有效建档率为${formatPercent(rate)}`);
  const reference = input.compareTo?.rates['records.effective_rate'];
  if (rate !== null && reference !== undefined && input.compareTo) {
    const name = input.compareTo.name;
    const cmp = Math.round(rate * 10000) - Math.round(reference * 10000);
    parts.push(
      cmp < 0
        ? `和${name}有效建档率${formatPercent(reference)}相比，${words.self}有效建档率仍有差距（低${formatPercentPoints(reference - rate)}个百分点）`
        : cmp === 0
          ? `与${name}有效建档率${formatPercent(reference)}持平`
          : `高于${name}有效建档率${formatPercent(reference)}`,
    );
  }
  parts.push(namedClause(ctx.named.records, ctx.rules.records, words));
  return sentence(parts);
}

interface PopulationText {
  readonly section: Exclude<NamingSection, 'records'>;
  readonly lead: string;
  readonly prefix: string;
  readonly text: (ctx: SectionContext) => string;
}

function guidanceClause(rate: number | null, who: string, patients: string): string {
  if (rate === null) return '';
  return `对${who}中有健康指导意见或针对性就诊建议的人数占${formatPercent(rate)}，有${formatPercent(1 - rate)}的${patients}无指导意见`;
}

function chronicText(
  ctx: SectionContext,
  program: 'hypertension' | 'diabetes',
  patients: string,
  who: string,
  uncontrolled: string,
): string {
  const { input, table, words } = ctx;
  const org = input.org.code;
  const first = sentence([
    `管理${patients}${countText(table.value(org, `${program}.managed`), '人')}`,
    `有效管理${countText(table.value(org, `${program}.effectively_managed`), '人')}`,
    `至${input.period.shortLabel}${words.whole}${patients}随访率（至少2次随访）为${formatPercent(table.value(org, `${program}.followup2_rate`))}`,
    namedClause(ctx.named[program], ctx.rules[program], words),
  ]);
  const guidance = sentence([
    guidanceClause(table.value(org, `${program}.guidance_rate`), who, uncontrolled),
  ]);
  return first + guidance;
}

const POPULATION_TEXTS: readonly PopulationText[] = [
  {
    section: 'hypertension',
    lead: '高血压患者健康管理。',
    prefix: 'hypertension.',
    text: (ctx) => chronicText(ctx, 'hypertension', '高血压患者', '随访血压控制不满意人群', '患者'),
  },
  {
    section: 'diabetes',
    lead: '2型糖尿病患者健康管理。',
    prefix: 'diabetes.',
    text: (ctx) => chronicText(ctx, 'diabetes', '2型糖尿病患者', '血糖控制不达标人群', '不达标患者'),
  },
  {
    section: 'elderly',
    lead: '老年人健康管理。',
    prefix: 'elderly.',
    text: (ctx) => {
      const { input, table, words } = ctx;
      const org = input.org.code;
      let text = sentence([
        `管理65岁以上老年人${countText(table.value(org, 'elderly.managed'), '人')}`,
        `已体检人数为${countText(table.value(org, 'elderly.checked_up'), '人')}`,
        `总体检率${formatPercent(table.value(org, 'elderly.checkup_rate'))}`,
        namedClause(ctx.named.elderly, ctx.rules.elderly, words),
      ]);
      const identical = findingTotal(input, 'identical_checkups');
      const armBp = findingTotal(input, 'arm_bp_difference');
      const findings: string[] = [];
      if (identical > 0) {
        const hot = hotspotLabels(input, 'identical_checkups');
        findings.push(
          `${words.self}老年人体检6项体检指标中4项以上指标完全一致的个案数为${formatCount(identical)}人${hot.length > 0 ? `（比较集中的有：${joinEnumeration(hot)}）` : ''}`,
        );
      }
      if (armBp > 0) findings.push(`左右侧血压差大于10mmHg的体检记录人数为${formatCount(armBp)}人`);
      if (findings.length > 0) text += `${findings.join('；')}。`;
      return text;
    },
  },
  {
    section: 'maternal',
    lead: '孕产妇健康管理。',
    prefix: 'maternal.',
    text: (ctx) => {
      const { input, table, words } = ctx;
      const org = input.org.code;
      return (
        sentence([
          `${words.self}管理孕产妇（未结案+已结案且结案时间为${input.period.year}年）${countText(table.value(org, 'maternal.managed'), '人')}`,
          `有效管理人数为${countText(table.value(org, 'maternal.effectively_managed'), '人')}`,
          `服务率${formatPercent(table.value(org, 'maternal.service_rate'))}`,
        ]).replace(/。$/, '；') +
        sentence([
          `按产后42天随访结案的产妇数来看，有效服务率为${formatPercent(table.value(org, 'maternal.postpartum_42d_rate'))}`,
          namedClause(ctx.named.maternal, ctx.rules.maternal, words),
        ])
      );
    },
  },
  {
    section: 'child',
    lead: '0-6岁儿童健康管理。',
    prefix: 'child.',
    text: (ctx) => {
      const { input, table, words } = ctx;
      const org = input.org.code;
      return sentence([
        `管理0-6岁儿童${countText(table.value(org, 'child.managed'), '人')}`,
        `有效管理${countText(table.numerator(org, 'child.followup_rate'), '人')}`,
        `随访率${formatPercent(table.value(org, 'child.followup_rate'))}`,
        namedClause(ctx.named.child, ctx.rules.child, words),
      ]);
    },
  },
  {
    section: 'tuberculosis',
    lead: '肺结核患者健康管理。',
    prefix: 'tuberculosis.',
    text: (ctx) => {
      const { input, table, words } = ctx;
      const org = input.org.code;
      return sentence([
        `管理肺结核患者（未结案）${countText(table.value(org, 'tuberculosis.managed'), '人')}`,
        `随访${countText(table.numerator(org, 'tuberculosis.followup_rate'), '人')}`,
        `随访率为${formatPercent(table.value(org, 'tuberculosis.followup_rate'))}`,
        namedClause(ctx.named.tuberculosis, ctx.rules.tuberculosis, words),
      ]);
    },
  },
  {
    section: 'severe_mental',
    lead: '严重精神障碍患者健康管理。',
    prefix: 'severe_mental.',
    text: (ctx) => {
      const { input, table, words } = ctx;
      const org = input.org.code;
      return sentence([
        `管理严重精神障碍患者${countText(table.value(org, 'severe_mental.managed'), '人')}`,
        `随访${countText(table.numerator(org, 'severe_mental.followup_rate'), '人')}`,
        `随访率为${formatPercent(table.value(org, 'severe_mental.followup_rate'))}`,
        namedClause(ctx.named.severe_mental, ctx.rules.severe_mental, words),
      ]);
    },
  },
];

/** A bulletin cannot be written: no child units, or no data at all. */
export class EmptyBulletinError extends Error {
  override readonly name = 'EmptyBulletinError';
}

/**
 * Builds the bulletin model. Throws {@link EmptyBulletinError} when the org has no child
 * units or there is no indicator value for it in the period.
 */
export function buildBulletin(input: BulletinInput): BulletinModel {
  const words = levelWords(input.org.level);
  if (input.children.length === 0)
    throw new EmptyBulletinError(
      `${input.org.name}（${input.org.code}）没有下级单位，无法生成通报 / org ${input.org.code} has no child units to report on`,
    );
  const table = new ValueTable(input.values);
  const hasData = input.values.some(
    (v) => v.org === input.org.code && (v.numerator > 0 || (v.denominator ?? 0) > 0),
  );
  if (!hasData)
    throw new EmptyBulletinError(
      `${input.org.name}（${input.org.code}）${input.period.label}没有数据，无法生成通报 / org ${input.org.code} has no data for ${input.period.text}`,
    );

  const rules = { ...defaultNamingRules(), ...(input.options.naming ?? {}) } as Record<
    NamingSection,
    NamingRule
  >;
  const named = {} as Record<NamingSection, NamedUnit[]>;
  for (const section of NAMING_SECTIONS) {
    const indicator = RANKING_INDICATOR[section];
    named[section] = selectNamedUnits(
      unitRates(input, table, indicator),
      rules[section],
      input.compareTo?.rates[indicator] ?? table.value(input.org.code, indicator),
    );
  }
  const ctx: SectionContext = { input, table, words, named, rules };

  const blocks: BulletinBlock[] = [
    { kind: 'heading', level: 1, text: `${sectionMarker(1)}工作进度和存在问题` },
  ];
  if (table.hasAny(input.org.code, 'records.')) {
    blocks.push({ kind: 'heading', level: 2, text: `${subsectionMarker(1)}居民健康档案管理` });
    blocks.push({ kind: 'paragraph', text: `${itemMarker(1)}${recordsParagraph(ctx)}` });
  }
  const populations = POPULATION_TEXTS.filter((p) => table.hasAny(input.org.code, p.prefix));
  if (populations.length > 0) {
    const n = blocks.filter((b) => b.kind === 'heading' && b.level === 2).length + 1;
    blocks.push({ kind: 'heading', level: 2, text: `${subsectionMarker(n)}重点管理人群服务工作` });
    populations.forEach((p, i) => {
      blocks.push({ kind: 'paragraph', lead: `${itemMarker(i + 1)}${p.lead}`, text: p.text(ctx) });
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: `${sectionMarker(2)}下一步工作要求` });
  blocks.push(...buildRequirements({ input, table, words, named, rules }));

  const annex = buildAnnex(input, words);
  const charts = buildChartSpecs(input, table, words);
  const chartsTitle = `${words.whole}${input.period.label}重点人群工作进度图`;
  const annexNote =
    charts.length > 0 ? [`附件：1．${annex.title}`, `2．${chartsTitle}`] : [`附件：${annex.title}`];
  return {
    org: input.org,
    period: input.period.text,
    periodLabel: input.period.label,
    ...(input.options.docNumber ? { docNumber: input.options.docNumber } : {}),
    title: bulletinTitle(input.org.name, input.period),
    addressee: words.addressee,
    intro: introParagraph(input, words),
    blocks,
    annexNote,
    annex,
    chartsTitle,
    charts,
    issuer: input.options.issuer,
    date: input.options.date,
    dateText: formatChineseDate(input.options.date),
    dataCutoff: input.period.end,
    named,
    namingRules: rules,
  };
}

function introParagraph(input: BulletinInput, words: LevelWords): string {
  const taken = formatChineseDate(input.options.dataTakenOn ?? input.options.date);
  return `根据基本公共卫生服务项目信息系统${taken}提取的数据（数据截至${formatChineseDate(input.period.end)}），经对${words.self}${input.period.label}基本公共卫生服务项目工作进度数据进行分析核定，现将工作进度情况择要通报如下：`;
}
