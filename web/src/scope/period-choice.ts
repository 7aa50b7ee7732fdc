/**
 * The period picker's choices and the period texts the API reads ('2020', '2020H1',
 * '2020Q2', '2020-06', and a 旬 '2020-06-1'), with the labels a bureau speaks
 * (2020年、上半年、第二季度、6月、6月上旬).
 */

/** The kinds of period the picker offers. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'dekad';

/** A choice of the picker: the year, the kind, and the number within the year. */
export interface PeriodChoice {
  readonly year: number;
  readonly kind: PeriodKind;
  /** Half 1–2, quarter 1–4, month 1–12, 旬 1–36 (month × 3 + dekad); ignored for a year. */
  readonly index: number;
}

/** How many periods of a kind a year holds. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodKind, number>> = {
  year: 1,
  half: 2,
  quarter: 4,
  month: 12,
  dekad: 36,
};

/**
 * The API's text of a choice.
 *
 * @example periodText({ year: 2020, kind: 'quarter', index: 2 }) // '2020Q2'
 * @example periodText({ year: 2020, kind: 'dekad', index: 17 }) // '2020-06-2'
 */
export function periodText(choice: PeriodChoice): string {
  const { year, kind, index } = choice;
  switch (kind) {
    case 'year':
      return String(year);
    case 'half':
      return `${year}H${index}`;
    case 'quarter':
      return `${year}Q${index}`;
    case 'month':
      return `${year}-${String(index).padStart(2, '0')}`;
    case 'dekad':
      return `${year}-${String(Math.ceil(index / 3)).padStart(2, '0')}-${((index - 1) % 3) + 1}`;
  }
}

/**
 * The choice of an API period text, or null when the text is not one.
 *
 * @example periodChoice('2020H1') // { year: 2020, kind: 'half', index: 1 }
 */
export function periodChoice(text: string): PeriodChoice | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return { year: Number(m[1]), kind: 'year', index: 1 };
  if ((m = /^(\d{4})H([12])$/.exec(text))) return { year: Number(m[1]), kind: 'half', index: Number(m[2]) };
  if ((m = /^(\d{4})Q([1-4])$/.exec(text)))
    return { year: Number(m[1]), kind: 'quarter', index: Number(m[2]) };
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text)))
    return { year: Number(m[1]), kind: 'month', index: Number(m[2]) };
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])-([1-3])$/.exec(text)))
    return { year: Number(m[1]), kind: 'dekad', index: (Number(m[2]) - 1) * 3 + Number(m[3]) };
  return null;
}

/**
 * The period just before, of the same kind (for "change against the previous period");
 * the first of a year steps back into the year before.
 *
 * @example previousPeriod({ year: 2020, kind: 'quarter', index: 1 }) // 2019Q4
 */
export function previousPeriod(choice: PeriodChoice): PeriodChoice {
  if (choice.kind === 'year' || choice.index === 1)
    return { year: choice.year - 1, kind: choice.kind, index: PERIODS_PER_YEAR[choice.kind] };
  return { ...choice, index: choice.index - 1 };
}

/** The months ('2020-01' … '2020-12') of a choice's year up to the month its period ends in. */
export function monthsToDate(choice: PeriodChoice): string[] {
  const lastMonth = {
    year: 12,
    half: choice.index * 6,
    quarter: choice.index * 3,
    month: choice.index,
    dekad: Math.ceil(choice.index / 3),
  }[choice.kind];
  return Array.from({ length: lastMonth }, (_, i) => `${choice.year}-${String(i + 1).padStart(2, '0')}`);
}

/** The words of a choice in the UI's language: 2020年第二季度, 2020 Q2. */
export function periodLabel(choice: PeriodChoice, language: string): string {
  const { year, kind, index } = choice;
  const zh = language !== 'en';
  const numerals = ['一', '二', '三', '四'];
  switch (kind) {
    case 'year':
      return zh ? `${year}年` : String(year);
    case 'half':
      return zh ? `${year}年${index === 1 ? '上' : '下'}半年` : `${year} H${index}`;
    case 'quarter':
      return zh ? `${year}年第${numerals[index - 1]}季度` : `${year} Q${index}`;
    case 'month':
      return zh ? `${year}年${index}月` : `${year}-${String(index).padStart(2, '0')}`;
    case 'dekad': {
      const month = Math.ceil(index / 3);
      const dekad = ((index - 1) % 3) + 1;
      return zh
        ? `${year}年${month}月${['上', '中', '下'][dekad - 1]}旬`
        : `${year}-${String(month).padStart(2, '0')} dekad ${dekad}`;
    }
  }
}
