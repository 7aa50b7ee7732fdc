/**
 * Benchmark sections other modules contribute (audits, dashboards, …). To add one, write a
 * function that measures something on the generated database and list it in
 * BENCH_SECTIONS — one line per module:
 *
 * @example
 * // bench/audits.ts
 * export const auditsSection: BenchSection = {
 *   name: 'audits',
 *   async run({ db, rootCode, period }) {
 *     const started = performance.now();
 *     await runAudits(db, { orgCode: rootCode, period });
 *     return [{ name: 'audits: all rules', value: performance.now() - started, unit: 'ms' }];
 *   },
 * };
 * // here: import { auditsSection } from './audits.js'; … BENCH_SECTIONS = [auditsSection];
 */
import type { Db } from '../src/db/database.js';
import { auditsSection } from './audits.js';

/** What a section gets: the generated database and where/when its data is. */
export interface BenchContext {
  readonly db: Db;
  /** The generated city's org code. */
  readonly rootCode: string;
  /** A period with data, e.g. '2020Q2'. */
  readonly period: string;
  readonly scale: 'small' | 'county' | 'city';
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

/** Sections run after the indicator figures, in this order. */
export const BENCH_SECTIONS: readonly BenchSection[] = [auditsSection];
