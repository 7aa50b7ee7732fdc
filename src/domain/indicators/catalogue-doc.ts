/**
 * docs/indicators.md, generated from the catalogue so the document and the code cannot
 * drift apart (a test compares them). Regenerate with
 * `node bin/gongwei.js indicators-catalogue > docs/indicators.md` after `npm run build`.
 */
import { PROGRAM_NAMES, isProgram } from '../programs.js';
import { INDICATORS, type IndicatorDefinition } from './catalogue.js';
import { cohortDefinitionLines } from './cohort-doc.js';
import { hypertensionDefinitionLines } from './hypertension-doc.js';
import { DEFAULT_PARAMETERS, PARAMETER_NOTES, type IndicatorParameters } from './parameters.js';
import type { ServiceRead } from './term-family.js';
import { ACTIVITY_TERM_FAMILY, PERSON_TERM_FAMILIES } from './terms.js';

const AREA_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  records: { zh: '居民健康档案', en: 'Health records' },
  vaccination: { zh: '预防接种', en: 'Vaccination' },
  health_education: { zh: '健康教育', en: 'Health education' },
  contracts: { zh: '家庭医生签约', en: 'Family-doctor contracts' },
  infectious_disease: {
    zh: '传染病及突发公共卫生事件报告和处理（上报）',
    en: 'Infectious disease and public-health emergency reporting (reported)',
  },
  health_supervision: { zh: '卫生监督协管（上报）', en: 'Health supervision assistance (reported)' },
  health_literacy: { zh: '居民健康素养（调查，上报）', en: 'Health literacy (survey, reported)' },
};

const PERIOD_NAMES: Readonly<Record<IndicatorDefinition['period'], string>> = {
  ytd: '年初至期末 year to date',
  as_of: '期末时点 as of the period end',
  window: '滚动窗口 rolling window',
  reported: '按期上报 reported per period',
};

const REPORTED_KIND_NAMES: Readonly<Record<NonNullable<IndicatorDefinition['reported']>['kind'], string>> = {
  ratio: '分子分母 numerator and denominator',
  count: '数 count',
  survey: '百分比或样本分子分母 a percentage, or the sample numerator and denominator',
};

function denominatorText(i: IndicatorDefinition): string {
  if (i.reported?.denominator)
    return `上报：${i.reported.denominator.zh}<br>reported: ${i.reported.denominator.en}`;
  const d = i.denominator;
  if (!d) return '—';
  if (d.kind === 'term') return `\`${d.term}\``;
  return d.factor ? `population.${d.base} × ${d.factor}` : `population.${d.base}`;
}

/** What a family reads, as a table cell: each type with its hot columns and payload fields. */
function readsText(reads: readonly ServiceRead[], everyDate: boolean): string {
  const parts = reads.map((r) => {
    const fields = [...(r.columns ?? []), ...Object.keys(r.payload ?? {}).map((f) => `payload.${f}`)];
    return fields.length ? `\`${r.type}\` (${fields.join(', ')})` : `\`${r.type}\``;
  });
  if (everyDate) parts.unshift('every service (date)');
  return parts.join('<br>') || '—';
}

/** The section listing the term families: their terms and what they read of services. */
function termFamilyLines(): string[] {
  const lines = [
    '## 统计项 Terms and what they read',
    '',
    'The numerators and denominators above are terms, decided by families of rules (src/domain/indicators/term-families/).',
    'The engine loads of services only what a family declares here; a service type no family reads costs it nothing but its date.',
    '',
    '| family | 统计项 terms | 读取 reads | 仅限 only for |',
    '| --- | --- | --- | --- |',
  ];
  for (const f of PERSON_TERM_FAMILIES)
    lines.push(
      `| ${f.id} | ${f.terms.map((t) => `\`${t}\``).join(' ')} | ${readsText(f.reads, f.readsEveryServiceDate === true)} | ${f.program ? `enrolled in ${f.program}` : '—'} |`,
    );
  const a = ACTIVITY_TERM_FAMILY;
  lines.push(
    `| ${a.id} | ${a.terms.map((t) => `\`${t}\``).join(' ')} | ${readsText([a.reads], false)} (activities, no person) | — |`,
  );
  lines.push('');
  return lines;
}

/** The section on reported indicators: how they are entered and rolled up. */
function reportedLines(): string[] {
  const lines = [
    '## 上报指标 Reported indicators',
    '',
    "The indicators of the three sections marked 上报 are not computed from residents' services: each org reports them per period",
    "(`gongwei reported import`, POST /api/reported-values; see docs/reported-indicators.md), with their source. An org's value",
    'is its own report (`source: reported` in GET /api/indicators) or, when only units below it reported, the sum of their numerators',
    'over the sum of their denominators (`source: summed`); a survey percentage entered without its sample is shown only where reported.',
    'A period without its own report: counts and ratios are the sum of its quarters only when every quarter is reported (else no',
    'figure, and a remark names the missing quarters); a survey is never summed, the latest survey within the period is shown with',
    'its period in a remark; a month inside a reported quarter has a remark, not a figure (src/domain/reported/reported-periods.ts).',
    '',
    '| id | 上报方式 entered as | 期间 periods |',
    '| --- | --- | --- |',
  ];
  for (const i of INDICATORS)
    if (i.reported)
      lines.push(
        `| \`${i.id}\` | ${REPORTED_KIND_NAMES[i.reported.kind]} | ${i.reported.periods.join(', ')} |`,
      );
  lines.push('');
  return lines;
}

/** The markdown of docs/indicators.md. */
export function catalogueMarkdown(): string {
  const lines: string[] = [
    '# 指标目录 Indicator catalogue',
    '',
    '<!-- Generated from src/domain/indicators/catalogue.ts: `node bin/gongwei.js indicators-catalogue > docs/indicators.md`. Do not edit by hand. -->',
    '',
    'Every value is computed for any org at any level and any period (year `2020`, half `2020H1`, quarter `2020Q2`, month `2020-06`, 旬 `2020-06-1`),',
    "as of the period end, year to date from 1 January where the programme counts services; parents are sums of their children's numerators over",
    'sums of their denominators, never averages of rates. People are counted where they live now; anyone dead or moved out on or before the period',
    'end is excluded; an enrolment is active at the end E when it started on or before E and has no end date or ends after E.',
    "Population denominators are the sums of the village rows of `org_population` for the period's year. Expected patients",
    "(population × prevalence) are whole persons: each unit's own population times the prevalence, rounded half up, so a",
    "parent's may differ from the sum of its children's by less than one person per child.",
    'A rate above 100 % carries the remark 超过100%：分母偏低 (API field `remark`, the UI, the bulletin and Excel): the population',
    'or the prevalence is too low, never a result to print as if it were fine.',
    '',
    `${INDICATORS.length} indicators.`,
    '',
  ];
  const programs = [...new Set(INDICATORS.map((i) => i.program))];
  for (const program of programs) {
    const name = isProgram(program)
      ? PROGRAM_NAMES[program]
      : (AREA_NAMES[program] ?? { zh: program, en: program });
    lines.push(`## ${name.zh} ${name.en}`, '');
    lines.push(
      '| id | 名称 name | 单位 unit | 分子 numerator | 分母 denominator | 期间 period | 公式 formula | 依据 source |',
    );
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const i of INDICATORS.filter((x) => x.program === program)) {
      const numerator = i.reported
        ? `上报：${i.reported.numerator.zh}<br>reported: ${i.reported.numerator.en}`
        : i.numerator.minus
          ? `\`${i.numerator.term}\` − \`${i.numerator.minus}\``
          : `\`${i.numerator.term}\``;
      const params = i.parameters.length ? ` (${i.parameters.join(', ')})` : '';
      lines.push(
        `| \`${i.id}\` | ${i.name.zh}<br>${i.name.en} | ${i.unit === 'percent' ? '%' : '数 count'} | ${numerator} | ${denominatorText(i)} | ${PERIOD_NAMES[i.period]} | ${i.formula.zh}<br>${i.formula.en} | ${i.source.zh}<br>${i.source.en}${params} |`,
      );
    }
    lines.push('');
  }
  lines.push(...reportedLines());
  lines.push(...hypertensionDefinitionLines());
  lines.push(...cohortDefinitionLines());
  lines.push(...termFamilyLines());
  lines.push('## 参数 Parameters', '', '| parameter | default | 说明 description |', '| --- | --- | --- |');
  for (const key of Object.keys(DEFAULT_PARAMETERS) as (keyof IndicatorParameters)[])
    lines.push(
      `| \`${key}\` | ${DEFAULT_PARAMETERS[key]} | ${PARAMETER_NOTES[key].zh}<br>${PARAMETER_NOTES[key].en} |`,
    );
  lines.push('');
  return lines.join('\n');
}
