import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { REASONS } from '../../domain/records/validation.js';
import { FIXTURE_ORGS, insertFixtureOrgs } from '../records/records.fixture.js';
import { OUTSIDE_SCOPE } from '../records/records-errors.js';
import { ImportFileError } from './file-rows.js';
import { importFile } from './import-file.js';
import { RESIDENT_HEADER, recordNoOf, residentLine, writeCsv, writeXlsx } from './import.fixture.js';

describeEachDialect('import files', (t) => {
  let dir = '';
  const file = (name: string): string => join(dir, name);
  const count = async (
    table: 'residents' | 'enrollments' | 'services' | 'org_population',
  ): Promise<number> => {
    const row = await t.db.kysely
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const resident = (seq: number) =>
    t.db.kysely
      .selectFrom('residents')
      .selectAll()
      .where('record_no', '=', recordNoOf(seq))
      .executeTakeFirst();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-import-'));
    await insertFixtureOrgs(t.db.kysely);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    await t.db.kysely.deleteFrom('services').execute();
    await t.db.kysely.deleteFrom('enrollments').execute();
    await t.db.kysely.deleteFrom('residents').execute();
  });

  it('reads a messy GBK file: full-width digits, blanks, blank lines, Chinese dates, a repeated row', async () => {
    writeCsv(
      file('messy.csv'),
      [
        ' 档案编号 ,身份证号,姓名,性别,出生日期,本人电话,建档日期,备注',
        `６２０８８１１００２０１００００１, ６２０８８１ 19550101001x ,张\u3000三,男,1955年1月1日,138 0933 1234,2018/3/15,`,
        '',
        ',,,,,,,',
        `${recordNoOf(2)},620881196002020020,李四,女,19600202,,43905,随访困难`,
        `${recordNoOf(1)},620881195501010011,张三,男,1955-01-01,13809331234,2018.3.15,重复`,
      ],
      'gbk',
    );
    const report = await importFile(t.db, WHOLE_TREE, 'residents', file('messy.csv'));
    expect(report).toMatchObject({
      encoding: 'gbk',
      rowsRead: 3,
      inserted: 2,
      updated: 1,
      rejected: 0,
      landed: true,
      ignoredColumns: ['备注'],
      titleRows: [],
      totalRows: [],
    });
    expect(await count('residents')).toBe(2);
    expect(await resident(1)).toMatchObject({
      name: '张三',
      id_number: '620881195501010011',
      phone: '13809331234',
      record_created: '2018-03-15',
      county_code: '620881',
      org_code: '620881100201',
    });
    expect(await resident(2)).toMatchObject({
      name: '李四',
      sex: 'F',
      birth_date: '1960-02-02',
      record_created: '2020-03-15',
    });
  });

  it('lands nothing when one row is refused, and names its row (blank lines counted) and column', async () => {
    writeCsv(
      file('bad-date.csv'),
      [
        RESIDENT_HEADER,
        residentLine(1),
        '',
        residentLine(2).replace('1955-01-01', '1955-02-30'),
        residentLine(3),
      ],
      'utf-8-bom',
    );
    const report = await importFile(t.db, WHOLE_TREE, 'residents', file('bad-date.csv'));
    expect(report).toMatchObject({
      encoding: 'utf-8',
      rowsRead: 3,
      valid: 2,
      inserted: 0,
      updated: 0,
      rejected: 1,
      landed: false,
      rejectsFile: null,
    });
    expect(report.rejections).toEqual([
      expect.objectContaining({ row: 4, column: '出生日期', field: 'birthDate', value: '1955-02-30' }),
    ]);
    expect(await count('residents')).toBe(0);
  });

  it('lands nothing of a 20 000-row file whose last row is bad', async () => {
    const lines = [RESIDENT_HEADER];
    for (let i = 1; i <= 20_000; i++) lines.push(residentLine(i));
    lines.push(residentLine(20_001).replace('2018-03-15', '2018-13-01'));
    writeCsv(file('large.csv'), lines, 'utf-8');
    const report = await importFile(t.db, WHOLE_TREE, 'residents', file('large.csv'));
    expect(report).toMatchObject({
      rowsRead: 20_001,
      valid: 20_000,
      rejected: 1,
      landed: false,
      inserted: 0,
    });
    expect(report.rejections[0]).toMatchObject({ row: 20_002, column: '建档日期' });
    expect(await count('residents')).toBe(0);
  });

  it('with accept-valid lands the valid rows and writes the refused ones beside the input', async () => {
    writeCsv(
      file('partly.csv'),
      [
        RESIDENT_HEADER,
        residentLine(1),
        residentLine(2).replace('居民2', ''),
        residentLine(3),
        `${recordNoOf(4)},x,居民4,男,1955-01-01,,2018-03-15`,
      ],
      'utf-8',
    );
    const report = await importFile(t.db, WHOLE_TREE, 'residents', file('partly.csv'), { acceptValid: true });
    expect(report).toMatchObject({
      rowsRead: 4,
      inserted: 3,
      rejected: 1,
      landed: true,
      rejectsFile: file('partly.csv.rejected.csv'),
    });
    expect(await count('residents')).toBe(3);
    const rejects = readFileSync(file('partly.csv.rejected.csv'));
    expect([...rejects.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = rejects.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(`${RESIDENT_HEADER},错误原因`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(recordNoOf(2));
    expect(lines[1]).toContain('第3行 姓名：必填项为空');
  });

  it('re-importing the same file updates every row and adds none', async () => {
    const lines = [RESIDENT_HEADER, ...Array.from({ length: 50 }, (_, i) => residentLine(i + 1))];
    writeCsv(file('again.csv'), lines, 'utf-8');
    expect(await importFile(t.db, WHOLE_TREE, 'residents', file('again.csv'))).toMatchObject({
      inserted: 50,
      updated: 0,
    });
    const before = await t.db.kysely
      .selectFrom('residents')
      .select(['id', 'record_no', 'name'])
      .orderBy('id')
      .execute();
    expect(await importFile(t.db, WHOLE_TREE, 'residents', file('again.csv'))).toMatchObject({
      inserted: 0,
      updated: 50,
      landed: true,
    });
    expect(
      await t.db.kysely.selectFrom('residents').select(['id', 'record_no', 'name']).orderBy('id').execute(),
    ).toEqual(before);
  });

  it('reads .xlsx with Date cells, serial numbers and long codes stored as text', async () => {
    await writeXlsx(file('people.xlsx'), [
      ['档案编号', '姓名', '性别', '出生日期', '建档日期', '身份证号'],
      [recordNoOf(1), '张三', '男', new Date(Date.UTC(1955, 0, 1)), 43905, '620881195501010011'],
      [],
      [recordNoOf(2), '李四', '女', '1960年2月2日', '2019/1/2', Number('620881196002020020')],
    ]);
    const report = await importFile(t.db, WHOLE_TREE, 'residents', file('people.xlsx'), {
      acceptValid: true,
    });
    expect(report).toMatchObject({ encoding: 'xlsx', rowsRead: 2, inserted: 1, rejected: 1 });
    expect(report.rejections).toEqual([
      expect.objectContaining({ row: 4, column: '身份证号', value: '620881********0000' }),
    ]);
    expect(await resident(1)).toMatchObject({ birth_date: '1955-01-01', record_created: '2020-03-15' });
  });

  it('reads a table as a bureau makes it: a title row, a group row over the header, a total row', async () => {
    await writeXlsx(file('roster.xlsx'), [
      ['崆峒区居民健康档案花名册（2020年6月）'],
      ['基本信息', null, null, null, '建档'],
      ['档案编号', '姓名', '性别', '出生日期', '建档日期'],
      [recordNoOf(1), '张三', '男', '1955-01-01', '2019-01-02'],
      [recordNoOf(2), '李四', '女', '1960-02-02', '2019-01-03'],
      ['合  计', '2人'],
    ]);
    const report = await importFile(t.db, WHOLE_TREE, 'residents', file('roster.xlsx'));
    expect(report).toMatchObject({
      rowsRead: 2,
      inserted: 2,
      rejected: 0,
      landed: true,
      titleRows: [1, 3],
      totalRows: [6],
    });
    expect(await resident(2)).toMatchObject({ name: '李四', record_created: '2019-01-03' });
  });

  it('refuses enrolments and services of unknown record numbers, naming row and column', async () => {
    writeCsv(file('people.csv'), [RESIDENT_HEADER, residentLine(1), residentLine(2)], 'utf-8');
    await importFile(t.db, WHOLE_TREE, 'residents', file('people.csv'));
    writeCsv(
      file('enrol.csv'),
      [
        '档案编号,管理项目,纳入管理日期,结案日期',
        `${recordNoOf(1)},高血压,2019-05-01,`,
        `${recordNoOf(9)},糖尿病,2019-05-01,`,
        `${recordNoOf(2)},老年人,2020-01-01,`,
      ],
      'utf-8',
    );
    const refused = await importFile(t.db, WHOLE_TREE, 'enrollments', file('enrol.csv'));
    expect(refused).toMatchObject({ landed: false, rejected: 1 });
    expect(refused.rejections).toEqual([
      expect.objectContaining({
        row: 3,
        column: '档案编号',
        reason: expect.objectContaining({ zh: '档案编号不存在' }),
      }),
    ]);
    expect(await count('enrollments')).toBe(0);
    const accepted = await importFile(t.db, WHOLE_TREE, 'enrollments', file('enrol.csv'), {
      acceptValid: true,
    });
    expect(accepted).toMatchObject({ inserted: 2, rejected: 1 });

    writeCsv(
      file('visits.csv'),
      [
        '档案编号,服务类型,服务日期,收缩压,舒张压,健康指导,疫苗名称,剂次,区划代码,活动形式,参与人数',
        `${recordNoOf(1)},高血压随访,2020年3月2日,150,95,是,,,,,`,
        `${recordNoOf(1)},高血压患者随访,2020-06-02,132,80,否,,,,,`,
        `${recordNoOf(2)},预防接种,2020-04-01,,,,乙肝疫苗,1,,,`,
        `,健康教育,2020-04-10,,,,,,620881100,讲座,45`,
        `${recordNoOf(1)},hypertension_followup,2020-03-02,152,95,是,,,,,`,
      ],
      'utf-8',
    );
    const visits = await importFile(t.db, WHOLE_TREE, 'services', file('visits.csv'));
    expect(visits).toMatchObject({ rowsRead: 5, inserted: 4, updated: 1, rejected: 0 });
    const rows = await t.db.kysely
      .selectFrom('services')
      .select(['type', 'sbp', 'controlled', 'guidance', 'org_code', 'resident_id'])
      .orderBy('service_date')
      .orderBy('type')
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'hypertension_followup',
        sbp: 152,
        controlled: 0,
        guidance: 1,
        org_code: '620881100201',
      }),
      expect.objectContaining({ type: 'vaccination', sbp: null }),
      expect.objectContaining({ type: 'health_education', resident_id: null, org_code: '620881100' }),
      expect.objectContaining({ type: 'hypertension_followup', sbp: 132, controlled: 1, guidance: 0 }),
    ]);
  });

  it('imports population through the org population writer', async () => {
    writeCsv(
      file('pop.csv'),
      [
        '区划代码,年份,常住人口,65岁及以上人口,18岁及以上人口',
        '620881100201,2020,1523,190,1170',
        '620881100299,2020,10,1,8',
      ],
      'utf-8',
    );
    const report = await importFile(t.db, WHOLE_TREE, 'population', file('pop.csv'), { acceptValid: true });
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({ row: 3, column: '区划代码' });
    const row = await t.db.kysely
      .selectFrom('org_population')
      .selectAll()
      .where('org_code', '=', '620881100201')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      year: 2020,
      total: 1523,
      age_65_plus: 190,
      age_18_plus: 1170,
      age_0_6: null,
    });
  });

  it('refuses rows of villages and residents outside the scope it imports into', async () => {
    const otherVillage = subtreeScope({ code: FIXTURE_ORGS.otherVillage, level: 5, countyCode: '620881' });
    writeCsv(file('outside.csv'), [RESIDENT_HEADER, residentLine(1)], 'utf-8');
    const refused = await importFile(t.db, otherVillage, 'residents', file('outside.csv'));
    expect(refused).toMatchObject({ landed: false, rejected: 1 });
    expect(refused.rejections).toEqual([expect.objectContaining({ row: 2, field: 'orgCode' })]);
    await importFile(t.db, WHOLE_TREE, 'residents', file('outside.csv'));
    writeCsv(
      file('outside-enrol.csv'),
      ['档案编号,管理项目,纳入管理日期', `${recordNoOf(1)},高血压,2019-05-01`],
      'utf-8',
    );
    const enrol = await importFile(t.db, otherVillage, 'enrollments', file('outside-enrol.csv'));
    expect(enrol.rejections).toEqual([expect.objectContaining({ row: 2, field: 'recordNo' })]);
    expect(await count('enrollments')).toBe(0);
  });

  it('tells a row outside the scope from an unknown one, and never updates a record stored outside it', async () => {
    const village = subtreeScope({ code: FIXTURE_ORGS.village, level: 5, countyCode: '620881' });
    writeCsv(file('mine.csv'), [RESIDENT_HEADER, residentLine(1), residentLine(2)], 'utf-8');
    await importFile(t.db, WHOLE_TREE, 'residents', file('mine.csv'));
    // Resident 2 moves to the other village: its record number still starts with this one.
    await t.db.kysely
      .updateTable('residents')
      .set({ org_code: FIXTURE_ORGS.otherVillage })
      .where('record_no', '=', recordNoOf(2))
      .execute();
    writeCsv(
      file('again.csv'),
      [RESIDENT_HEADER, residentLine(1), residentLine(2).replace('居民2', '冒名'), residentLine(3)],
      'utf-8',
    );
    const report = await importFile(t.db, village, 'residents', file('again.csv'), { acceptValid: true });
    expect(report).toMatchObject({ landed: true, inserted: 1, updated: 1, rejected: 1 });
    expect(report.rejections).toEqual([
      expect.objectContaining({ row: 3, field: 'recordNo', reason: OUTSIDE_SCOPE }),
    ]);
    expect(await resident(2)).toMatchObject({ name: '居民2', org_code: FIXTURE_ORGS.otherVillage });

    writeCsv(
      file('services-outside.csv'),
      [
        '档案编号,服务类型,服务日期,收缩压,舒张压,健康指导',
        `${recordNoOf(2)},高血压随访,2020-03-01,150,95,是`,
        `${recordNoOf(9)},高血压随访,2020-03-01,150,95,是`,
      ],
      'utf-8',
    );
    const services = await importFile(t.db, village, 'services', file('services-outside.csv'));
    expect(services.landed).toBe(false);
    expect(services.rejections.map((r) => [r.row, r.field, r.reason])).toEqual([
      [2, 'recordNo', OUTSIDE_SCOPE],
      [3, 'recordNo', REASONS.unknownRecord],
    ]);
    expect(await count('services')).toBe(0);
  });

  it('refuses impossible dates with row and column, every problem of a row at once', async () => {
    const today = '2026-12-05';
    writeCsv(
      file('dates.csv'),
      [
        '档案编号,姓名,出生日期,建档日期,死亡日期',
        `${recordNoOf(1)},居民1,1940-01-01,2018-03-15,2020-05-03`,
        `${recordNoOf(2)},居民2,2100-01-01,2018-03-15,1950-01-01`,
        `${recordNoOf(3)},居民3,2026-12-05,2026-12-05,`,
        `${recordNoOf(4)},居民4,2026-12-06,2026-12-06,`,
      ],
      'utf-8',
    );
    const residents = await importFile(t.db, WHOLE_TREE, 'residents', file('dates.csv'), {
      acceptValid: true,
      today,
    });
    expect(residents).toMatchObject({ inserted: 2, rejected: 2 });
    expect(residents.rejections.map((r) => [r.row, r.column, r.reason.en])).toEqual([
      [3, '出生日期', 'date is after today (2026-12-05)'],
      [3, '死亡日期', 'death date is before the birth date'],
      [5, '出生日期', 'date is after today (2026-12-05)'],
      [5, '建档日期', 'date is after today (2026-12-05)'],
    ]);
    expect(await resident(2)).toBeUndefined();

    writeCsv(
      file('dated-services.csv'),
      [
        '档案编号,服务类型,服务日期,收缩压,舒张压,健康指导',
        `${recordNoOf(1)},高血压随访,2020-05-03,150,95,是`,
        `${recordNoOf(1)},高血压随访,2020-05-04,150,95,是`,
        `${recordNoOf(3)},高血压随访,2026-12-04,150,95,是`,
        `${recordNoOf(3)},高血压随访,2026-12-06,150,95,是`,
      ],
      'utf-8',
    );
    const services = await importFile(t.db, WHOLE_TREE, 'services', file('dated-services.csv'), { today });
    expect(services.landed).toBe(false);
    expect(services.rejections.map((r) => [r.row, r.field, r.reason.zh])).toEqual([
      [3, 'serviceDate', '服务日期晚于该居民的死亡日期'],
      [4, 'serviceDate', '服务日期早于出生日期'],
      [5, 'serviceDate', '日期晚于今天（2026-12-05）'],
    ]);
    expect(await count('services')).toBe(0);
  });

  it('refuses a file without the required columns, or of another format, before touching the database', async () => {
    writeCsv(file('noheader.csv'), ['姓名,性别', '张三,男'], 'utf-8');
    await expect(importFile(t.db, WHOLE_TREE, 'residents', file('noheader.csv'))).rejects.toThrow(
      /档案编号\(recordNo\)/,
    );
    await expect(importFile(t.db, WHOLE_TREE, 'residents', file('x.xls'))).rejects.toBeInstanceOf(
      ImportFileError,
    );
    expect(existsSync(file('noheader.csv.rejected.csv'))).toBe(false);
  });
});

describe('encoding detection', () => {
  it('tells UTF-8 from GBK even when the first kilobytes are ASCII', async () => {
    const { detectEncoding } = await import('./file-rows.js');
    const dir = mkdtempSync(join(tmpdir(), 'gongwei-enc-'));
    try {
      const ascii = Array.from({ length: 3000 }, (_, i) => `${i},abc`);
      writeCsv(join(dir, 'late-gbk.csv'), [...ascii, '1,张三'], 'gbk');
      writeCsv(join(dir, 'late-utf8.csv'), [...ascii, '1,张三'], 'utf-8');
      expect(await detectEncoding(join(dir, 'late-gbk.csv'))).toBe('gbk');
      expect(await detectEncoding(join(dir, 'late-utf8.csv'))).toBe('utf-8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
