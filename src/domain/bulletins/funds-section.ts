/**
 * 经费拨付与沉淀: the funds part of a bulletin — what was allocated to the units under the org
 * for the year, what was paid on by the period end, the balance, and the units whose advance
 * came late or whose funds lie idle, named with their amounts as bureaus write them (万元 with
 * two decimals from ten thousand yuan up, 元 below). Seed 002 二(四) asks counties to pay on in
 * time and to end idle balances (经费沉淀); the requirement is written only when a unit is late
 * or idle. Amounts come in integer fen and are printed from integers, never through a float.
 */
import type { BulletinBlock } from './bulletin-block.js';
import { formatChineseDate, formatPercent, joinEnumeration, subsectionMarker } from './chinese-format.js';
import type { LevelWords } from './level-words.js';

/** One health centre's funds on the bulletin's cut-off date (the funds status, per unit). */
export interface BulletinFundsUnit {
  /** How the text names it: '崆峒区崆峒镇' under a city, '崆峒镇' under its county. */
  readonly label: string;
  readonly amountFen: number;
  readonly advanceFen: number;
  readonly disbursedFen: number;
  readonly balanceFen: number;
  readonly late: boolean;
  readonly idle: boolean;
}

/** The funds of the org's units for the bulletin's year, read on the period's last day. */
export interface BulletinFunds {
  readonly year: number;
  /** The day the figures are read on (the period end), ISO. */
  readonly asOf: string;
  readonly allocatedOn: string;
  readonly perCapitaFen: number;
  readonly idleAfter: string;
  readonly idleThresholdBp: number;
  readonly lateAfterDays: number;
  readonly units: readonly BulletinFundsUnit[];
}

/** How many units a sentence names before it says 等N个单位. */
export const FUNDS_NAMED_LIMIT = 10;

/** One 万元 in fen. */
const WAN_YUAN_FEN = 1_000_000;

/**
 * An amount as a bulletin writes it: 万元 with two decimals (half up) from ten thousand yuan,
 * whole yuan when there are no fen, else yuan with two decimals.
 *
 * @example formatFunds(123_456_789) // '123.46万元'
 * @example formatFunds(850_000) // '8500元'
 * @example formatFunds(850_050) // '8500.50元'
 */
export function formatFunds(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen: not an integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const two = (hundredths: number): string =>
    `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  // Hundredths of 万元 are hundreds of yuan: 10 000 fen each, half up on the integer.
  if (abs >= WAN_YUAN_FEN) return `${sign}${two(Math.floor((abs + 5_000) / 10_000))}万元`;
  if (abs % 100 === 0) return `${sign}${abs / 100}元`;
  return `${sign}${two(abs)}元`;
}

/** A share in basis points as the bulletin writes a threshold: 30%, 12.5%. */
function bpText(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}

/** Names, with 等N个单位 when more than the limit. */
function namedUnits(parts: readonly string[]): string {
  const shown = parts.slice(0, FUNDS_NAMED_LIMIT);
  return parts.length > shown.length
    ? `${joinEnumeration(shown)}等${parts.length}个单位`
    : joinEnumeration(shown);
}

/** The late units, the largest unpaid advance first (ties by name, so the text is stable). */
function lateUnits(funds: BulletinFunds): BulletinFundsUnit[] {
  const unpaid = (u: BulletinFundsUnit): number => u.advanceFen - u.disbursedFen;
  return funds.units
    .filter((u) => u.late)
    .sort((a, b) => unpaid(b) - unpaid(a) || a.label.localeCompare(b.label, 'zh'));
}

/** The idle units, the largest share of the allocation left unspent first. */
function idleUnits(funds: BulletinFunds): BulletinFundsUnit[] {
  const share = (u: BulletinFundsUnit): number => (u.amountFen === 0 ? 0 : u.balanceFen / u.amountFen);
  return funds.units
    .filter((u) => u.idle)
    .sort((a, b) => share(b) - share(a) || a.label.localeCompare(b.label, 'zh'));
}

/**
 * True when the section has something to say: units allocated, and the allocation made by the
 * cut-off (a bulletin of a period before the allocation says nothing about it).
 */
export function hasFunds(funds: BulletinFunds | undefined): funds is BulletinFunds {
  return funds !== undefined && funds.units.length > 0 && funds.allocatedOn <= funds.asOf;
}

/**
 * The paragraph of 经费拨付与沉淀: allocated, paid, paid share and balance for the whole org,
 * then the late units (advance due, paid) and the idle units (balance, its share).
 *
 * @example
 * fundsParagraph(funds, levelWords(2))
 * // '2020年按人均74元标准，全市共下达基本公共卫生服务经费8371.95万元，截至2020年12月31日已拨付…'
 */
export function fundsParagraph(funds: BulletinFunds, words: LevelWords): string {
  const amount = funds.units.reduce((s, u) => s + u.amountFen, 0);
  const paid = funds.units.reduce((s, u) => s + u.disbursedFen, 0);
  const balance = funds.units.reduce((s, u) => s + u.balanceFen, 0);
  const sentences: string[] = [
    `${funds.year}年按人均${formatFunds(funds.perCapitaFen)}标准，${words.whole}共下达基本公共卫生服务经费${formatFunds(amount)}，` +
      `截至${formatChineseDate(funds.asOf)}已拨付${formatFunds(paid)}，拨付率${formatPercent(amount === 0 ? null : paid / amount)}，结余${formatFunds(balance)}。`,
  ];
  const late = lateUnits(funds);
  if (late.length > 0)
    sentences.push(
      `有${late.length}个单位预拨经费未在下达后${funds.lateAfterDays}日内足额拨付：${namedUnits(
        late.map(
          (u) => `${u.label}（应预拨${formatFunds(u.advanceFen)}，已拨付${formatFunds(u.disbursedFen)}）`,
        ),
      )}。`,
    );
  const idle = idleUnits(funds);
  if (idle.length > 0)
    sentences.push(
      `有${idle.length}个单位存在经费沉淀（${formatChineseDate(funds.idleAfter)}后结余超过分配额的${bpText(funds.idleThresholdBp)}）：${namedUnits(
        idle.map(
          (u) =>
            `${u.label}结余${formatFunds(u.balanceFen)}（占${formatPercent(u.amountFen === 0 ? null : u.balanceFen / u.amountFen)}）`,
        ),
      )}。`,
    );
  if (late.length === 0 && idle.length === 0)
    sentences.push(`各单位预拨经费均按时拨付到位，未发现经费沉淀。`);
  return sentences.join('');
}

/**
 * The heading and paragraph of the section in 一、工作进度和存在问题, numbered `n`; nothing
 * when there is no funding data for the year.
 */
export function buildFundsBlocks(
  funds: BulletinFunds | undefined,
  words: LevelWords,
  n: number,
): BulletinBlock[] {
  if (!hasFunds(funds)) return [];
  return [
    { kind: 'heading', level: 2, text: `${subsectionMarker(n)}经费拨付与沉淀` },
    { kind: 'paragraph', text: fundsParagraph(funds, words) },
  ];
}

/**
 * The requirement of 二、下一步工作要求 on funds (seed 002 二(四)), naming the late and the
 * idle units; null when none is late or idle.
 */
export function fundsRequirement(funds: BulletinFunds | undefined, words: LevelWords): string | null {
  if (!hasFunds(funds)) return null;
  const late = lateUnits(funds);
  const idle = idleUnits(funds);
  if (late.length === 0 && idle.length === 0) return null;
  const parts: string[] = [];
  if (late.length > 0)
    parts.push(
      `${words.children}要和财政部门积极衔接，及时向基层卫生机构拨付经费，${namedUnits(late.map((u) => u.label))}要尽快将预拨经费足额拨付到位；各基层卫生单位要根据经费标准及时向村医发放补助。`,
    );
  if (idle.length > 0)
    parts.push(
      `${namedUnits(idle.map((u) => u.label))}要吃透学懂项目经费使用的有关规定，全面开展各项项目工作，合规使用经费，杜绝经费沉淀结余。`,
    );
  return parts.join('');
}
