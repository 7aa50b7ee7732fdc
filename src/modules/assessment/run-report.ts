/**
 * Use-case: a stored run as its readers see it — the units in their scope, ranked, each
 * compared with the previous run of the same org and scheme, and (for one unit, or all)
 * every item with what explains its score.
 */
import type { Db } from '../../db/database.js';
import { compareRuns } from '../../domain/assessment/ranking.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import type { OrgScope } from '../orgs/org-scope.js';
import {
  selectPreviousRun,
  selectRun,
  selectRunItems,
  selectRunUnits,
  type RunRow,
  type StoredItem,
  type UnitResultRow,
} from './run-repository.js';
import { loadScheme } from './schemes.js';

/** A unit of a report: its result and its change since the previous run. */
export interface ReportUnit extends UnitResultRow {
  previousCenti: number | null;
  previousRank: number | null;
  changeCenti: number | null;
  rankChange: number | null;
}

/** A run as read. */
export interface RunReport {
  run: RunRow;
  schemeName: { zh: string; en: string };
  previousRunId: number | null;
  units: ReportUnit[];
  /** Section and item names by id, in scheme order. */
  sections: Array<{
    id: string;
    name: { zh: string; en: string };
    items: Array<{ id: string; name: { zh: string; en: string } }>;
  }>;
  items: StoredItem[];
}

/** 404 naming `id`. */
export function noRun(id: number): GongweiError {
  return GongweiError.notFound({ zh: `没有编号为 ${id} 的考核结果`, en: `no assessment run #${id}` }, 'id');
}

/**
 * The report of run `id` for the caller; 404 when no unit of it lies in scope.
 *
 * @example
 * const report = await readRunReport(db, callerScope(request), 3, { items: true });
 */
export async function readRunReport(
  db: Db,
  scope: OrgScope,
  id: number,
  options: { items?: boolean; unitCode?: string } = {},
): Promise<RunReport> {
  const run = await selectRun(db, scope, id);
  if (!run) throw noRun(id);
  const { scheme } = await loadScheme(db, run.schemeCode, run.schemeVersion, 'scheme', { readOnly: true });
  const units = await selectRunUnits(db, scope, id);
  const previous = await selectPreviousRun(db, scope, run);
  const before = previous ? await selectRunUnits(db, scope, previous.id) : [];
  const changes = new Map(
    compareRuns(
      units.map((u) => ({ code: u.unitCode, convertedCenti: u.convertedCenti, rank: u.rank })),
      before.map((u) => ({ code: u.unitCode, convertedCenti: u.convertedCenti, rank: u.rank })),
    ).map((c) => [c.code, c]),
  );
  return {
    run,
    schemeName: scheme.name,
    previousRunId: previous?.id ?? null,
    units: units.map((u) => {
      const c = changes.get(u.unitCode)!;
      return {
        ...u,
        previousCenti: c.previousCenti,
        previousRank: c.previousRank,
        changeCenti: c.changeCenti,
        rankChange: c.rankChange,
      };
    }),
    sections: scheme.sections.map((s) => ({
      id: s.id,
      name: s.name,
      items: s.items.map((i) => ({ id: i.id, name: i.name })),
    })),
    items:
      options.items || options.unitCode !== undefined
        ? await selectRunItems(db, scope, id, options.unitCode)
        : [],
  };
}
