/**
 * 二、下一步工作要求: the follow-up requirements, each generated from a finding of the
 * data — units under the bar named, duplicate clean-up with counts per unit, ID problems,
 * identical check-ups with their hotspots, arm BP differences, guidance for uncontrolled
 * patients, low follow-up rates, implausible data. A requirement with no finding behind
 * it is not written.
 */
import type { NamingSection } from './bulletin-input.js';
import { findingTotal, hotspotLabels, namedList, sentence, type SectionContext } from './bulletin-facts.js';
import type { BulletinBlock } from './bulletin-block.js';
import { fundsRequirement } from './funds-section.js';
import {
  enumerationMarker,
  formatCount,
  formatPercent,
  formatThreshold,
  itemMarker,
  joinEnumeration,
  subsectionMarker,
} from './chinese-format.js';

/** Units with the most of something, "崆峒区120份、华亭市80份", largest first. */
function countsPerUnit(
  rows: ReadonlyArray<{ name: string; count: number }>,
  unit: string,
  limit = Number.POSITIVE_INFINITY,
): string {
  return joinEnumeration(
    rows
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, limit)
      .map((r) => `${r.name}${formatCount(r.count)}${unit}`),
  );
}

function childFindingCounts(ctx: SectionContext, rule: string): Array<{ name: string; count: number }> {
  return ctx.input.children.map((c) => ({
    name: c.name,
    count: ctx.input.findings
      .filter((f) => f.org === c.code && f.rule === rule)
      .reduce((s, f) => s + f.count, 0),
  }));
}

function barWords(ctx: SectionContext, section: NamingSection): string {
  const rule = ctx.rules[section];
  if (rule.kind === 'threshold') return `低于${formatThreshold(rule.threshold)}`;
  if (rule.kind === 'target') return '未达到目标';
  if (rule.kind === 'reference') return '低于对比水平';
  return `在${ctx.words.children}中排名靠后`;
}

function recordsRequirement(ctx: SectionContext): string | null {
  const named = ctx.named.records;
  if (named.length === 0) return null;
  return (
    `${joinEnumeration(named.map((u) => u.name))}有效建档率${barWords(ctx, 'records')}（${namedList(named)}），影响${ctx.words.whole}有效建档率。` +
    '要结合常态化疫情防控工作和流动人口管理工作，对常住6个月以上人口及时建立健康档案，确保居民健康档案向公众开放工作顺利开展。'
  );
}

function duplicatesRequirement(ctx: SectionContext): { lead: string; text: string } | null {
  const { input, table, words } = ctx;
  const duplicates = table.value(input.org.code, 'records.duplicates') ?? 0;
  const idProblems = findingTotal(input, 'id_problems');
  if (duplicates <= 0 && idProblems <= 0) return null;
  const parts: string[] = [];
  if (duplicates > 0) {
    const perUnit = countsPerUnit(
      input.children.map((c) => ({ name: c.name, count: table.value(c.code, 'records.duplicates') ?? 0 })),
      '份',
    );
    parts.push(
      `目前${words.whole}仍有重复档案${formatCount(duplicates)}份${perUnit ? `，其中${perUnit}` : ''}。` +
        `${words.children}要紧盯目标，逐${words.grandchild}、逐人减重销号，尽快完成重复档案清零。`,
    );
  }
  if (idProblems > 0) {
    const perUnit = countsPerUnit(childFindingCounts(ctx, 'id_problems'), '份', 3);
    parts.push(
      `${words.whole}居民身份证号码为空或异常的健康档案${formatCount(idProblems)}份${perUnit ? `，较多的有${perUnit}` : ''}，要结合减重工作一并清理规范。`,
    );
  }
  return {
    lead: duplicates > 0 ? '全面完成重复档案清零工作。' : '规范居民身份证号码信息。',
    text: parts.join(''),
  };
}

function elderlyRequirement(ctx: SectionContext): string | null {
  const { input, words } = ctx;
  const clauses: string[] = [];
  if (ctx.named.elderly.length > 0)
    clauses.push(
      `总体进度比较缓慢，尤其是${namedList(ctx.named.elderly)}，工作差距明显。要抓紧有利时间，开展体检工作。`,
    );
  const identical = findingTotal(input, 'identical_checkups');
  if (identical > 0) {
    const hot = hotspotLabels(input, 'identical_checkups');
    clauses.push(
      `老年人体检数据雷同问题务必全面禁绝。${words.self}老年人体检6项体检指标中4项以上指标完全一致的个案数为${formatCount(identical)}人` +
        `${hot.length > 0 ? `，比较集中的有：${joinEnumeration(hot)}` : ''}，要逐人核实，据实更正。`,
    );
  }
  const armBp = findingTotal(input, 'arm_bp_difference');
  if (armBp > 0) {
    const hot = hotspotLabels(input, 'arm_bp_difference');
    clauses.push(
      `工作规范性要提高。${words.self}老年人体检数据中，左右侧血压差大于10mmHg的体检记录人数为${formatCount(armBp)}人` +
        `${hot.length > 0 ? `（较多的有：${joinEnumeration(hot)}）` : ''}，` +
        '特别是左右侧血压差大于20mmHg的要隔天重测，数据准确的要建议患者就诊。',
    );
  }
  if (clauses.length === 0) return null;
  return clauses.map((c, i) => `${enumerationMarker(i + 1)}${c}`).join('');
}

function chronicRequirement(ctx: SectionContext): string | null {
  const { input, table, words } = ctx;
  const missing = findingTotal(input, 'uncontrolled_without_guidance');
  const rates = (['hypertension', 'diabetes'] as const)
    .map((p) => ({ p, rate: table.value(input.org.code, `${p}.guidance_rate`) }))
    .filter((r): r is { p: 'hypertension' | 'diabetes'; rate: number } => r.rate !== null && r.rate < 1);
  if (missing <= 0 && rates.length === 0) return null;
  const facts: string[] = [];
  for (const r of rates)
    facts.push(
      `${r.p === 'hypertension' ? '高血压' : '糖尿病'}控制不满意患者有指导意见的占${formatPercent(r.rate)}`,
    );
  if (missing > 0) {
    const hot = hotspotLabels(input, 'uncontrolled_without_guidance');
    facts.push(
      `控制不满意但未记录健康指导或就诊建议的随访记录${formatCount(missing)}条${hot.length > 0 ? `，较多的有：${joinEnumeration(hot)}` : ''}`,
    );
  }
  return `${sentence([`${words.whole}${facts.join('，')}`])}要对控制不满意的高血压、糖尿病病人，进行健康指导或针对性就诊建议，提高服务规范性和合格率。`;
}

const FOLLOWUP_SECTIONS: ReadonlyArray<{ section: NamingSection; name: string }> = [
  { section: 'maternal', name: '孕产妇产后42天随访' },
  { section: 'child', name: '0—6岁儿童随访' },
  { section: 'tuberculosis', name: '肺结核患者随访' },
  { section: 'severe_mental', name: '严重精神障碍患者随访' },
];

function followupRequirement(ctx: SectionContext): string | null {
  const lines = FOLLOWUP_SECTIONS.filter((s) => ctx.named[s.section].length > 0).map(
    (s) => `${s.name}率${namedList(ctx.named[s.section])}`,
  );
  if (lines.length === 0) return null;
  return `主要问题是随访率低，特别是${lines.join('；')}。上述单位要逐人排查未随访对象，限期补齐随访。`;
}

function plausibilityRequirement(ctx: SectionContext): string | null {
  const { input, words } = ctx;
  const facts: string[] = [];
  const implausible = findingTotal(input, 'implausible_values');
  if (implausible > 0) facts.push(`数值不合理或日期矛盾的记录${formatCount(implausible)}条`);
  const digits = findingTotal(input, 'digit_preference');
  if (digits > 0) facts.push(`血压读数尾数偏好提示${formatCount(digits)}条`);
  const outliers = findingTotal(input, 'aggregate_outliers');
  if (outliers > 0)
    facts.push(`月度服务量或血压达标比例明显偏离本单位历史或同级单位的异常值${formatCount(outliers)}个`);
  const unused = findingTotal(input, 'unused_records');
  if (unused > 0) facts.push(`12个月以上未动态使用的健康档案${formatCount(unused)}份`);
  if (facts.length === 0) return null;
  return `${words.whole}数据质量核查发现${joinEnumeration(facts)}。${words.children}要对照问题清单逐条核实更正，做到数据真实、准确、动态更新。`;
}

/** Builds the requirement blocks (headings （一）… and their items) from the findings. */
export function buildRequirements(ctx: SectionContext): BulletinBlock[] {
  const items: Array<{ lead: string; text: string }> = [];
  const records = recordsRequirement(ctx);
  if (records) items.push({ lead: '结合常态化疫情防控工作，提高有效档案建档率。', text: records });
  const duplicates = duplicatesRequirement(ctx);
  if (duplicates) items.push(duplicates);

  const services = [
    { lead: '老年人体检工作。', text: elderlyRequirement(ctx) },
    { lead: '慢性病患者服务规范性要提高。', text: chronicRequirement(ctx) },
    { lead: '孕产妇、0—6岁儿童、肺结核和严重精神障碍患者随访率要提高。', text: followupRequirement(ctx) },
  ].filter((s): s is { lead: string; text: string } => s.text !== null);

  const blocks: BulletinBlock[] = [];
  let n = 0;
  for (const item of items) {
    n += 1;
    blocks.push({ kind: 'paragraph', lead: `${subsectionMarker(n)}${item.lead}`, text: item.text });
  }
  if (services.length > 0) {
    n += 1;
    blocks.push({
      kind: 'paragraph',
      lead: `${subsectionMarker(n)}高质量规范化做好重点人群服务。`,
      text: '',
    });
    services.forEach((s, i) =>
      blocks.push({ kind: 'paragraph', lead: `${itemMarker(i + 1)}${s.lead}`, text: s.text }),
    );
  }
  const plausibility = plausibilityRequirement(ctx);
  if (plausibility) {
    n += 1;
    blocks.push({
      kind: 'paragraph',
      lead: `${subsectionMarker(n)}提高数据真实性和准确性。`,
      text: plausibility,
    });
  }
  const funds = fundsRequirement(ctx.input.funds, ctx.words);
  if (funds) {
    n += 1;
    blocks.push({ kind: 'paragraph', lead: `${subsectionMarker(n)}规范使用项目经费。`, text: funds });
  }
  if (n === 0) {
    blocks.push({
      kind: 'paragraph',
      lead: `${subsectionMarker(1)}巩固工作成效。`,
      text: `本期数据未发现需要通报的问题，${ctx.words.children}要保持工作进度，持续提高服务质量。`,
    });
  }
  return blocks;
}
