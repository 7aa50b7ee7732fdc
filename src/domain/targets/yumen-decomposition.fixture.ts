/**
 * Test kit: the Yumen 2011 acceptance fixture (../shared/fixtures, beside the repository),
 * and the hand-made plan table built from its `stated` values. Used by tests only.
 */
import { readFileSync } from 'node:fs';
import { sharedFixturePath } from '../../../test/shared-fixtures.js';
import type { PlanFinding } from './plan-check.js';
import type { Cell, Table } from './table-cells.js';

/** Path of the fixture: `../shared/fixtures` beside the repository, else its copy in test/fixtures. */
export const YUMEN_FIXTURE_PATH = sharedFixturePath('yumen-2011-h1-decomposition.json');

interface Figures {
  annual: number;
  half: number;
  cumulative: number[];
}

/** The fixture as it is on disk. */
export interface YumenFixture {
  halfYearShare: number;
  milestones: string[];
  curves: Record<string, number[]>;
  areas: {
    name: string;
    population: number;
    responsibleUnit: string;
    responsiblePerson: string;
    inputs: Record<string, { base: number; annualRate: number; monthlyIncrements?: number[] }>;
    expected: Record<string, Figures>;
    stated?: Record<string, Partial<Figures> & { halfRate?: number }>;
  }[];
  expectedFindings: {
    area: string;
    indicator: string;
    milestone?: string;
    field?: string;
    stated: number;
    computed: number;
  }[];
}

/** Reads the fixture. */
export function readYumenFixture(): YumenFixture {
  return JSON.parse(readFileSync(YUMEN_FIXTURE_PATH, 'utf8')) as YumenFixture;
}

/** The indicators of the fixture, in the order of the paper. */
export const YUMEN_INDICATORS = ['records', 'elderly', 'hypertension', 'diabetes'] as const;

/**
 * The paper's table as a planner would type it (docs/targets.md layout): bases, rates,
 * curves, and the stated numbers (expected, overridden by the fixture's `stated`).
 */
export function yumenPlanTable(fixture: YumenFixture = readYumenFixture()): Table {
  const headers = ['区域', '辖区人口数', '责任单位', '责任人'];
  for (const indicator of YUMEN_INDICATORS) {
    headers.push(
      `${indicator}:基数`,
      `${indicator}:全年率`,
      `${indicator}:进度`,
      `${indicator}:全年`,
      `${indicator}:半年`,
    );
    for (const m of fixture.milestones) headers.push(`${indicator}:${m}`);
  }
  const rows = fixture.areas.map((area, i) => {
    const cells: Cell[] = [area.name, area.population, area.responsibleUnit, area.responsiblePerson];
    for (const indicator of YUMEN_INDICATORS) {
      const input = area.inputs[indicator]!;
      const stated = { ...area.expected[indicator]!, ...(area.stated?.[indicator] ?? {}) };
      const curve = fixture.curves[indicator];
      cells.push(
        input.base,
        `${Math.round(input.annualRate * 100)}%`,
        curve ? curve.map((s) => Math.round(s * 100)).join('/') : null,
        stated.annual,
        stated.half,
        ...stated.cumulative,
      );
    }
    return { row: i + 2, cells };
  });
  return { headers, rows };
}

/** A plan finding in the terms of the fixture's `expectedFindings`: a milestone, or else the field. */
export type FindingEssentials = Pick<
  YumenFixture['expectedFindings'][number],
  'area' | 'indicator' | 'milestone' | 'field' | 'stated' | 'computed'
>;

/**
 * What a plan check found, reduced to the fixture's terms so that it compares with
 * {@link expectedFindingEssentials} (the row, column and note are left out).
 */
export function findingEssentials(
  findings: readonly Pick<
    PlanFinding,
    'area' | 'indicator' | 'field' | 'milestone' | 'stated' | 'computed'
  >[],
): FindingEssentials[] {
  return findings.map((f) => ({
    area: f.area,
    indicator: f.indicator,
    ...(f.field === 'milestone' ? { milestone: f.milestone } : { field: f.field }),
    stated: f.stated,
    computed: f.computed,
  }));
}

/** The fixture's expected findings in the terms of {@link findingEssentials}. */
export function expectedFindingEssentials(fixture: YumenFixture): FindingEssentials[] {
  return fixture.expectedFindings.map(({ area, indicator, milestone, field, stated, computed }) => ({
    area,
    indicator,
    ...(milestone ? { milestone } : { field }),
    stated,
    computed,
  }));
}
