/**
 * The narrow interface through which a bulletin reads the other engines (orgs, indicator
 * values, audit counts and hotspots, targets). `databaseSources(db)` wires it to the real
 * modules; tests may build one over hand-made data.
 */
import type { BulletinFunds } from '../../domain/bulletins/funds-section.js';
import type {
  FindingCountRow,
  IndicatorMeta,
  IndicatorValueRow,
  TargetRateRow,
} from '../../domain/bulletins/bulletin-input.js';

/** An org as the bulletin needs it. */
export interface SourceOrg {
  readonly code: string;
  readonly name: string;
  readonly level: number;
}

/** A hotspot as the audits engine lists it. */
export interface SourceHotspot {
  readonly org: string;
  readonly orgName: string;
  readonly level: number;
  readonly count: number;
  /** County, township and village names joined (华亭市东华镇), when the source gives it. */
  readonly fullName?: string;
}

/** Everything a bulletin reads. */
export interface BulletinSources {
  getOrg(code: string): Promise<SourceOrg | null>;
  listChildren(code: string): Promise<SourceOrg[]>;
  /** Names of orgs by code (unknown codes absent). */
  orgNames(codes: readonly string[]): Promise<Map<string, { name: string; level: number }>>;
  /** Contract 4: values of the org (depth 0) or the org and its children (depth 1). */
  indicatorValues(orgCode: string, period: string, depth: number): Promise<IndicatorValueRow[]>;
  /** The indicator catalogue, in catalogue order. */
  indicatorCatalogue(): readonly IndicatorMeta[];
  /** Contract 5: finding counts of the org and its children, rolled up. */
  findingCounts(orgCode: string, depth: number): Promise<FindingCountRow[]>;
  /** Contract 5: townships/villages with the most findings of a rule. */
  hotspots(rule: string, orgCode: string, limit: number): Promise<SourceHotspot[]>;
  /** Contract 6: target rates of the children for the period. */
  targetRates(orgCode: string, period: string): Promise<TargetRateRow[]>;
  /**
   * The funds of the org's health centres for `year` on `asOf`, from the allocation covering
   * the org (its own or an ancestor's); null when there is none. Optional: sources without
   * funding data leave it out and the bulletin has no funds section.
   */
  funds?(orgCode: string, year: number, asOf: string): Promise<BulletinFunds | null>;
}
