import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { parsePeriod } from '../../domain/periods/period.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import { writeCsv, writeXlsx } from '../import/import.fixture.js';
import { insertOrgTree, recordNo, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { fixtureResident } from '../records/records.fixture.js';
import { upsertEnrollments } from '../records/enrollments-repository.js';
import { upsertResidents } from '../records/residents-repository.js';
import { upsertServices } from '../records/services-repository.js';
import { contractIndicatorsFor } from './contract-indicator-values.js';
import { listContracts, listTeams } from './contracts-repository.js';
import { importContractsFile } from './import-contracts.js';

const TODAY = '2020-12-31';

function resident(seq: number, village: string, birthDate: string): ResidentInput {
  return fixtureResident(seq, {
    recordNo: recordNo(seq, village),
    orgCode: village,
    idNumber: null,
    birthDate,
  });
}
function enrol(no: string, program: EnrollmentInput['program'], startDate: string): EnrollmentInput {
  return { recordNo: no, program, startDate, endDate: null, endReason: null, detail: null };
}
const R1 = recordNo(1, V1);
const R3 = recordNo(3, V1);

/**
 * The hand-worked data set (2020H1, E = 2020-06-30, population 10 + 10):
 * R1 born 1950, hypertension; C1 2019-04-01 (ends 2020-03-31) renewed by C2 2020-04-01
 *   (chronic), follow-up 2020-05-01 → active, key (elderly, hypertension), due + renewed, fulfilled.
 * R2 born 1990: C3 basic 2020-02-01, no services → active only.
 * R3 born 1955-06-30: C4 elderly package signed 2020-06-30 (65 that day), check-up that day → key elderly, fulfilled.
 * R4 born 1950: no contract → elderly denominator only.
 * R5 born 2016: C5 2019-03-01 (ends 2020-02-28), not renewed → child denominator, due.
 * R6 (V2) born 1980, diabetes: C6 2020-01-10 terminated 2020-03-01 → diabetes denominator only.
 * R7 (V2) born 1980: C7 2020-05-01 disabled → active, key disabled.
 */
async function buildData(db: Parameters<typeof importContractsFile>[0]): Promise<void> {
  const k = db.kysely;
  await insertOrgTree(k);
  await k
    .insertInto('org_population')
    .values(
      [V1, V2].map((org_code) => ({
        org_code,
        year: 2020,
        total: 10,
        age_0_6: null,
        age_65_plus: null,
        age_15_plus: null,
        age_18_plus: null,
        women_15_49: null,
        live_births: null,
      })),
    )
    .execute();
  await k.transaction().execute(async (trx) => {
    await upsertResidents(
      trx,
      WHOLE_TREE,
      [
        resident(1, V1, '1950-01-01'),
        resident(2, V1, '1990-01-01'),
        resident(3, V1, '1955-06-30'),
        resident(4, V1, '1950-01-01'),
        resident(5, V1, '2016-01-01'),
        resident(6, V2, '1980-01-01'),
        resident(7, V2, '1980-01-01'),
      ],
      TODAY,
    );
    await upsertEnrollments(
      trx,
      WHOLE_TREE,
      [enrol(R1, 'hypertension', '2019-01-01'), enrol(recordNo(6, V2), 'diabetes', '2019-01-01')],
      TODAY,
    );
    await upsertServices(
      trx,
      WHOLE_TREE,
      [
        {
          serviceNo: 'h1',
          recordNo: R1,
          type: 'hypertension_followup',
          serviceDate: '2020-05-01',
          orgCode: null,
          institution: null,
          doctor: null,
          payload: {
            sbp: 130,
            dbp: 80,
            heartRate: null,
            controlled: true,
            guidance: true,
            medicationAdherence: null,
            symptoms: null,
          },
        } as ServiceInput,
        {
          serviceNo: 'e3',
          recordNo: R3,
          type: 'elderly_checkup',
          serviceDate: '2020-06-30',
          orgCode: null,
          institution: null,
          doctor: null,
          payload: {
            sbp: 130,
            dbp: 80,
            sbpRight: 132,
            dbpRight: 82,
            heartRate: 70,
            fastingGlucose: 6.5,
            weight: 60,
            waist: 80,
            height: null,
            totalCholesterol: null,
            triglycerides: null,
            alt: null,
            creatinine: null,
            ecg: null,
            ultrasound: null,
            selfCareScore: null,
          },
        } as ServiceInput,
      ],
      { today: TODAY },
    );
  });
}

const TEAM_LINES = [
  '团队编号,团队名称,机构编码,团队成员,服务村居',
  `T1,第一团队,${TOWNSHIP},张伟:医生;李娜:护士;王芳:公卫人员,${V1}`,
  `T2,第二团队,${TOWNSHIP},赵强:医生,${V2}`,
];

const CONTRACT_HEADER = [
  '签约编号',
  '档案编号',
  '团队编号',
  '签约日期',
  '签约年限',
  '到期日期',
  '服务包',
  '残疾人',
  '解约日期',
  '解约原因',
];
const CONTRACT_ROWS: (string | null)[][] = [
  // C2 before C1: the import orders by signing, so C2 still finds C1 as its predecessor.
  ['C2', R1, 'T1', '2020年4月1日', null, null, '慢病服务包', '否', null, null],
  ['C1', R1, 'T1', '2019-04-01', '1', null, 'chronic', null, null, null],
  ['C3', recordNo(2, V1), 'T1', '2020-02-01', null, null, null, null, null, null],
  ['C4', R3, 'T1', '2020-06-30', null, null, '老年人服务包', null, null, null],
  ['C5', recordNo(5, V1), 'T1', '2019-03-01', null, '2020-02-28', '基础服务包', null, null, null],
  ['C6', recordNo(6, V2), 'T2', '2020-01-10', null, null, null, null, '2020-03-01', '居民申请解约'],
  ['C7', recordNo(7, V2), 'T2', '2020-05-01', null, null, null, '是', null, null],
];

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
    expect(await listContracts(t.db.kysely, WHOLE_TREE)).toEqual([]);
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
    const contracts = await listContracts(t.db.kysely, WHOLE_TREE);
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
    const v2 = await listContracts(t.db.kysely, subtreeScope({ code: V2, level: 5, countyCode: '620881' }), {
      activeOn: '2020-06-30',
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
