/**
 * The options of `gongwei audit` as the use-cases need them: formats and numbers checked,
 * and the use-cases' refusals naming the option the user typed.
 */
import { GongweiError, type LocalizedText } from '../../domain/gongwei-error.js';

/** An output format of the audit commands. */
export type Format = 'json' | 'csv' | 'table';

/** A refusal of an option as the user typed it. */
export function badOption(option: string, value: string | undefined, expected: LocalizedText): GongweiError {
  const given = value === undefined ? '' : `${value}: `;
  return GongweiError.badRequest({ zh: `${given}${expected.zh}`, en: `${given}${expected.en}` }, option);
}

/** The `--format` of a command printing findings. */
export function format(value: string): Format {
  if (value === 'json' || value === 'csv' || value === 'table') return value;
  throw badOption('--format', value, { zh: '应为 json、csv 或 table', en: 'expected json, csv or table' });
}

/** A whole number ≥ 1 given as `name`, or `fallback` when it was not given. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw badOption(name, value, { zh: '应为正整数', en: 'expected a positive whole number' });
  return n;
}

/** The options of `gongwei audit` named by the fields of the use-cases' refusals. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  org: '--org',
  orgCode: '--org',
  period: '--period',
  asOf: '--as-of',
  rules: '--rules',
  into: '--into',
  prefer: '--prefer',
};

/** Runs a use-case; a refusal names the option the user typed rather than the use-case's field. */
export async function asOptions<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const option = error instanceof GongweiError && error.field ? OPTION_OF_FIELD[error.field] : undefined;
    if (option === undefined) throw error;
    const refusal = error as GongweiError;
    throw new GongweiError(refusal.code, refusal.text, { field: option, cause: refusal });
  }
}
