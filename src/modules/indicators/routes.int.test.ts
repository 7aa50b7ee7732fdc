import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { registerIndicatorCommands } from './cli.js';
import { buildHandData, TOWNSHIP, V1, V2 } from './indicators.fixture.js';
import { listIndicatorPeople } from './indicator-people.js';

describeEachDialect('indicator routes, drill-down and CLI', (t) => {
  let app: FastifyInstance;
  let bureau: SignedInClient;
  beforeAll(async () => {
    await buildHandData(t.db);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
  });
  afterAll(async () => app?.close());

  it('GET /api/indicators returns the contract rows', async () => {
    const res = await bureau.inject({
      url: `/api/indicators?org=${TOWNSHIP}&period=2020&depth=1&ids=records.total,hypertension.control_rate`,
    });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({
      org: TOWNSHIP,
      orgName: '城关镇',
      level: 4,
      period: '2020',
      indicator: 'records.total',
      numerator: 8,
      denominator: null,
      value: 8,
    });
    expect(rows.find((r) => r.org === V1 && r.indicator === 'hypertension.control_rate')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
  });

  it('answers bad periods, orgs and ids with 400 and the reason', async () => {
    for (const [query, reason] of [
      [`org=${TOWNSHIP}&period=2020Q9`, /2020Q9/],
      [`org=123&period=2020`, /6, 9 or 12 digits/],
      [`org=620881999&period=2020`, /620881999/],
      [`org=${TOWNSHIP}&period=2020&ids=no.such`, /no\.such/],
    ] as const) {
      const res = await bureau.inject({ method: 'GET', url: `/api/indicators?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(reason);
    }
  });

  it('names a bad period in each language once, the English without the Chinese', async () => {
    const res = await bureau.inject({ method: 'GET', url: `/api/indicators?org=${TOWNSHIP}&period=2020Q9` });
    const body = res.json<{ zh: string; en: string; field: string }>();
    expect(body.field).toBe('period');
    expect(body.zh).toContain('2020Q9');
    expect(body.en).toMatch(/^'2020Q9' is not understood/);
    expect(body.en).not.toMatch(/无法识别|可用格式/);
  });

  it('lists the numerator and the gap of a value, masked and paged', async () => {
    const numerator = await bureau.inject({
      method: 'GET',
      url: `/api/indicators/records.duplicates/people?org=${TOWNSHIP}&period=2020`,
    });
    expect(numerator.statusCode).toBe(200);
    expect(numerator.json()).toMatchObject({
      total: 1,
      people: [
        {
          recordNo: `${V2}00005`,
          name: '居**',
          idNumber: '620881************',
          phone: '138****1234',
          age: 65,
        },
      ],
    });
    // Hypertension control at year end: R2 controlled, R1 not (the gap).
    const gap = await listIndicatorPeople(t.db, WHOLE_TREE, {
      orgCode: TOWNSHIP,
      period: '2020',
      indicator: 'hypertension.control_rate',
      set: 'gap',
      page: 1,
      pageSize: 10,
    });
    expect(gap.page.people.map((p) => p.recordNo)).toEqual([`${V1}00001`]);
    expect(gap.org.code).toBe(TOWNSHIP);
    // records.effective = total minus duplicates: R5 is left out of the 8.
    const effective = await listIndicatorPeople(t.db, WHOLE_TREE, {
      orgCode: TOWNSHIP,
      period: '2020',
      indicator: 'records.effective',
      set: 'numerator',
      page: 1,
      pageSize: 3,
    });
    expect(effective.page.total).toBe(7);
    expect(effective.page.people).toHaveLength(3);
    const page3 = await listIndicatorPeople(t.db, WHOLE_TREE, {
      orgCode: TOWNSHIP,
      period: '2020',
      indicator: 'records.effective',
      set: 'numerator',
      page: 3,
      pageSize: 3,
    });
    expect(page3.page.people).toHaveLength(1);
    expect(page3.page.people.map((p) => p.recordNo)).not.toContain(`${V2}00005`);
    const res = await bureau.inject({
      method: 'GET',
      url: `/api/indicators/records.coverage/people?org=${TOWNSHIP}&period=2020&set=gap`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/population/);
  });

  it('prints JSON, CSV and a Chinese table from the CLI', async () => {
    if (t.db.dialect.name !== 'sqlite') return;
    const run = async (...args: string[]): Promise<string> => {
      let out = '';
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out += String(chunk);
        return true;
      });
      try {
        const program = new Command('gongwei').exitOverride();
        registerIndicatorCommands(program);
        await program.parseAsync([
          'node',
          'gongwei',
          'indicators',
          '--db',
          t.db.location,
          '--org',
          TOWNSHIP,
          '--period',
          '2020',
          ...args,
        ]);
      } finally {
        spy.mockRestore();
      }
      return out;
    };
    const json = JSON.parse(await run('--ids', 'hypertension.control_rate', '--format', 'json')) as unknown[];
    expect(json).toEqual([
      {
        org: TOWNSHIP,
        orgName: '城关镇',
        level: 4,
        period: '2020',
        indicator: 'hypertension.control_rate',
        numerator: 1,
        denominator: 2,
        value: 0.5,
      },
    ]);
    const csv = await run('--ids', 'records.total,records.coverage', '--depth', '1', '--format', 'csv');
    expect(csv.split('\n')[0]).toBe('org,orgName,level,period,indicator,numerator,denominator,value');
    expect(csv).toContain(`${V2},二村,5,2020,records.total,5,,5`);
    const table = await run('--ids', 'records.coverage,hypertension.control_rate', '--format', 'table');
    expect(table).toContain('健康档案建档率');
    expect(table).toContain('5.33%');
    expect(table).toContain('50.00%');
  });
});
