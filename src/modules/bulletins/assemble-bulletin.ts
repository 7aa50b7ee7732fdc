/**
 * Use-case: gather what a bulletin needs from the engines (through `BulletinSources`) and
 * build the document model.
 */
import type {
  BulletinOptions,
  CompareTo,
  HotspotRow,
  NamingSection,
} from '../../domain/bulletins/bulletin-input.js';
import { parseBulletinPeriod, type BulletinPeriod } from '../../domain/bulletins/bulletin-period.js';
import {
  buildBulletin,
  EmptyBulletinError,
  type BulletinModel,
} from '../../domain/bulletins/bulletin-model.js';
import { GongweiError, type LocalizedText } from '../../domain/gongwei-error.js';
import { defaultIssuer, wholeNameOfCode } from '../../domain/bulletins/level-words.js';
import type { NamingRule } from '../../domain/bulletins/unit-naming.js';
import { defaultNamingRules } from '../../domain/bulletins/bulletin-input.js';
import type { BulletinSources } from './bulletin-sources.js';

/** The audit rules whose hotspots a bulletin names. */
export const HOTSPOT_RULES = [
  'identical_checkups',
  'uncontrolled_without_guidance',
  'arm_bp_difference',
] as const;

/** What the user asks for (CLI flags, API body, stored schedule parameters). */
export interface BulletinRequest {
  orgCode: string;
  period: string;
  /** Org to compare the record rate with, and/or its rate when it is not in the database. */
  compareTo?: { code?: string; name?: string; rate?: number };
  issuer?: string;
  /** Signing date, ISO; default today. */
  date?: string;
  /** When the data was taken from the system, ISO; not after the signing date; default the earlier of today and the signing date. */
  dataTakenOn?: string;
  /** The 抄送 line of the closing block. */
  copyTo?: string;
  /** Who prints it (印发机关); default the issuer's 办公室. */
  printedBy?: string;
  docNumber?: string;
  /** Lowest N named where no rule is given (default 3). */
  nameLowest?: number;
  /** Rules per section, overriding the defaults. */
  naming?: Partial<Record<NamingSection, NamingRule>>;
  hotspotLimit?: number;
}

/**
 * A request the caller got wrong (unknown org, bad period, a level above without its rate):
 * HTTP 400 `bad_request`, one line at the command line.
 *
 * @example
 * throw new BulletinRequestError({ zh: '未找到单位 620999', en: 'no org with code 620999' }, 'org');
 */
export class BulletinRequestError extends GongweiError {
  override readonly name = 'BulletinRequestError';

  constructor(text: LocalizedText, field?: string) {
    super('bad_request', text, field === undefined ? {} : { field });
  }

  /** The org the request names (in `field`) is not in the tree. */
  static unknownOrg(code: string, field: string): BulletinRequestError {
    return new BulletinRequestError({ zh: `未找到单位 ${code}`, en: `no org with code ${code}` }, field);
  }
}

/**
 * The period a request names, as a bulletin names it; a `BulletinRequestError` blaming
 * `period` when it is not one.
 *
 * @example requestedPeriod('2020Q2').label // '2020年第二季度'
 */
export function requestedPeriod(code: string): BulletinPeriod {
  try {
    return parseBulletinPeriod(code);
  } catch (error) {
    if (error instanceof GongweiError) throw new BulletinRequestError(error.text, 'period');
    throw error;
  }
}

async function resolveCompareTo(
  sources: BulletinSources,
  request: BulletinRequest,
): Promise<CompareTo | undefined> {
  const c = request.compareTo;
  if (!c) return undefined;
  const rates: Record<string, number> = {};
  let name = c.name;
  if (c.code) {
    name ??= wholeNameOfCode(c.code);
    const org = await sources.getOrg(c.code);
    if (org) {
      for (const v of await sources.indicatorValues(c.code, request.period, 0))
        if (v.org === c.code && v.value !== null && v.denominator !== null) rates[v.indicator] = v.value;
    } else if (c.rate === undefined) {
      throw new BulletinRequestError(
        {
          zh: `单位${c.code}不在数据库中，请同时给出其有效建档率（如 ${c.code}=92.73%）`,
          en: `org ${c.code} is not in the database: give its rate (e.g. ${c.code}=92.73%)`,
        },
        'compareTo',
      );
    }
  }
  if (c.rate !== undefined) {
    if (!(c.rate >= 0 && c.rate <= 1))
      throw new BulletinRequestError(
        { zh: `比例应为 0..1，而不是 ${c.rate}`, en: `rate must be 0..1, got ${c.rate}` },
        'compareTo',
      );
    rates['records.effective_rate'] = c.rate;
  }
  return { name: name ?? '上级', rates };
}

/**
 * Reads the sources and builds the bulletin model. Throws `BulletinRequestError` for an
 * unknown org or period and `EmptyBulletinError` when there is nothing to report.
 */
export async function assembleBulletin(
  sources: BulletinSources,
  request: BulletinRequest,
  today: string,
): Promise<BulletinModel> {
  const period = requestedPeriod(request.period);
  const org = await sources.getOrg(request.orgCode);
  if (!org) throw BulletinRequestError.unknownOrg(request.orgCode, 'orgCode');
  if (org.level >= 5) throw EmptyBulletinError.noChildUnits(org);
  const children = await sources.listChildren(org.code);
  if (children.length === 0) throw EmptyBulletinError.noChildUnits(org);

  const values = await sources.indicatorValues(org.code, period.text, 1);
  const findings = await sources.findingCounts(org.code, 1);
  const limit = request.hotspotLimit ?? 4;
  const hotspots: Record<string, HotspotRow[]> = {};
  for (const rule of HOTSPOT_RULES) {
    const rows = await sources.hotspots(rule, org.code, limit);
    const missing = rows.filter((h) => !h.fullName).flatMap((h) => ancestorCodes(h.org, org.code));
    const names = missing.length > 0 ? await sources.orgNames(missing) : new Map<string, { name: string }>();
    hotspots[rule] = rows.map((h) => ({
      org: h.org,
      count: h.count,
      label:
        h.fullName ??
        ancestorCodes(h.org, org.code)
          .map((c) => names.get(c)?.name ?? '')
          .join(''),
    }));
  }
  const targets = await sources.targetRates(org.code, period.text);
  const compareTo = await resolveCompareTo(sources, request);
  const funds = sources.funds ? await sources.funds(org.code, period.year, period.end) : null;

  const naming = { ...defaultNamingRules(request.nameLowest ?? 3), ...(request.naming ?? {}) };
  const date = request.date ?? today;
  const dataTakenOn = request.dataTakenOn ?? (today < date ? today : date);
  if (dataTakenOn > date)
    throw new BulletinRequestError(
      {
        zh: `数据提取日期（${dataTakenOn}）不能晚于通报日期（${date}）`,
        en: `the data cannot be taken (${dataTakenOn}) after the bulletin's date (${date})`,
      },
      'dataTakenOn',
    );
  const options: BulletinOptions = {
    issuer: request.issuer ?? defaultIssuer(org),
    date,
    dataTakenOn,
    ...(request.copyTo ? { copyTo: request.copyTo } : {}),
    ...(request.printedBy ? { printedBy: request.printedBy } : {}),
    naming,
    hotspotLimit: limit,
    ...(request.docNumber ? { docNumber: request.docNumber } : {}),
  };
  return buildBulletin({
    org: { code: org.code, name: org.name, level: org.level },
    period,
    children: children.map((c) => ({ code: c.code, name: c.name })),
    values,
    indicators: sources.indicatorCatalogue(),
    findings,
    hotspots,
    targets,
    ...(compareTo ? { compareTo } : {}),
    ...(funds ? { funds } : {}),
    options,
  });
}

/**
 * Codes from just below `root` down to `code` by the division code structure (county 6
 * digits, township 9, village 12), for a hotspot's full name.
 *
 * @example ancestorCodes('620826105201', '620800') // ['620826', '620826105', '620826105201']
 */
export function ancestorCodes(code: string, root: string): string[] {
  const cuts = [2, 4, 6, 9, 12].filter((n) => n <= code.length);
  const rootDepth =
    root.length === 6 ? (root.endsWith('0000') ? 2 : root.endsWith('00') ? 4 : 6) : root.length;
  return cuts
    .filter((n) => n > rootDepth)
    .map((n) => (n < 6 ? code.slice(0, n).padEnd(6, '0') : code.slice(0, n)));
}
