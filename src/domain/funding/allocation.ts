/**
 * Allocation of a year's basic public health funds down the org tree (经费分配): the total is
 * the per-capita standard × the resident population, split over the counties by their
 * population and each county's part over its health centres (乡镇卫生院/社区卫生服务中心) by theirs.
 * Each centre's part is divided between the centre and its village clinics (村卫生室): the
 * earmarked new yuan (2020: 5 yuan per resident for villages and urban communities) go wholly to
 * the villages, and a configurable share of the rest follows the ~40 % of tasks villages carry.
 * Every split is exact in fen and its parts add up to the whole; the remainder is placed by the
 * targets' largest-remainder rule (see {@link splitFen}).
 */
import { GongweiError } from '../gongwei-error.js';
import { shareOf, splitFen } from './money.js';

/** Parameters of an allocation, as stored with it (every figure traces back to these). */
export interface AllocationParameters {
  readonly year: number;
  /** Per-capita standard, fen per resident. */
  readonly perCapitaFen: number;
  /** Of which earmarked for village clinics and urban community stations, fen per resident. */
  readonly earmarkFen: number;
  /** Share of the non-earmarked part paid on to village clinics, basis points (4000 = 40 %). */
  readonly villageShareBp: number;
  /** Share paid in advance (预拨), basis points; the rest is settled by the assessment score. */
  readonly advanceShareBp: number;
  /** The county's own matching share (县级配套) of the standard, basis points. */
  readonly countyShareBp: number;
}

/** A receiving unit (a health centre's township or street) and its resident population. */
export interface AllocationUnit {
  readonly code: string;
  readonly name: string;
  /** The county the unit belongs to (the first split is over counties). */
  readonly countyCode: string;
  readonly countyName: string;
  readonly population: number;
}

/** A unit's allocation, with the inputs it came from. */
export interface UnitAllocation {
  readonly code: string;
  readonly name: string;
  readonly countyCode: string;
  readonly population: number;
  /** Everything allocated to the unit (centre + villages). */
  readonly amountFen: number;
  /** Of which the earmark (wholly to villages). */
  readonly earmarkFen: number;
  /** To the village clinics: earmark + villageShare × (amount − earmark). */
  readonly villageFen: number;
  /** Kept by the centre: amount − villageFen. */
  readonly centreFen: number;
  /** Paid in advance: advanceShare × amount, rounded half up. */
  readonly advanceFen: number;
  /** Left for the settlement by score: amount − advance. */
  readonly settlementBaseFen: number;
}

/** A county's part: the sum of its units, and its own matching funds. */
export interface CountyAllocation {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly amountFen: number;
  readonly earmarkFen: number;
  /** The county's matching share of its amount (县级配套), rounded half up. */
  readonly countyMatchFen: number;
}

/** A whole allocation. */
export interface Allocation {
  readonly parameters: AllocationParameters;
  readonly population: number;
  readonly totalFen: number;
  readonly earmarkTotalFen: number;
  readonly counties: readonly CountyAllocation[];
  readonly units: readonly UnitAllocation[];
}

function checkBp(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10000) {
    throw GongweiError.badRequest(
      {
        zh: '比例应为0到10000之间的整数万分比',
        en: 'a share must be whole basis points between 0 and 10000',
      },
      field,
    );
  }
}

/**
 * Allocates `parameters.perCapitaFen × Σ population` over `units`. Counties first (by the sum of
 * their units' populations), then each county's part over its units; the earmark is split the
 * same way, alongside. A county's population is the sum of its units' (so both levels agree).
 *
 * @example
 * allocate(p, [{ code: 'a', population: 1, … }, { code: 'b', population: 2, … }])
 * // 74 yuan: total 222.00; a 74.00, b 148.00
 */
export function allocate(parameters: AllocationParameters, units: readonly AllocationUnit[]): Allocation {
  const p = parameters;
  for (const [field, v] of [
    ['perCapitaFen', p.perCapitaFen],
    ['earmarkFen', p.earmarkFen],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw GongweiError.badRequest(
        { zh: '人均标准应为非负的分数额', en: 'a per-capita amount must be non-negative fen' },
        field,
      );
    }
  }
  if (p.earmarkFen > p.perCapitaFen) {
    throw GongweiError.badRequest(
      { zh: '专项新增经费不能超过人均标准', en: 'the earmark cannot exceed the per-capita standard' },
      'earmarkFen',
    );
  }
  checkBp(p.villageShareBp, 'villageShareBp');
  checkBp(p.advanceShareBp, 'advanceShareBp');
  checkBp(p.countyShareBp, 'countyShareBp');
  const seen = new Set<string>();
  units.forEach((u, i) => {
    if (!Number.isSafeInteger(u.population) || u.population < 0) {
      throw GongweiError.badRequest(
        {
          zh: `${u.name}（${u.code}）的常住人口应为非负整数`,
          en: `population of ${u.code} must be a non-negative integer`,
        },
        `units.${i}.population`,
      );
    }
    if (seen.has(u.code)) {
      throw GongweiError.badRequest(
        { zh: `单位${u.code}重复`, en: `unit ${u.code} listed twice` },
        `units.${i}.code`,
      );
    }
    seen.add(u.code);
  });

  const population = units.reduce((a, u) => a + u.population, 0);
  if (population === 0) {
    throw GongweiError.unprocessable(
      { zh: '没有常住人口数据，无法分配经费', en: 'no resident population to allocate funds by' },
      'population',
    );
  }
  const totalFen = p.perCapitaFen * population;
  const earmarkTotalFen = p.earmarkFen * population;
  if (!Number.isSafeInteger(totalFen)) {
    throw GongweiError.badRequest({ zh: '经费总额过大', en: 'the total is too large' }, 'population');
  }

  const countyOrder: string[] = [];
  const byCounty = new Map<string, AllocationUnit[]>();
  for (const u of units) {
    if (!byCounty.has(u.countyCode)) {
      byCounty.set(u.countyCode, []);
      countyOrder.push(u.countyCode);
    }
    byCounty.get(u.countyCode)!.push(u);
  }
  const countyBases = countyOrder.map((c) => ({
    key: c,
    base: byCounty.get(c)!.reduce((a, u) => a + u.population, 0),
  }));
  const countyAmounts = splitFen(totalFen, countyBases);
  const countyEarmarks = splitFen(earmarkTotalFen, countyBases);

  const counties: CountyAllocation[] = [];
  const out: UnitAllocation[] = [];
  for (const [i, c] of countyOrder.entries()) {
    const members = byCounty.get(c)!;
    const amountFen = countyAmounts.get(c)!;
    const earmarkFen = countyEarmarks.get(c)!;
    counties.push({
      code: c,
      name: members[0]!.countyName,
      population: countyBases[i]!.base,
      amountFen,
      earmarkFen,
      countyMatchFen: shareOf(amountFen, p.countyShareBp),
    });
    const bases = members.map((u) => ({ key: u.code, base: u.population }));
    const amounts = splitFen(amountFen, bases);
    const earmarks = splitFen(earmarkFen, bases);
    for (const u of members) {
      const amount = amounts.get(u.code)!;
      const earmark = earmarks.get(u.code)!;
      const villageFen = earmark + shareOf(amount - earmark, p.villageShareBp);
      const advanceFen = shareOf(amount, p.advanceShareBp);
      out.push({
        code: u.code,
        name: u.name,
        countyCode: c,
        population: u.population,
        amountFen: amount,
        earmarkFen: earmark,
        villageFen,
        centreFen: amount - villageFen,
        advanceFen,
        settlementBaseFen: amount - advanceFen,
      });
    }
  }
  return { parameters: p, population, totalFen, earmarkTotalFen, counties, units: out };
}
