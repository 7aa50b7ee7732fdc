import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { factDefinitionsFingerprint } from '../../domain/indicators/fact-definitions.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { followFactDefinitions } from './fact-definitions-check.js';
import { prepareFactYears } from './fact-year-preparation.js';
import {
  factTables,
  loadFactFingerprint,
  loadFactYears,
  loadYearsInPreparation,
} from './facts-repository.js';
import { buildHandData } from './indicators.fixture.js';
import { computeIndicatorValues } from './indicator-values.js';

const QUERY = { orgCode: '620000', period: '2020H1', depth: 4 };

describeEachDialect('facts follow the definitions of the running code', (t) => {
  it('stores the fingerprint of a new database and prepares nothing', async () => {
    expect(await loadFactFingerprint(t.db.kysely)).toBe(factDefinitionsFingerprint());
    expect(await followFactDefinitions(t.db)).toEqual({ yearsPreparedAgain: [] });
  });

  it('prepares every maintained year again when the facts were computed by other definitions', async () => {
    await buildHandData(t.db);
    const years = await loadFactYears(t.db.kysely);
    expect(years.length).toBeGreaterThan(0);
    const before = await computeIndicatorValues(t.db, WHOLE_TREE, QUERY);

    // As after an upgrade: the stored fingerprint is another code's.
    const { yearsPreparedAgain } = await followFactDefinitions(t.db, 'r0-older-code');
    expect(yearsPreparedAgain).toEqual(years);
    expect(await loadFactYears(t.db.kysely)).toEqual([]);
    expect(await loadYearsInPreparation(t.db.kysely)).toEqual(
      years.map((year) => ({ year, preparedThrough: 0 })),
    );
    // Read from the raw rows meanwhile: the same answers.
    expect(await computeIndicatorValues(t.db, WHOLE_TREE, QUERY)).toEqual(before);
    // Once is enough.
    expect(await followFactDefinitions(t.db, 'r0-older-code')).toEqual({ yearsPreparedAgain: [] });

    // The running code's definitions again: prepared in batches, maintained again, same answers.
    expect((await followFactDefinitions(t.db)).yearsPreparedAgain).toEqual(years);
    await prepareFactYears(t.db, '2020-07-01', { milliseconds: Infinity, batchSize: 3 });
    expect(await loadFactYears(t.db.kysely)).toEqual(years);
    expect(await loadYearsInPreparation(t.db.kysely)).toEqual([]);
    expect(await computeIndicatorValues(t.db, WHOLE_TREE, QUERY)).toEqual(before);
  });

  it('counts facts stored before fingerprints existed as computed by other definitions', async () => {
    await factTables(t.db.kysely).deleteFrom('indicator_fact_definitions').execute();
    const years = await loadFactYears(t.db.kysely);
    expect((await followFactDefinitions(t.db)).yearsPreparedAgain).toEqual(years);
    expect(await loadFactFingerprint(t.db.kysely)).toBe(factDefinitionsFingerprint());
  });
});
