/**
 * 一、工作进度和存在问题: the progress half of the body — the records paragraph (counts,
 * effective rate, the comparison with the level above, the units under the bar) and one
 * paragraph per managed population that has data (its counts, rates and named units, and
 * the findings behind them).
 */
import type { BulletinBlock } from './bulletin-block.js';
import type { NamingSection } from './bulletin-input.js';
import {
  findingTotal,
  hotspotLabels,
  countText,
  namedClause,
  sentence,
  type SectionContext,
} from './bulletin-facts.js';
import {
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

/**
 * The name the annex and the charts print for an indicator (the catalogue's, through the
 * input), so that the text calls a rate by the same name; `fallback` for an input without it.
 */
function nameOf(ctx: SectionContext, id: string, fallback: string): string {
  return ctx.input.indicators.find((m) => m.id === id)?.name.zh ?? fallback;
}

function guidanceClause(rate: number | null, name: string, who: string, patients: string): string {
  if (rate === null) return '';
  return `${name}为${formatPercent(rate)}（${who}中有健康指导意见或针对性就诊建议的人数占比），有${formatPercent(1 - rate)}的${patients}无指导意见`;
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
    guidanceClause(
      table.value(org, `${program}.guidance_rate`),
      nameOf(ctx, `${program}.guidance_rate`, '控制不满意患者干预率'),
      who,
      uncontrolled,
    ),
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
          `${nameOf(ctx, 'maternal.service_rate', '孕产妇健康管理率')}${formatPercent(table.value(org, 'maternal.service_rate'))}`,
        ]).replace(/。$/, '；') +
        sentence([
          `按产后42天随访结案的产妇数来看，${nameOf(ctx, 'maternal.postpartum_42d_rate', '产后42天健康检查率')}为${formatPercent(table.value(org, 'maternal.postpartum_42d_rate'))}`,
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

/**
 * The blocks of 一、工作进度和存在问题: its heading, （一）居民健康档案管理 when the org has
 * record values, （二）重点管理人群服务工作 with one item per population that has values.
 */
export function buildProgressBlocks(ctx: SectionContext): BulletinBlock[] {
  const { input, table } = ctx;
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
  // Family-doctor contracts (ADR 0018): only once someone holds a key-population contract, so
  // a county without contract data is not told its rate is 0.
  const keyContracts = table.numerator(input.org.code, 'contracts.contract_rate_key');
  if (keyContracts !== null && keyContracts > 0) {
    const n = blocks.filter((b) => b.kind === 'heading' && b.level === 2).length + 1;
    blocks.push({ kind: 'heading', level: 2, text: `${subsectionMarker(n)}家庭医生签约服务` });
    blocks.push({ kind: 'paragraph', text: `${itemMarker(1)}${contractsParagraph(ctx)}` });
  }
  return blocks;
}

/** 重点人群签约 with the overall, renewal and delivery rates, as far as they have values. */
function contractsParagraph(ctx: SectionContext): string {
  const { input, table, words } = ctx;
  const org = input.org.code;
  const rate = (id: string, name: string): string => {
    const v = table.value(org, `contracts.${id}`);
    return v === null ? '' : `${name}为${formatPercent(v)}`;
  };
  return sentence([
    `至${input.period.shortLabel}${words.whole}重点人群签约${countText(table.numerator(org, 'contracts.contract_rate_key'), '人')}`,
    rate('contract_rate_key', '重点人群家庭医生签约率'),
    rate('contract_rate', '家庭医生签约率'),
    rate('renewal_rate', '续约率'),
    rate('fulfilment_rate', '履约率'),
  ]);
}
