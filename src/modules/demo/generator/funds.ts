/**
 * The demo city's 2020 funds: the allocation's parameters and the payments made on it during
 * the year, so that the funds page, the settlement and the bulletin's 经费拨付与沉淀 show what a
 * bureau sees. Most centres receive their advance within the month and a second payment in the
 * third quarter; a few are paid late, a few are left with idle funds. Deterministic for a seed.
 */
import { formatYuan, shareOf } from '../../../domain/funding/money.js';
import { DemoRandom } from './random.js';

/** When the demo city allocates its 2020 funds (the provincial notice came in April). */
export const DEMO_FUNDS = {
  year: 2020,
  allocatedOn: '2020-04-20',
  /** Advance 60 %: the rest waits for the assessment, and a centre paid only its advance is idle (balance 40 % > 30 %). */
  advanceShareBp: 6000,
  /** The county whose township centres the demo assesses for 2020H1 (崆峒区). */
  assessedCounty: '620802',
  assessedPeriod: '2020H1',
} as const;

/** How a centre's funds go in the demo. */
export type DemoFundsCourse =
  /** Advance within the month, a second payment in the third quarter. */
  | 'on_time'
  /** Advance only in July–August: late on 30 June, caught up by the year end. */
  | 'slow'
  /** Advance in time, nothing more: idle after 30 September. */
  | 'idle'
  /** Part of the advance only: late all year, idle after 30 September. */
  | 'short';

/** A centre as allocated. */
export interface DemoFundsUnit {
  readonly code: string;
  readonly countyCode: string;
  readonly amountFen: number;
  readonly advanceFen: number;
}

/** A payment as the disbursement API takes it (yuan with two decimals as text). */
export interface DemoPayment {
  readonly paidOn: string;
  readonly payer: string;
  readonly payeeCode: string;
  readonly amount: string;
  readonly purpose: string;
}

/** The planned payments and the course each centre was given. */
export interface DemoFundsPlan {
  readonly payments: readonly DemoPayment[];
  readonly courses: ReadonlyMap<string, DemoFundsCourse>;
}

/** An ISO date `days` after `iso`. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A day between two ISO dates, both included. */
function dayBetween(r: DemoRandom, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, r.int(0, span));
}

/**
 * Chooses each centre's course and its payments. Of the centres with money, about 5 % are
 * slow, 5 % idle and 3 % short (at least 2, 2 and 1 when there are enough), the rest on time;
 * the payer is the county's health bureau.
 *
 * @example
 * planDemoPayments(units, new Map([['620802', '崆峒区']]), 2020).courses.get('620802100') // 'on_time'
 */
export function planDemoPayments(
  units: readonly DemoFundsUnit[],
  countyNames: ReadonlyMap<string, string>,
  seed: number,
): DemoFundsPlan {
  const r = new DemoRandom(seed, 'funds');
  const paid = units.filter((u) => u.amountFen > 0 && u.advanceFen > 0);
  const order = r.shuffled(paid.map((u) => u.code));
  const n = order.length;
  const count = (share: number, least: number): number => Math.min(n, Math.max(least, Math.round(n * share)));
  const slow = count(0.05, 2);
  const idle = Math.min(n - slow, count(0.05, 2));
  const short = Math.min(n - slow - idle, count(0.03, 1));
  const courses = new Map<string, DemoFundsCourse>();
  order.forEach((code, i) =>
    courses.set(
      code,
      i < slow ? 'slow' : i < slow + idle ? 'idle' : i < slow + idle + short ? 'short' : 'on_time',
    ),
  );

  const payments: DemoPayment[] = [];
  const on = DEMO_FUNDS.allocatedOn;
  for (const u of paid) {
    const payer = `${countyNames.get(u.countyCode) ?? ''}卫生健康局`;
    const pay = (paidOn: string, fen: number, purpose: string): void => {
      if (fen > 0)
        payments.push({ paidOn, payer, payeeCode: u.code, amount: formatYuan(fen, false), purpose });
    };
    const rest = u.amountFen - u.advanceFen;
    // The second payment: half to nine tenths of the rest, so the balance stays under 30 %.
    const second = (): number => shareOf(rest, r.int(5000, 9000));
    switch (courses.get(u.code)!) {
      case 'on_time': {
        // Some counties pay the advance in two instalments, both within the month.
        if (r.chance(0.3)) {
          const first = shareOf(u.advanceFen, 5000);
          pay(addDays(on, r.int(6, 14)), first, '预拨（第一批）');
          pay(addDays(on, r.int(15, 28)), u.advanceFen - first, '预拨（第二批）');
        } else pay(addDays(on, r.int(8, 28)), u.advanceFen, '预拨');
        pay(dayBetween(r, '2020-07-01', '2020-09-25'), second(), '第二批拨付');
        break;
      }
      case 'slow':
        pay(dayBetween(r, '2020-07-06', '2020-08-25'), u.advanceFen, '预拨');
        pay(dayBetween(r, '2020-09-01', '2020-09-25'), second(), '第二批拨付');
        break;
      case 'idle':
        pay(addDays(on, r.int(8, 28)), u.advanceFen, '预拨');
        break;
      case 'short':
        pay(addDays(on, r.int(10, 28)), shareOf(u.advanceFen, r.int(5000, 8000)), '预拨（部分）');
        break;
    }
  }
  payments.sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.payeeCode.localeCompare(b.payeeCode));
  return { payments, courses };
}
