/**
 * Benchmark sections other modules contribute (audits, dashboards, …). To add one, write a
 * function that measures something on the generated database and list it in
 * BENCH_SECTIONS — one line per module:
 *
 * @example
 * // bench/audits.ts (BenchSection comes from ./bench-section.js)
 * export const auditsSection: BenchSection = {
 *   name: 'audits',
 *   async run({ db, rootCode, period }) {
 *     const started = performance.now();
 *     await runAudits(db, { orgCode: rootCode, period });
 *     return [{ name: 'audits: all rules', value: performance.now() - started, unit: 'ms' }];
 *   },
 * };
 * // here: import { auditsSection } from './audits.js'; … BENCH_SECTIONS = [auditsSection, loadSection];
 */
import { auditsSection } from './audits.js';
import type { BenchSection } from './bench-section.js';
import { loadSection } from './load.js';
import { termEvaluationSection } from './term-evaluation.js';

export type { BenchContext, BenchFigure, BenchSection } from './bench-section.js';

/** Sections run after the indicator figures, in this order. */
export const BENCH_SECTIONS: readonly BenchSection[] = [auditsSection, termEvaluationSection, loadSection];
