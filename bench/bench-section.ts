/**
 * What a benchmark section is, apart from the list of sections (sections.ts) so that a section
 * can name its type without importing the list that imports it.
 */
import type { Db, DbTarget } from '../src/db/database.js';

/** What a section gets: the generated database and where/when its data is. */
export interface BenchContext {
  readonly db: Db;
  /** The generated city's org code. */
  readonly rootCode: string;
  /** A period with data, e.g. '2020Q2'. */
  readonly period: string;
  readonly scale: 'small' | 'county' | 'city';
  /** Where `db` is, for sections that open connections of their own (the load section's read workers). */
  readonly target: DbTarget;
}

/** One measured figure. `goal` (same unit) is shown beside it when set. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: string;
}

/** A named group of measurements. */
export interface BenchSection {
  readonly name: string;
  run(context: BenchContext): Promise<BenchFigure[]>;
}

/**
 * The figures as the bench prints them: one line each, name, value and unit, and the goal
 * when set.
 */
export function figureTable(figures: readonly BenchFigure[]): string {
  const width = Math.max(...figures.map((f) => f.name.length));
  return figures
    .map(
      (f) =>
        `${f.name.padEnd(width)}  ${String(f.value).padStart(12)} ${f.unit}${f.goal ? `   (goal ${f.goal})` : ''}\n`,
    )
    .join('');
}
