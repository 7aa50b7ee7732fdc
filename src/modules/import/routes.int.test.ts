import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { findResidentsByRecordNo } from '../records/record-lookups-repository.js';
import { FIXTURE_ORGS, insertFixtureOrgs } from '../records/records.fixture.js';
import { recordNoOf, RESIDENT_HEADER, residentLine, writeXlsx } from './import.fixture.js';

const BAD_DATE_LINE = `${recordNoOf(3)},620881195501010033,居民3,男,1955-01-01,13809331234,2018-02-30`;

const csv = (lines: readonly string[]): Buffer => Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');

describeEachDialect('import REST API', (t) => {
  let app: FastifyInstance;
  let centre: SignedInClient;
  const folder = mkdtempSync(join(tmpdir(), 'gongwei-import-routes-'));
  beforeAll(async () => {
    await insertFixtureOrgs(t.db.kysely);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    centre = await signInAs(app, t.db, 'centre', FIXTURE_ORGS.township);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const send = (client: SignedInClient, route: string, body: Buffer, file: string, kind = 'residents') =>
    client.inject({
      method: 'POST',
      url: `/api/import/${route}?kind=${kind}&file=${encodeURIComponent(file)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const stored = async (...seqs: number[]) =>
    [...(await findResidentsByRecordNo(t.db.kysely, WHOLE_TREE, seqs.map(recordNoOf))).keys()].sort();

  it('checks a file with one bad row: the report names its row, column and reason, and nothing is stored', async () => {
    const body = csv([RESIDENT_HEADER, residentLine(1), residentLine(2), BAD_DATE_LINE]);
    const res = await send(centre, 'check', body, '居民档案.csv');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      kind: 'residents',
      file: '居民档案.csv',
      rowsRead: 3,
      valid: 2,
      inserted: 2,
      updated: 0,
      rejected: 1,
      landed: false,
      rejectionsListed: true,
    });
    expect(report.rejections).toHaveLength(1);
    expect(report.rejections[0]).toMatchObject({ row: 4, column: '建档日期', value: '2018-02-30' });
    expect(report.rejections[0].reason.zh).toMatch(/日期/);
    expect(await stored(1, 2, 3)).toEqual([]);
  });

  it('lands the valid rows, then answers the refused row as CSV with its reason', async () => {
    const body = csv([RESIDENT_HEADER, residentLine(1), residentLine(2), BAD_DATE_LINE]);
    const landed = await send(centre, 'land', body, '居民档案.csv');
    expect(landed.statusCode).toBe(200);
    expect(landed.json()).toMatchObject({ landed: true, inserted: 2, rejected: 1 });
    expect(await stored(1, 2, 3)).toEqual([recordNoOf(1), recordNoOf(2)]);

    const rejected = await send(centre, 'rejected', body, '居民档案.csv');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.headers['content-type']).toMatch(/^text\/csv/);
    expect(rejected.headers['content-disposition']).toContain(
      encodeURIComponent('居民档案.csv.rejected.csv'),
    );
    const lines = rejected.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('错误原因');
    expect(lines[1]).toContain(recordNoOf(3));
    expect(lines[1]).toContain('第4行 建档日期');
    // Checking the landed file again: every valid row now updates.
    expect((await send(centre, 'check', body, 'a.csv')).json()).toMatchObject({ inserted: 0, updated: 2 });
  });

  it('reads .xlsx uploads too', async () => {
    const path = join(folder, 'r.xlsx');
    await writeXlsx(path, [RESIDENT_HEADER.split(','), residentLine(5).split(',')]);
    const res = await send(centre, 'check', readFileSync(path), '档案.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ encoding: 'xlsx', rowsRead: 1, valid: 1, inserted: 1, rejected: 0 });
  });

  it("refuses rows outside the caller's scope, as the command line does", async () => {
    const team = await signInAs(app, t.db, 'team', FIXTURE_ORGS.otherVillage);
    const res = await send(team, 'land', csv([RESIDENT_HEADER, residentLine(7)]), 'b.csv');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ landed: true, inserted: 0, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({ row: 2, field: 'orgCode' });
    expect(report.rejections[0].reason.en).toMatch(/scope/);
    expect(await stored(7)).toEqual([]);
  });

  it('refuses callers without records.write, other extensions and empty files', async () => {
    const body = csv([RESIDENT_HEADER, residentLine(8)]);
    const viewer = await signInAs(app, t.db, 'viewer', FIXTURE_ORGS.county);
    expect((await send(viewer, 'check', body, 'c.csv')).statusCode).toBe(403);
    const bureau = await signInAs(app, t.db, 'bureau', FIXTURE_ORGS.county);
    expect((await send(bureau, 'land', body, 'c.csv')).statusCode).toBe(403);
    const xls = await send(centre, 'check', body, 'c.xls');
    expect(xls.statusCode).toBe(400);
    expect(xls.json()).toMatchObject({ error: 'bad_request', field: 'file' });
    const empty = await send(centre, 'check', Buffer.alloc(0), 'c.csv');
    expect(empty.statusCode).toBe(400);
    const kind = await send(centre, 'check', body, 'c.csv', 'nonsense');
    expect(kind.statusCode).toBe(400);
    expect(await stored(8)).toEqual([]);
  });
});
