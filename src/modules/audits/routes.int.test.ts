import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { buildApp } from '../../server/app.js';
import { insertOrgs, insertResidents, insertServices, validId } from './audits.fixture.js';

const V1 = '620881100201';
const V2 = '620881100202';

describeEachDialect('audit routes', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await insertOrgs(t.db);
    const id = validId('62088119500101001');
    const r = await insertResidents(t.db, [
      { no: 1, org: V1, idNumber: id },
      { no: 2, org: V2, idNumber: id, phone: '13800000002' },
      { no: 3, org: V1, idNumber: validId('62088119500101011') },
    ]);
    await insertServices(t.db, [
      { resident: r.get(3)!, type: 'elderly_checkup', date: '2020-04-10', sbp: 130, dbp: 80, sbpRight: 152 },
      { resident: r.get(2)!, type: 'elderly_checkup', date: '2020-04-10', sbp: 130, dbp: 80, sbpRight: 130 },
    ]);
    app = await buildApp({ db: t.db });
  });
  afterAll(async () => app?.close());

  it('lists the rules with defaults', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/audits/rules' });
    expect(res.statusCode).toBe(200);
    const rules = res.json() as { id: string; parameters: unknown }[];
    expect(rules.map((r) => r.id)).toContain('identical_checkups');
    expect(rules.find((r) => r.id === 'arm_bp_difference')!.parameters).toEqual({
      flagOver: 10,
      remeasureOver: 20,
    });
  });

  it('runs, lists, counts, resolves and merges', async () => {
    const run = await app.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { orgCode: '620881', period: '2020Q2', parameters: { arm_bp_difference: { flagOver: 10 } } },
    });
    expect(run.statusCode).toBe(200);
    const summary = run.json().summary as { rule: string; found: number }[];
    expect(summary.find((s) => s.rule === 'duplicate_records')!.found).toBe(1);
    expect(summary.find((s) => s.rule === 'arm_bp_difference')!.found).toBe(1);

    const list = await app.inject({
      method: 'GET',
      url: '/api/audits/findings?org=620881100&rule=arm_bp_difference',
    });
    expect(list.statusCode).toBe(200);
    const item = list.json().items[0];
    expect(item).toMatchObject({ severity: 'error', resident: { name: '居**' } });

    const resolved = await app.inject({
      method: 'POST',
      url: `/api/audits/findings/${item.id}/resolve`,
      payload: { by: '李医生', note: '已重测' },
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedBy: '李医生' });

    const counts = await app.inject({
      method: 'GET',
      url: '/api/audits/counts?org=620881&depth=0&rule=duplicate_records',
    });
    expect(counts.json()).toEqual([
      {
        org: '620881',
        orgName: '华亭市',
        level: 3,
        rule: 'duplicate_records',
        severity: 'error',
        count: 1,
        affected: 1,
      },
    ]);

    const spots = await app.inject({
      method: 'GET',
      url: '/api/audits/hotspots?rule=arm_bp_difference&org=620881',
    });
    expect(spots.json()[0]).toMatchObject({ org: V1, fullName: '华亭市东华镇东华村', count: 1 });

    const sets = await app.inject({ method: 'GET', url: '/api/audits/duplicate-sets?org=620881' });
    const setId = sets.json().items[0].id as number;
    const merge = await app.inject({
      method: 'POST',
      url: `/api/audits/duplicate-sets/${setId}/merge`,
      payload: { by: '档案员', prefer: { phone: `${V2}00002` } },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json()).toMatchObject({ survivorRecordNo: `${V1}00001`, movedServices: 1 });
    const log = await app.inject({ method: 'GET', url: `/api/audits/merges/${merge.json().mergeId}` });
    expect(log.json()).toMatchObject({ mergedBy: '档案员', fieldSources: { phone: `${V2}00002` } });
  });

  it('answers bad requests with 400 and a message naming the field', async () => {
    const unknownOrg = await app.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { orgCode: '620899' },
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().message).toMatch(/620899/);
    const badRule = await app.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { rules: ['nope'] },
    });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().message).toMatch(/rules/);
    const badK = await app.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { parameters: { identical_checkups: { k: 7 } } },
    });
    expect(badK.statusCode).toBe(400);
    const badPeriod = await app.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { period: '2020Q5' },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().message).toMatch(/period/);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/audits/runs',
        '/api/audits/findings',
        '/api/audits/duplicate-sets/{id}/merge',
      ]),
    );
  });
});
