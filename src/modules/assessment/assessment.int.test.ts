import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { formatCenti } from '../../domain/assessment/exact.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { runAudits } from '../audits/run-audits.js';
import { generateDemo } from '../demo/generate-demo.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { findOrgLineage } from '../orgs/org-scope.js';
import { enterManualScore } from './enter-manual-score.js';
import { readRunReport } from './run-report.js';
import { runAssessment } from './run-assessment.js';
import { importScheme, listSchemes, loadScheme } from './schemes.js';

const CITY = '620800';
const AT = '2020-07-10T08:00:00.000Z';
const WHO = { by: 'assessor1', at: AT };

describeEachDialect('assessment of the 7 counties of Pingliang for 2020H1 (demo)', (t) => {
  let runId: number;
  beforeAll(async () => {
    await generateDemo(t.db, { scale: 'small', seed: 7, fraction: 1 / 2000, residentsPerBatch: 500 });
    await runAudits(t.db, WHOLE_TREE, { orgCode: CITY, period: '2020H1' });
    await enterManualScore(
      t.db,
      WHOLE_TREE,
      {
        schemeCode: 'national-basic',
        itemId: 'eff.satisfaction',
        unitCode: '620881',
        period: '2020H1',
        score: 5.5,
        evidence: '问卷120份，满意110份',
      },
      WHO,
    );
    runId = await runAssessment(
      t.db,
      WHOLE_TREE,
      { schemeCode: 'national-basic', orgCode: CITY, period: '2020H1' },
      WHO,
    );
  }, 240_000);

  it('assesses and ranks the seven counties, with the scheme version and data cut-off', async () => {
    const report = await readRunReport(t.db, WHOLE_TREE, runId, { items: true });
    expect(report.run).toMatchObject({
      schemeCode: 'national-basic',
      schemeVersion: 1,
      orgCode: CITY,
      period: '2020H1',
      dataCutoff: '2020-06-30',
      unitCount: 7,
      createdBy: 'assessor1',
    });
    expect(report.units.map((u) => u.unitCode).sort()).toEqual(
      ['620802', '620821', '620822', '620823', '620825', '620826', '620881'].sort(),
    );
    const ranks = report.units.map((u) => u.rank);
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < report.units.length; i++) {
      expect(report.units[i]!.convertedCenti).toBeLessThanOrEqual(report.units[i - 1]!.convertedCenti);
    }
    expect(report.previousRunId).toBeNull();
  });

  it('stores every item so that the total adds up and each rate is the engine’s', async () => {
    const report = await readRunReport(t.db, WHOLE_TREE, runId, { items: true });
    const values = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: CITY,
      period: '2020H1',
      depth: 1,
    });
    for (const u of report.units) {
      const items = report.items.filter((i) => i.unitCode === u.unitCode);
      expect(items).toHaveLength(26);
      expect(items.reduce((s, i) => s + (i.centi ?? 0), 0)).toBe(u.totalCenti);
      expect(items.reduce((s, i) => s + (i.centi === null ? 0 : i.pointsCenti), 0)).toBe(u.applicableCenti);
      expect(u.convertedCenti).toBe(Math.round((u.totalCenti * 10000) / u.applicableCenti));
      const htn = items.find((i) => i.itemId === 'exe.hypertension_standardized')!;
      const engine = values.find(
        (v) => v.org === u.unitCode && v.indicator === 'hypertension.standardized_rate',
      )!;
      expect(htn).toMatchObject({
        numerator: engine.numerator,
        denominator: engine.denominator,
        target: 0.6,
      });
      expect(htn.value).toBeCloseTo(engine.value!, 12);
    }
  });

  it('counts the manual entry with its evidence and assessor, and marks the others missing', async () => {
    const report = await readRunReport(t.db, WHOLE_TREE, runId, { unitCode: '620881' });
    const sat = report.items.find((i) => i.itemId === 'eff.satisfaction')!;
    expect(sat).toMatchObject({
      centi: 550,
      status: 'scored',
      inputs: { evidence: '问卷120份，满意110份', assessor: 'assessor1' },
    });
    expect(report.items.find((i) => i.itemId === 'org.staffing')).toMatchObject({
      centi: 0,
      status: 'missing',
    });
    expect(report.units.find((u) => u.unitCode === '620881')!.missing).toBe(6);
  });

  it('deducts for the current audit findings of each county', async () => {
    const report = await readRunReport(t.db, WHOLE_TREE, runId, { items: true });
    const dq = report.items.filter((i) => i.itemId === 'exe.data_quality');
    expect(dq).toHaveLength(7);
    for (const i of dq) {
      const findings = (i.inputs as { findings: Record<string, number> }).findings;
      const taken = Math.round(
        findings.duplicate_records! * 5 +
          findings.identical_checkups! * 10 +
          findings.id_problems! * 5 +
          findings.arm_bp_difference! * 2,
      );
      expect(i.centi).toBe(500 - Math.min(taken, 500));
    }
  });

  it('compares a second run with the first', async () => {
    await enterManualScore(
      t.db,
      WHOLE_TREE,
      {
        schemeCode: 'national-basic',
        itemId: 'eff.awareness',
        unitCode: '620881',
        period: '2020H1',
        score: 4,
        evidence: '抽查50人',
      },
      WHO,
    );
    const second = await runAssessment(
      t.db,
      WHOLE_TREE,
      { schemeCode: 'national-basic', orgCode: CITY, period: '2020H1' },
      WHO,
    );
    const report = await readRunReport(t.db, WHOLE_TREE, second);
    expect(report.previousRunId).toBe(runId);
    const jc = report.units.find((u) => u.unitCode === '620881')!;
    const before = (await readRunReport(t.db, WHOLE_TREE, runId)).units.find((u) => u.unitCode === '620881')!;
    expect(jc.totalCenti - before.totalCenti).toBe(400);
    expect(jc.changeCenti).toBe(jc.convertedCenti - before.convertedCenti);
    expect(jc.previousRank).toBe(before.rank);
    expect(formatCenti(jc.totalCenti)).toMatch(/^\d+\.\d\d$/);
  });

  it('shows a county bureau only its own county, and refuses it a run of the city', async () => {
    const county = (await findOrgLineage(t.db.kysely, '620881'))!;
    const scope = subtreeScope(county);
    const report = await readRunReport(t.db, scope, runId, { items: true });
    expect(report.units.map((u) => u.unitCode)).toEqual(['620881']);
    expect(new Set(report.items.map((i) => i.unitCode))).toEqual(new Set(['620881']));
    await expect(
      runAssessment(t.db, scope, { schemeCode: 'national-basic', orgCode: CITY, period: '2020H1' }, WHO),
    ).rejects.toMatchObject({ status: 403, field: 'org' });
    const other = subtreeScope((await findOrgLineage(t.db.kysely, '620802'))!);
    await expect(
      enterManualScore(
        t.db,
        other,
        {
          schemeCode: 'national-basic',
          itemId: 'eff.awareness',
          unitCode: '620881',
          period: '2020H1',
          score: 1,
          evidence: 'x',
        },
        WHO,
      ),
    ).rejects.toBeInstanceOf(GongweiError);
  });

  it('refuses a manual score above the item’s points or for a computed item', async () => {
    const input = { schemeCode: 'national-basic', unitCode: '620881', period: '2020H1', evidence: 'x' };
    await expect(
      enterManualScore(t.db, WHOLE_TREE, { ...input, itemId: 'eff.awareness', score: 4.01 }, WHO),
    ).rejects.toMatchObject({ field: 'score' });
    await expect(
      enterManualScore(t.db, WHOLE_TREE, { ...input, itemId: 'exe.child', score: 1 }, WHO),
    ).rejects.toMatchObject({ field: 'itemId' });
  });

  it('imports a scheme as a new version, and an unchanged one not again', async () => {
    const { scheme } = await loadScheme(t.db, 'national-basic');
    const edited = { ...scheme, name: { zh: '泾川县2020年方案', en: 'Jingchuan 2020' } };
    const first = await importScheme(t.db, edited, WHO);
    expect(first).toMatchObject({ created: true, stored: { version: 2, createdBy: 'assessor1' } });
    expect(await importScheme(t.db, JSON.parse(JSON.stringify(edited)), WHO)).toMatchObject({
      created: false,
      stored: { version: 2 },
    });
    expect((await loadScheme(t.db, 'national-basic', 1)).scheme).toEqual(scheme);
    expect((await listSchemes(t.db)).map((s) => s.version)).toEqual([1, 2]);
  });
});
