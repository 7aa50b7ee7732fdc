import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { insertFixtureOrgs } from '../records/records.fixture.js';
import { importFile } from './import-file.js';
import { RESIDENT_HEADER, recordNoOf, residentLine, writeCsv, writeXlsx } from './import.fixture.js';

const url = inject('postgresUrl');

/** Every stored record row without surrogate ids and timestamps, residents named by record number. */
async function storedRows(db: Db): Promise<unknown> {
  const residents = await db.kysely
    .selectFrom('residents')
    .select([
      'record_no',
      'county_code',
      'id_number',
      'name',
      'sex',
      'birth_date',
      'org_code',
      'phone',
      'electronic',
      'record_created',
      'death_date',
    ])
    .orderBy('record_no')
    .execute();
  const enrollments = await db.kysely
    .selectFrom('enrollments')
    .innerJoin('residents', 'residents.id', 'enrollments.resident_id')
    .select([
      'residents.record_no',
      'program',
      'start_date',
      'end_date',
      'end_reason',
      'detail',
      'enrollments.county_code',
    ])
    .orderBy('residents.record_no')
    .orderBy('program')
    .execute();
  const services = await db.kysely
    .selectFrom('services')
    .leftJoin('residents', 'residents.id', 'services.resident_id')
    .select([
      'residents.record_no',
      'service_key',
      'type',
      'service_date',
      'services.org_code',
      'services.county_code',
      'sbp',
      'dbp',
      'sbp_right',
      'dbp_right',
      'heart_rate',
      'fasting_glucose',
      'weight',
      'waist',
      'controlled',
      'guidance',
      'payload',
    ])
    .orderBy('service_key')
    .execute();
  return { residents, enrollments, services };
}

describe.skipIf(!url)('import gives the same stored rows on SQLite and PostgreSQL', () => {
  let dir = '';
  let sqlite: Db;
  let postgres: Db;
  const schema = `gw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-dialects-'));
    const admin = new pg.Client({ connectionString: url! });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    sqlite = await openMaintainedDatabase({ file: join(dir, 'db.sqlite') });
    postgres = await openMaintainedDatabase({ url: url!, schema });
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    const admin = new pg.Client({ connectionString: url! });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores identical residents, enrolments and services from the same messy files', async () => {
    writeCsv(
      join(dir, 'residents.csv'),
      [
        RESIDENT_HEADER,
        ...Array.from({ length: 30 }, (_, i) => residentLine(i + 1)),
        `６２０８８１１００２０１０００３１,x１２,\u3000王五 ,男,1950年2月3日,,20180315`,
      ],
      'gbk',
    );
    writeCsv(
      join(dir, 'enrol.csv'),
      [
        '档案编号,管理项目,纳入管理日期,预产期',
        `${recordNoOf(1)},高血压,2019-05-01,`,
        `${recordNoOf(2)},孕产妇,2020/1/5,2020-09-01`,
      ],
      'utf-8',
    );
    await writeXlsx(join(dir, 'services.xlsx'), [
      [
        '档案编号',
        '服务类型',
        '服务日期',
        '收缩压',
        '舒张压',
        '右侧收缩压',
        '右侧舒张压',
        '心率',
        '空腹血糖',
        '体重',
        '腰围',
        '心电图',
        '健康指导',
      ],
      [
        recordNoOf(1),
        '高血压随访',
        new Date(Date.UTC(2020, 2, 2)),
        150,
        95,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        '是',
      ],
      [recordNoOf(3), '老年人体检', 43900, 135, 85, 150, 88, 72, 6.1, 63.5, 86, '正常', null],
      [
        recordNoOf(4),
        '糖尿病随访',
        '2020年4月1日',
        null,
        null,
        null,
        null,
        null,
        7.4,
        null,
        null,
        null,
        '否',
      ],
    ]);
    for (const db of [sqlite, postgres]) {
      await insertFixtureOrgs(db.kysely);
      expect(await importFile(db, WHOLE_TREE, 'residents', join(dir, 'residents.csv'))).toMatchObject({
        inserted: 31,
        landed: true,
      });
      expect(await importFile(db, WHOLE_TREE, 'enrollments', join(dir, 'enrol.csv'))).toMatchObject({
        inserted: 2,
      });
      expect(await importFile(db, WHOLE_TREE, 'services', join(dir, 'services.xlsx'))).toMatchObject({
        inserted: 3,
      });
    }
    const fromSqlite = await storedRows(sqlite);
    expect(fromSqlite).toMatchObject({
      residents: expect.arrayContaining([expect.objectContaining({ name: '王五', id_number: 'X12' })]),
    });
    expect(await storedRows(postgres)).toEqual(fromSqlite);
  });
});
