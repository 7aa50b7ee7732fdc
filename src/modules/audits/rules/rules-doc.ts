/**
 * The rule tables of docs/audits.md, generated from the rule list so the document and the
 * code cannot drift apart (a test compares them). The hand-written prose of the document
 * stays around the generated part, which lies between two marker comments. Regenerate with
 * `node bin/gongwei.js audit rules --format markdown --update docs/audits.md` after `npm run build`.
 */
import { z } from 'zod';
import { SEVERITIES } from '../../../domain/audits/vocabulary.js';
import { GongweiError, type LocalizedText } from '../../../domain/gongwei-error.js';
import type { AuditRule, FindingSubjectKind } from './audit-rule.js';
import { AUDIT_RULES } from './index.js';

/** The comment the generated part starts with. */
export const GENERATED_RULES_BEGIN =
  '<!-- BEGIN audit rules: generated from src/modules/audits/rules/ by `node bin/gongwei.js audit rules --format markdown --update docs/audits.md`; do not edit by hand. -->';

/** The comment the generated part ends with. */
export const GENERATED_RULES_END = '<!-- END audit rules -->';

const SUBJECT_NAMES: Readonly<Record<FindingSubjectKind, string>> = {
  duplicate_set: '重复档案组 duplicate set',
  resident: '居民档案 resident',
  service: '服务记录 service',
  unit: '单位与时段 unit and window',
  unit_records: '单位的档案 a unit’s records',
};

/** One line of Chinese and English in a table cell. */
const both = (t: LocalizedText): string => `${t.zh}<br>${t.en}`;

const code = (value: unknown): string => `\`${String(value)}\``;

/** A `zh / en` description as two lines of a cell (a `|` would end the cell). */
function described(text: string | undefined): string {
  if (!text) return '';
  const cell = text.replaceAll('|', '\\|');
  const at = cell.indexOf(' / ');
  return at < 0 ? cell : `${cell.slice(0, at)}<br>${cell.slice(at + 3)}`;
}

function isRange(value: unknown): value is { min: number; max: number } {
  return typeof value === 'object' && value !== null && 'min' in value && 'max' in value;
}

/** A default value as a reader wants it: lists as lists, ranges as ranges. */
function defaultText(value: unknown): string {
  if (Array.isArray(value))
    return value.length === 0
      ? '—'
      : value.map((v) => (Array.isArray(v) ? code(v.join('+')) : code(v))).join(', ');
  if (typeof value === 'object' && value !== null && Object.values(value).every(isRange))
    return Object.entries(value)
      .map(
        ([k, r]) =>
          `${code(k)} ${(r as { min: number; max: number }).min}–${(r as { min: number; max: number }).max}`,
      )
      .join(', ');
  return code(typeof value === 'object' ? JSON.stringify(value) : value);
}

type JsonSchema = {
  type?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

/** A bound zod gives every integer (±2^53 − 1): no bound for a reader. */
const bound = (n: number | undefined): number | undefined =>
  n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n;

/** What values a parameter takes, from its JSON schema (the one the API documents). */
function allowedText(s: JsonSchema): string {
  if (s.enum) return s.enum.map(code).join(' \\| ');
  if (s.anyOf)
    return s.anyOf.map((a) => (a.const === undefined ? allowedText(a) : code(a.const))).join(' \\| ');
  if (s.type === 'integer' || s.type === 'number') {
    const kind = s.type === 'integer' ? '整数 integer' : '数 number';
    const [min, max] = [bound(s.minimum), bound(s.maximum)];
    if (min !== undefined && max !== undefined) return `${kind} ${min}–${max}`;
    if (min !== undefined) return `${kind} ≥ ${min}`;
    if (max !== undefined) return `${kind} ≤ ${max}`;
    return kind;
  }
  if (s.type === 'boolean') return '`true` \\| `false`';
  if (s.type === 'array') {
    const count =
      s.minItems !== undefined && s.maxItems !== undefined
        ? ` (${s.minItems}–${s.maxItems})`
        : s.maxItems !== undefined
          ? ` (≤ ${s.maxItems})`
          : '';
    return `列表 list${count} of ${s.items ? allowedText(s.items) : 'values'}`;
  }
  if (s.type === 'object') {
    const shapes = new Set(
      Object.values(s.properties ?? {}).map((p) => Object.keys(p.properties ?? {}).join(', ')),
    );
    const [shape] = shapes;
    return shapes.size === 1 && shape ? `对象 object, each {${shape}}` : '对象 object';
  }
  if (s.type === 'string') return '文本 text';
  return s.type ?? '';
}

function severityText(severities: AuditRule['severities']): string {
  return SEVERITIES.filter((s) => severities[s])
    .map((s) => `**${s}** ${severities[s]!.zh} ${severities[s]!.en}`)
    .join('<br>');
}

/**
 * The generated part of docs/audits.md: a table of the rules, and one of their parameters
 * with defaults, allowed values and descriptions — markers included.
 */
export function auditRulesMarkdown(rules: readonly AuditRule[] = AUDIT_RULES): string {
  const lines = [
    GENERATED_RULES_BEGIN,
    '',
    '| id | 名称 name | 说明 description | 严重程度 severity | 对象 subject |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map(
      (r) =>
        `| ${code(r.id)} | ${both(r.name)} | ${both(r.description)} | ${severityText(r.severities)} | ${SUBJECT_NAMES[r.subject]} |`,
    ),
    '',
    '### 参数 Parameters',
    '',
    '| rule | parameter | 默认 default | 取值 allowed | 说明 description |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rules) {
    const defaults = r.parameters.parse({}) as Record<string, unknown>;
    const schema = z.toJSONSchema(r.parameters, { io: 'input' }) as {
      properties?: Record<string, JsonSchema>;
    };
    for (const [key, field] of Object.entries(r.parameters.shape))
      lines.push(
        `| ${code(r.id)} | ${code(key)} | ${defaultText(defaults[key])} | ${allowedText(schema.properties?.[key] ?? {})} | ${described(field.description)} |`,
      );
  }
  lines.push('', GENERATED_RULES_END);
  return lines.join('\n');
}

/**
 * `document` with its generated part replaced by what the rule list gives now.
 *
 * @example writeFileSync('docs/audits.md', withGeneratedRules(readFileSync('docs/audits.md', 'utf8')))
 */
export function withGeneratedRules(document: string, rules: readonly AuditRule[] = AUDIT_RULES): string {
  const begin = document.indexOf(GENERATED_RULES_BEGIN);
  const end = document.indexOf(GENERATED_RULES_END);
  if (begin < 0 || end < begin)
    throw GongweiError.unprocessable({
      zh: `文档中没有生成部分：请加入 ${GENERATED_RULES_BEGIN} 与 ${GENERATED_RULES_END} 两行`,
      en: `the document has no generated part: add the lines ${GENERATED_RULES_BEGIN} and ${GENERATED_RULES_END}`,
    });
  return (
    document.slice(0, begin) + auditRulesMarkdown(rules) + document.slice(end + GENERATED_RULES_END.length)
  );
}
