/**
 * An assessment scheme (考核方案) as data: sections of items with points. An item is an
 * indicator of the catalogue against a target (from the targets module, or a fixed value)
 * scored by a rule, a data-quality item scored by deductions per audit finding, or a manual
 * item an assessor enters with evidence. Stored as JSON, versioned by the module.
 */
import { z } from 'zod';
import { GongweiError, type ErrorIssue } from '../gongwei-error.js';
import { INDICATORS } from '../indicators/catalogue.js';
import { hasTwoDecimals, toCenti } from './exact.js';
import { ruleOf, ScoringSpecSchema, type ScoringSpec } from './rules/index.js';
import type { ItemKind } from './rules/scoring-rule.js';

const Text = z.object({ zh: z.string().min(1).max(300), en: z.string().min(1).max(300) }).strict();
const Id = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,59}$/, 'lower-case letters, digits, _ . -; at most 60');
const Points = z
  .number()
  .positive()
  .max(1000)
  .refine(hasTwoDecimals, { message: 'points have at most two decimals' });

/** Where an indicator item's target comes from. */
export const TargetSourceSchema = z.discriminatedUnion('source', [
  z
    .object({
      source: z.literal('targets'),
      /** `milestone`: the cumulative milestone due by the period end; `annual`: the year's target. */
      basis: z.enum(['milestone', 'annual']).default('milestone'),
    })
    .strict()
    .describe('the target set in the targets module (a count, compared with the numerator)'),
  z
    .object({ source: z.literal('fixed'), value: z.number().min(0) })
    .strict()
    .describe("a fixed value in the indicator's unit (a rate as a fraction 0..1, or a count)"),
]);

const ItemBase = { id: Id, name: Text, points: Points, note: Text.optional() };

/** The zod schema of one scheme item. */
export const ItemSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('indicator'),
      ...ItemBase,
      indicator: z.string(),
      target: TargetSourceSchema,
      scoring: ScoringSpecSchema,
    })
    .strict(),
  z.object({ kind: z.literal('audit'), ...ItemBase, scoring: ScoringSpecSchema }).strict(),
  z.object({ kind: z.literal('manual'), ...ItemBase, evidence: Text, scoring: ScoringSpecSchema }).strict(),
]);

/** The zod schema of a scheme as written (JSON). */
export const SchemeSchema = z
  .object({
    code: Id.describe('stable name; a new version is stored under the same code'),
    name: Text,
    /** Where the scheme's structure comes from, as text. */
    sources: z.array(z.string().min(1).max(500)).max(20).default([]),
    sections: z
      .array(z.object({ id: Id, name: Text, items: z.array(ItemSchema).min(1).max(100) }).strict())
      .min(1)
      .max(20),
  })
  .strict();

/** A scheme. */
export type Scheme = z.infer<typeof SchemeSchema>;
/** A section of a scheme. */
export type SchemeSection = Scheme['sections'][number];
/** An item of a scheme. */
export type SchemeItem = z.infer<typeof ItemSchema>;
/** An indicator item. */
export type IndicatorItem = Extract<SchemeItem, { kind: 'indicator' }>;

/** The items of a scheme with their section, in order. */
export function schemeItems(scheme: Scheme): Array<{ section: SchemeSection; item: SchemeItem }> {
  return scheme.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}

/** The scheme's full marks in centipoints. */
export function schemeMaxCenti(scheme: Scheme): number {
  return schemeItems(scheme).reduce((s, { item }) => s + toCenti(item.points), 0);
}

function scoringIssues(kind: ItemKind, scoring: ScoringSpec, at: string): ErrorIssue[] {
  const rule = ruleOf(scoring);
  if (rule.kinds.includes(kind)) return [];
  return [
    {
      field: `${at}.scoring.rule`,
      message: `规则 ${scoring.rule} 不能用于 ${kind} 类考核项 / rule '${scoring.rule}' cannot score a '${kind}' item (it scores ${rule.kinds.join(', ')})`,
    },
  ];
}

/**
 * Reads a scheme as written (JSON value) and checks what the schema cannot: unique ids,
 * known indicators, each rule on the kind of item it scores, fixed rates within 0..1,
 * `zeroAt` above a fixed target. Every problem is an issue naming its field; any issue is a
 * 400 (`validation`).
 *
 * @example
 * const scheme = parseScheme(JSON.parse(readFileSync('scheme.json', 'utf8')));
 */
export function parseScheme(value: unknown): Scheme {
  const parsed = SchemeSchema.safeParse(value);
  if (!parsed.success)
    throw GongweiError.validation(
      parsed.error.issues.map((i) => ({
        field: i.path.join('.') || 'scheme',
        message: `考核方案格式错误 / ${i.message}`,
      })),
    );
  const scheme = parsed.data;
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  scheme.sections.forEach((section, s) => {
    if (seen.has(section.id))
      issues.push({
        field: `sections.${s}.id`,
        message: `重复的编号 ${section.id} / duplicate id '${section.id}'`,
      });
    seen.add(section.id);
    section.items.forEach((item, i) => {
      const at = `sections.${s}.items.${i}`;
      if (seen.has(item.id))
        issues.push({ field: `${at}.id`, message: `重复的编号 ${item.id} / duplicate id '${item.id}'` });
      seen.add(item.id);
      issues.push(...scoringIssues(item.kind, item.scoring, at));
      if (item.kind !== 'indicator') return;
      const indicator = INDICATORS.find((x) => x.id === item.indicator);
      if (!indicator) {
        issues.push({
          field: `${at}.indicator`,
          message: `未知的指标 ${item.indicator} / unknown indicator '${item.indicator}'`,
        });
        return;
      }
      if (item.target.source === 'fixed' && indicator.unit === 'percent' && item.target.value > 1)
        issues.push({
          field: `${at}.target.value`,
          message: `比率目标应为0..1的小数 / a rate target is a fraction 0..1 (${item.target.value})`,
        });
      if (item.scoring.rule === 'lower_is_better') {
        if (item.target.source !== 'fixed')
          issues.push({
            field: `${at}.target.source`,
            message: '越低越好的项目需要固定目标值 / lower_is_better needs a fixed target',
          });
        else if (item.scoring.zeroAt <= item.target.value)
          issues.push({
            field: `${at}.scoring.zeroAt`,
            message: `zeroAt 应大于目标值 ${item.target.value} / zeroAt must be above the target`,
          });
      }
    });
  });
  if (issues.length > 0) throw GongweiError.validation(issues);
  return scheme;
}
