import { DEMO_COUNTIES, type DemoCountyCode } from './calibration.js';
import type { DemoVillage } from './village-plan.js';

/** An org of the division tree as the demo reads it (a subset of the orgs module's `Org`). */
export interface DemoOrg {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  readonly urbanRural?: 'urban' | 'rural' | null;
}

const COUNTY_CODES = new Set<string>(DEMO_COUNTIES.map((c) => c.code));

/**
 * The villages and communities of the scenario's counties, in code order, with their
 * township's name and whether they are urban (an org marked urban, or a 社区/居委会).
 *
 * @example demoVillages(await listSubtree(db, '620800')).length // → 1559 on the real tree
 */
export function demoVillages(orgs: readonly DemoOrg[]): DemoVillage[] {
  const townships = new Map<string, string>();
  for (const o of orgs) if (o.level === 4) townships.set(o.code, o.name);
  return orgs
    .filter((o) => o.level === 5 && COUNTY_CODES.has(o.code.slice(0, 6)))
    .map((o) => ({
      code: o.code,
      name: o.name,
      townshipCode: o.code.slice(0, 9),
      townshipName: townships.get(o.code.slice(0, 9)) ?? o.code.slice(0, 9),
      countyCode: o.code.slice(0, 6) as DemoCountyCode,
      urban: o.urbanRural === 'urban' || /(社区|居委会)/.test(o.name),
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
