/**
 * docs/assessment.md, generated from the scoring rules and the default scheme so that the
 * document and the code cannot drift apart (assessment-doc.test.ts compares them; run it
 * with GONGWEI_WRITE_DOCS=1 to rewrite the file).
 */
import { INDICATORS } from '../indicators/catalogue.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { formatCenti, toCenti } from './exact.js';
import { SCORING_RULE_IDS, SCORING_RULES, type ScoringSpec } from './rules/index.js';
import type { SchemeItem } from './scheme.js';

function scoringText(s: ScoringSpec): string {
  switch (s.rule) {
    case 'pro_rata':
      return '`pro_rata`';
    case 'floor':
      return `\`floor\` (floor ${s.floor})`;
    case 'lower_is_better':
      return `\`lower_is_better\` (zeroAt ${s.zeroAt})`;
    case 'deductions':
      return `\`deductions\` (${Object.entries(s.perFinding)
        .map(([r, p]) => `${r} −${p}`)
        .join(', ')}; cap ${s.cap ?? 'points'})`;
    case 'manual':
      return '`manual`';
  }
}

function measureText(item: SchemeItem): string {
  if (item.kind === 'indicator') {
    const ind = INDICATORS.find((i) => i.id === item.indicator);
    const target =
      item.target.source === 'fixed'
        ? ind?.unit === 'percent'
          ? `${Math.round(item.target.value * 1000) / 10}%`
          : String(item.target.value)
        : `targets module (${item.target.basis})`;
    return `\`${item.indicator}\` vs ${target}`;
  }
  if (item.kind === 'audit') return 'current audit findings';
  return `${item.evidence.zh}<br>${item.evidence.en}`;
}

/** The markdown of docs/assessment.md. */
export function assessmentMarkdown(): string {
  const lines: string[] = [
    '# 绩效考核 Performance assessment',
    '',
    '<!-- Generated from src/domain/assessment (rules and default scheme): `GONGWEI_WRITE_DOCS=1 npx vitest run src/domain/assessment/assessment-doc.test.ts`. Do not edit by hand. -->',
    '',
    'Bureaus assess their health centres (or a city its counties) two or three times a year and pay them by the result',
    '(seeds/001: 考核评估组每年2-3次考核评估; seeds/002 二(四) on funds). In Gongwei an assessment scheme is data: sections of',
    'items with points; each item is an indicator of the catalogue against a target (from the targets module, or a fixed value)',
    'scored by a rule, a data-quality item scored by deductions per audit finding, or a manual item an assessor enters with',
    'evidence. A run assesses a set of units (the children of an org) for a period and stores, per unit and item, the value,',
    'target, rule, points, score and explanation, with the scheme version and the data cut-off (ADR 0015).',
    '',
    '## Arithmetic',
    '',
    '- Scores are kept in hundredths of a point (centipoints), computed exactly from the counts (a rate is numerator ÷ denominator,',
    '  not a rounded percentage) and rounded **once per item, half up**, to 0.01 point. Points and deductions have at most two decimals.',
    '- An item that cannot be scored for a unit (no target set for it, nobody to serve: denominator 0) is **合理缺项**: it leaves',
    '  both the total and the maximum; the **converted score** (折算得分) = total × full marks ÷ applicable maximum, rounded half up.',
    '  Units are ranked by the converted score; equal scores share a rank (1, 2, 2, 4).',
    '- A manual item not entered counts 0 and is marked missing, so an unfinished assessment shows as such.',
    '- Targets from the targets module are counts (the cumulative milestone due by the period end, or the annual target) and are',
    "  compared with the indicator's numerator; fixed targets are in the indicator's unit (a rate as a fraction 0..1).",
    '',
    '## 评分规则 Scoring rules',
    '',
    'One file per rule in `src/domain/assessment/rules/`, listed once in `rules/index.ts`.',
    '',
    '| rule | 名称 name | 说明 description | items |',
    '| --- | --- | --- | --- |',
  ];
  for (const id of SCORING_RULE_IDS) {
    const r = SCORING_RULES[id];
    lines.push(
      `| \`${id}\` | ${r.name.zh}<br>${r.name.en} | ${r.description.zh}<br>${r.description.en} | ${r.kinds.join(', ')} |`,
    );
  }
  lines.push(
    '',
    `## 默认方案 Default scheme \`${DEFAULT_SCHEME.code}\``,
    '',
    `${DEFAULT_SCHEME.name.zh} — ${DEFAULT_SCHEME.name.en}. Export it with \`gongwei assess scheme export ${DEFAULT_SCHEME.code}\` (JSON, or \`--out scheme.xlsx\` for a workbook), edit, import as a new version.`,
    '',
  );
  for (const section of DEFAULT_SCHEME.sections) {
    const total = section.items.reduce((s, i) => s + toCenti(i.points), 0);
    lines.push(`### ${section.name.zh} ${section.name.en} (${formatCenti(total)})`, '');
    lines.push(
      '| id | 项目 item | 分值 points | 测量 measure | 规则 rule |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const item of section.items)
      lines.push(
        `| \`${item.id}\` | ${item.name.zh}<br>${item.name.en} | ${item.points} | ${measureText(item)} | ${scoringText(item.scoring)} |`,
      );
    lines.push('');
  }
  lines.push(
    '## 方案文件 Scheme files: JSON and Excel',
    '',
    'A scheme is exported and imported as JSON or as an Excel workbook (.xlsx), in the web page, by the API',
    '(`GET /api/assessment/schemes/{code}/scheme.xlsx`, `POST /api/assessment/schemes/xlsx` with the file as the body) or the',
    'CLI (`gongwei assess scheme export <code> --out scheme.xlsx`, `gongwei assess scheme import scheme.xlsx`). The workbook has',
    'two sheets: **方案** (rows `code`, `name_zh`, `name_en`, one `source` row per source) and **项目** (one row per item, in',
    'order; consecutive rows with the same `section_id` form a section; columns kind, id, names, points, indicator, target',
    '(`target_source` targets/fixed, `target_basis` milestone/annual, `target_value`), `rule` with its parameters `floor`, `zero_at`,',
    '`per_finding` written `duplicate_records=0.05; id_problems=0.05` and `cap`, evidence and note in both languages). Exported and',
    're-imported unchanged, it gives the same scheme, so the import stores no new version. A cell that cannot be read, or an item',
    'the scheme refuses (an unknown indicator, a rule on the wrong kind of item), is refused naming sheet, row and column',
    "(`工作表「项目」第5行H列` / `sheet '项目', row 5, column H`), and nothing is stored.",
    '',
    '## 网页 The web page (绩效考核, /assessment)',
    '',
    'Shown to every role that reads aggregates; running, importing, editing and entering scores need `assessment.write` and are',
    'not shown without it.',
    '',
    '- **考核与结果 Assess & results**: the units are the children of the org chosen in the org picker, the period the one of the',
    '  period picker; choose the scheme and run. The runs of that org and period are listed (newest shown); the ranking shows',
    '  rank, converted score (折算得分), score out of the applicable maximum, the change since the previous run of the same org and',
    "  scheme (points and rank), and the manual items still to enter. A unit's score opens its items: value, target, rule, score",
    "  and explanation; an indicator item leads to the indicator's page for that unit and period, and (with `personal.read`) to",
    '  the people counted. The Word report (通报) and the Excel table of the run are downloaded from the same card.',
    '- **考核方案 Schemes**: every version of every scheme; view one (sections with full marks, items with points, target and',
    '  rule); download it as JSON or Excel; upload a JSON or .xlsx scheme; or change the points of the shown version and save them',
    '  as a new version.',
    '- **现场考核录入 On-site scores**: an assessor enters the score of a manual item for a child of the chosen org and the chosen',
    '  period with its evidence; the newest entry counts in the next run.',
    '',
    '## Sources, and what is our construction',
    '',
    ...DEFAULT_SCHEME.sources.map((s) => `- ${s}`),
    '',
    'What comes from the sources: the four parts of the national performance evaluation (组织管理、资金管理、项目执行、项目效果,',
    'satisfaction among the effects), assessment by groups two or three times a year (seeds/001), funds in place, paid on time and',
    'without idle balances (seeds/002 二(四)), and the data problems named by seeds/002 (identical elderly check-ups, arm BP',
    'differences, duplicate records) as deductions.',
    '',
    '**Our construction, not taken from a document:** the points of every item and section (10/10/60/20); the fixed targets',
    '(90 % electronic records and vaccination, 85 % child health management, 90 % maternal, 60 % standardised management and control',
    'of hypertension and diabetes, 80 % severe mental disorders, 90 % TB, 60 % record use, 10 % HEARTS loss to follow-up with zero',
    'at 30 %) — they are of the order of the national targets of recent years but were not checked against a notice here; the floor',
    'of half the target; the deduction per finding and its cap. A bureau sets its own by exporting the scheme, editing it and',
    'importing it as a new version: the default is a starting point, not a rule.',
    '',
  );
  return lines.join('\n');
}
