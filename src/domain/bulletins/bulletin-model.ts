/**
 * The bulletin (通报) as a document model, built from indicator values, audit counts,
 * hotspots and targets, in the structure of the model bulletin (seeds/002…): title,
 * addressee, source and cut-off, 一、工作进度和存在问题 (progress-section.ts),
 * 二、下一步工作要求 (requirements.ts), annex, issuer and date. Renderers (Word, HTML) only
 * lay this model out.
 */
import { GongweiError } from '../gongwei-error.js';
import { buildAnnex, type Annex } from './annex.js';
import type { BulletinBlock } from './bulletin-block.js';
import {
  defaultNamingRules,
  NAMING_SECTIONS,
  type BulletinInput,
  type NamingSection,
} from './bulletin-input.js';
import { bulletinTitle, bulletinTitleLines, type BulletinPeriod } from './bulletin-period.js';
import { buildChartSpecs, type ChartSpec } from './chart-specs.js';
import { formatChineseDate, sectionMarker } from './chinese-format.js';
import { RANKING_INDICATOR, unitRates, ValueTable, type SectionContext } from './bulletin-facts.js';
import { levelWords, type LevelWords } from './level-words.js';
import { buildFundsBlocks } from './funds-section.js';
import { buildProgressBlocks } from './progress-section.js';
import { buildRequirements } from './requirements.js';
import { selectNamedUnits, type NamedUnit, type NamingRule } from './unit-naming.js';

export type { BulletinBlock } from './bulletin-block.js';

/** The whole document, ready to lay out. */
export interface BulletinModel {
  readonly org: { readonly code: string; readonly name: string; readonly level: number };
  readonly period: string;
  readonly periodLabel: string;
  readonly docNumber?: string;
  readonly title: string;
  /** The title as printed, broken at phrase boundaries. */
  readonly titleLines: readonly string[];
  /** The closing block (版记, GB/T 9704 7.4): 抄送 when given, then who prints it and when. */
  readonly closing: {
    readonly copyTo: string | null;
    readonly printedBy: string;
    readonly printedOn: string;
  };
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

/**
 * A bulletin cannot be written: the org has no child units, or no data in the period.
 * Answers 422 `unprocessable` (the request is valid, there is nothing to report).
 *
 * @example
 * throw EmptyBulletinError.noChildUnits({ code: '620881100201', name: '东街村' });
 */
export class EmptyBulletinError extends GongweiError {
  override readonly name = 'EmptyBulletinError';

  private constructor(text: { zh: string; en: string }) {
    super('unprocessable', text);
  }

  /** The org has no child units to report on (a village, or an org with none below it). */
  static noChildUnits(org: { readonly code: string; readonly name: string }): EmptyBulletinError {
    return new EmptyBulletinError({
      zh: `${org.name}（${org.code}）没有下级单位，无法生成通报`,
      en: `org ${org.code} has no child units to report on`,
    });
  }

  /** The org has no indicator value in the period. */
  static noData(
    org: { readonly code: string; readonly name: string },
    period: Pick<BulletinPeriod, 'label' | 'text'>,
  ): EmptyBulletinError {
    return new EmptyBulletinError({
      zh: `${org.name}（${org.code}）${period.label}没有数据，无法生成通报`,
      en: `org ${org.code} has no data for ${period.text}`,
    });
  }
}

/**
 * Builds the bulletin model. Throws {@link EmptyBulletinError} when the org has no child
 * units or there is no indicator value for it in the period.
 */
export function buildBulletin(input: BulletinInput): BulletinModel {
  const words = levelWords(input.org.level);
  if (input.children.length === 0) throw EmptyBulletinError.noChildUnits(input.org);
  const table = new ValueTable(input.values);
  const hasData = input.values.some(
    (v) => v.org === input.org.code && (v.numerator > 0 || (v.denominator ?? 0) > 0),
  );
  if (!hasData) throw EmptyBulletinError.noData(input.org, input.period);

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

  const blocks: BulletinBlock[] = buildProgressBlocks(ctx);
  const subsections = blocks.filter((b) => b.kind === 'heading' && b.level === 2).length;
  blocks.push(...buildFundsBlocks(input.funds, words, subsections + 1));
  blocks.push({ kind: 'heading', level: 1, text: `${sectionMarker(2)}下一步工作要求` });
  blocks.push(...buildRequirements(ctx));

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
    titleLines: bulletinTitleLines(input.org.name, input.period),
    closing: {
      copyTo: input.options.copyTo ?? null,
      printedBy: input.options.printedBy ?? `${input.options.issuer}办公室`,
      printedOn: `${formatChineseDate(input.options.date)}印发`,
    },
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
