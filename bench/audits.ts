/**
 * Bench section of the audits: each rule's time on the generated city (one run, then a
 * re-run that finds the same findings again), and the identical check-up detector alone on
 * 250,000 synthetic check-ups (the scale goal of DESIGN: ≤ 5 s, no pairwise comparison).
 */
import { findIdenticalCheckups, type CheckupValues } from '../src/domain/audits/identical-checkups.js';
import { IDENTICAL_CHECKUP_HOTSPOTS } from '../src/modules/demo/generator/calibration.js';
import { listHotspots } from '../src/modules/audits/finding-queries.js';
import type { AuditRuleId } from '../src/modules/audits/rules/index.js';
import { runAudits, type AuditRunResult, type RunAuditsOptions } from '../src/modules/audits/run-audits.js';
import { ReadPool } from '../src/server/read-pool.js';
import { WHOLE_TREE } from '../src/modules/orgs/org-scope.js';
import type { BenchFigure, BenchSection } from './bench-section.js';

const GOALS: Partial<Record<AuditRuleId, string>> = {
  duplicate_records: '≤ 10000 over 2 M residents',
  identical_checkups: '≤ 5000 over 250 k check-ups',
};

/** Seeded check-ups with realistic spreads, and 0.2 % planted copies of another person's values. */
export function syntheticCheckups(count: number, seed: number): CheckupValues[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (m: number, s: number): number =>
    m + s * Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const out: CheckupValues[] = [];
  for (let i = 0; i < count; i++) {
    const township = `t${Math.floor(rand() * 100)}`;
    if (i > 0 && rand() < 0.002) {
      const model = out[Math.floor(rand() * out.length)]!;
      out.push({ serviceId: i + 1, residentId: i + 1, unit: model.unit, values: [...model.values] });
      continue;
    }
    out.push({
      serviceId: i + 1,
      residentId: i + 1,
      unit: township,
      values: [
        Math.round(normal(138, 18)),
        Math.round(normal(82, 10)),
        Math.round(normal(74, 9)),
        Math.round(normal(5.9, 1.2) * 10) / 10,
        Math.round(normal(62, 10) * 10) / 10,
        Math.round(normal(86, 9) * 10) / 10,
      ],
    });
  }
  return out;
}

/** The two phases of a run: its reading rules read at once in the pool, then its one write transaction. */
function phases(run: string, result: AuditRunResult): BenchFigure[] {
  return [
    {
      name: `audit: ${run}, reading rules read at once (worker threads)`,
      value: Math.round(result.timings.reading ?? 0),
      unit: 'ms',
    },
    {
      name: `audit: ${run}, the write transaction`,
      value: Math.round(result.timings.writing ?? 0),
      unit: 'ms',
    },
  ];
}

/** The audits section of `npm run bench`. */
export const auditsSection: BenchSection = {
  name: 'audits',
  async run({ db, rootCode, period, target }) {
    const figures: BenchFigure[] = [];
    const perRule = new Map<AuditRuleId, { ms: number; findings: number }>();
    // As `gongwei audit` and the server run them: the reading rules in worker threads, one a core.
    const pool = new ReadPool(db, { readers: target });
    const timedRun = async (options: RunAuditsOptions): Promise<{ run: AuditRunResult; ms: number }> => {
      const started = performance.now();
      const run = await runAudits(db, WHOLE_TREE, options, pool.ruleReader);
      return { run, ms: performance.now() - started };
    };
    let first;
    let again;
    try {
      first = await timedRun({
        orgCode: rootCode,
        period,
        onRule: (rule, findings, ms) => perRule.set(rule, { ms, findings }),
      });
      again = await timedRun({ orgCode: rootCode, period });
    } finally {
      await pool.close();
    }
    // In the list's order, the order a run stores them in.
    for (const rule of first.run.rules) {
      const { ms, findings } = perRule.get(rule) ?? { ms: 0, findings: 0 };
      figures.push({
        name: `audit ${rule} (${findings} findings)`,
        value: Math.round(ms),
        unit: 'ms',
        ...(GOALS[rule] ? { goal: GOALS[rule] } : {}),
      });
    }
    figures.push(
      {
        name: 'audit: all rules, first run',
        value: Math.round(first.ms),
        unit: 'ms',
        goal: '≤ 5000 at city scale',
      },
      ...phases('first run', first.run),
      {
        name: 'audit: all rules, re-run (findings carried)',
        value: Math.round(again.ms),
        unit: 'ms',
        goal: '≤ 5000 at city scale',
      },
      // The re-run's pool is warm, as the server's always is: its phases are the server's.
      ...phases('re-run', again.run),
    );

    // On the demo city: are the identical check-ups where the bulletin says (4 places)?
    const top = await listHotspots(db, WHOLE_TREE, {
      rule: 'identical_checkups',
      orgCode: rootCode,
      level: 4,
      limit: 4,
    });
    const named = IDENTICAL_CHECKUP_HOTSPOTS.filter((h) => top.some((t) => h.code.startsWith(t.org)));
    figures.push({
      name: `identical check-up hotspots among the top 4 townships (${named.map((h) => h.name).join('、') || 'none'})`,
      value: named.length,
      unit: 'of 4',
      goal: '4 on the demo city',
    });

    const checkups = syntheticCheckups(250_000, 20200630);
    const started = performance.now();
    const result = findIdenticalCheckups(checkups, 4);
    figures.push({
      name: `identical check-up detector, 250 k synthetic (${result.checkups.length} in ${result.clusters.length} clusters)`,
      value: Math.round(performance.now() - started),
      unit: 'ms',
      goal: '≤ 5000',
    });
    return figures;
  },
};
