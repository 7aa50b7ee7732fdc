import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { parsePeriod } from '../../domain/periods/period.js';
import { writeCsv, writeXlsx } from '../import/import.fixture.js';
import { recordNo, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { contractIndicatorsFor } from './contract-indicator-values.js';
import { buildData, CONTRACT_HEADER, CONTRACT_ROWS, R1, R3, TEAM_LINES, TODAY } from './contracts.fixture.js';
import { findContracts, listTeams } from './contracts-repository.js';
import { importContractsFile } from './import-contracts.js';

describeEachDialect('family-doctor contracts', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwei-contracts-'));
  beforeAll(async () => {
    await buildData(t.db);
  });

  it('refuses a contract file with a bad row: nothing lands, the row and column are named', async () => {
    const teams = join(dir, 'teams-first.csv');
    writeCsv(teams, TEAM_LINES, 'gbk');
    expect((await importContractsFile(t.db, WHOLE_TREE, 'teams', teams)).inserted).toBe(2);
    const bad = join(dir, 'bad.csv');
    writeCsv(
      bad,
      [
        CONTRACT_HEADER.join(','),
        `C1,${R1},T1,2019-04-01,,,,,,`,
        `C9,${recordNo(99, V1)},T1,2020-02-01,,,,,,`,
        `C10,${R3},T2,2020-02-01,,,黄金包,,,`,
      ],
      'utf-8-bom',
    );
    const report = await importContractsFile(t.db, WHOLE_TREE, 'contracts', bad, { today: TODAY });
    expect(report.landed).toBe(false);
    expect(report.inserted).toBe(0);
    expect(report.rejections.map((r) => [r.row, r.column])).toEqual([
      [3, '档案编号'],
      [4, '服务包'],
    ]);
    expect(readFileSync(report.rejectsFile!, 'utf8')).toContain('第3行 档案编号');
    expect(await findContracts(t.db.kysely, WHOLE_TREE)).toEqual([]);
  });

  it('imports teams (GBK CSV) and contracts (.xlsx): flags at signing and renewals', async () => {
    const xlsx = join(dir, 'contracts.xlsx');
    await writeXlsx(xlsx, [CONTRACT_HEADER, ...CONTRACT_ROWS]);
    const report = await importContractsFile(t.db, WHOLE_TREE, 'contracts', xlsx, { today: TODAY });
    expect(report.rejections).toEqual([]);
    expect(report).toMatchObject({ landed: true, inserted: 7, updated: 0, renewals: 1 });
    const teams = await listTeams(
      t.db.kysely,
      subtreeScope({ code: TOWNSHIP, level: 4, countyCode: '620881' }),
    );
    expect(teams.map((x) => [x.code, x.members.length, x.villages])).toEqual([
      ['T1', 3, [V1]],
      ['T2', 1, [V2]],
    ]);
    const contracts = await findContracts(t.db.kysely, WHOLE_TREE);
    const byNo = new Map(contracts.map((c) => [c.contractNo, c]));
    expect(byNo.get('C1')).toMatchObject({
      endDate: '2020-03-31',
      keyPopulations: ['elderly', 'hypertension'],
      renewal: false,
    });
    expect(byNo.get('C2')).toMatchObject({ endDate: '2021-03-31', packageCode: 'chronic', renewal: true });
    expect(byNo.get('C4')!.keyPopulations).toEqual(['elderly']);
    expect(byNo.get('C5')!.keyPopulations).toEqual(['child']);
    expect(byNo.get('C6')).toMatchObject({
      keyPopulations: ['diabetes'],
      terminationReason: 'resident_request',
    });
    expect(byNo.get('C7')!.keyPopulations).toEqual(['disabled']);
    // The scope confines the list: the second village's contracts only.
    const v2 = await findContracts(t.db.kysely, subtreeScope({ code: V2, level: 5, countyCode: '620881' }), {
      status: { is: 'active', on: '2020-06-30' },
    });
    expect(v2.map((c) => c.contractNo)).toEqual(['C7']);
    // Importing again updates, never duplicates.
    const again = await importContractsFile(t.db, WHOLE_TREE, 'contracts', xlsx, { today: TODAY });
    expect(again).toMatchObject({ inserted: 0, updated: 7 });
  });

  it('computes the indicators by hand for 2020H1 and rolls them up', async () => {
    const rows = await contractIndicatorsFor(t.db, WHOLE_TREE, parsePeriod('2020H1'));
    const value = (org: string, id: string): [number, number] => {
      const v = rows.find((r) => r.orgCode === org)!.values.find((x) => x.id === id)!;
      return [v.numerator, v.denominator];
    };
    expect(value(TOWNSHIP, 'contract_rate')).toEqual([4, 20]);
    expect(value(V1, 'contract_rate')).toEqual([3, 10]);
    expect(value(V2, 'contract_rate')).toEqual([1, 10]);
    expect(value(TOWNSHIP, 'contract_rate_key')).toEqual([3, 6]);
    expect(value(TOWNSHIP, 'contract_rate_key_elderly')).toEqual([2, 3]);
    expect(value(TOWNSHIP, 'contract_rate_key_hypertension')).toEqual([1, 1]);
    expect(value(TOWNSHIP, 'contract_rate_key_diabetes')).toEqual([0, 1]);
    expect(value(TOWNSHIP, 'contract_rate_key_child')).toEqual([0, 1]);
    expect(value(TOWNSHIP, 'contract_rate_key_disabled')).toEqual([1, 1]);
    expect(value(TOWNSHIP, 'renewal_rate')).toEqual([1, 2]);
    expect(value(TOWNSHIP, 'fulfilment_rate')).toEqual([2, 4]);
    // Parents are the sums of their children.
    for (const id of ['contract_rate', 'contract_rate_key', 'renewal_rate', 'fulfilment_rate']) {
      const [n1, d1] = value(V1, id);
      const [n2, d2] = value(V2, id);
      expect(value('620881', id)).toEqual([n1 + n2, d1 + d2]);
    }
    // The day before: C4 not yet signed, R3 64 → elderly 1 of 2.
    const before = await contractIndicatorsFor(t.db, WHOLE_TREE, parsePeriod('2020-06-2'));
    const elderly = before
      .find((r) => r.orgCode === TOWNSHIP)!
      .values.find((x) => x.id === 'contract_rate_key_elderly')!;
    expect([elderly.numerator, elderly.denominator]).toEqual([1, 2]);
  });
});

describe('contracts import columns', () => {
  it('documents every column with a Chinese header', async () => {
    const { CONTRACT_IMPORT_COLUMNS } = await import('../../domain/contracts/contract-columns.js');
    expect(CONTRACT_IMPORT_COLUMNS.contracts.map((c) => c.header)).toContain('签约日期');
  });
});
