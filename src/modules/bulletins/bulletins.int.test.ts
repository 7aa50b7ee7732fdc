import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import type { Db } from '../../db/database.js';
import { formatPercent } from '../../domain/bulletins/chinese-format.js';
import { EmptyBulletinError } from '../../domain/bulletins/bulletin-model.js';
import { NAMING_SECTIONS } from '../../domain/bulletins/bulletin-input.js';
import { readPingliangFixture } from '../../domain/bulletins/pingliang-bulletin.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { buildApp } from '../../server/app.js';
import { runAudits } from '../audits/run-audits.js';
import { generateDemo } from '../demo/generate-demo.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { BulletinRequestError } from './assemble-bulletin.js';
import { getBulletin, listSchedules } from './bulletin-repository.js';
import { exportIndicatorTable } from './export-indicators.js';
import { generateBulletin, type GeneratedBulletin } from './generate-bulletin.js';
import { listArchive } from './list-archive.js';
import { createSchedule, runDueSchedules } from './run-schedules.js';

/**
 * The smallest share of the real city at which the demo keeps its calibration (the lagging
 * counties of every population stay the fixture's); 1/500 of Pingliang is ~3,800 records.
 */
const DEMO_FRACTION = 1 / 500;

const fixture = readPingliangFixture();
/** Fixture section key of each bulletin section with lagging counties. */
const FIXTURE_KEY = {
  records: 'records',
  elderly: 'elderly',
  maternal: 'maternal',
  child: 'children0to6',
  tuberculosis: 'tuberculosis',
  severe_mental: 'severeMental',
} as const;

async function documentLines(content: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** A city with one county and no records (idempotent). */
async function insertEmptyCity(db: Db): Promise<void> {
  const base = {
    province_code: '620000',
    township_code: null,
    urban_rural: null,
    responsible_institution: null,
    responsible_person: null,
    contact_phone: null,
  };
  await db.kysely
    .insertInto('orgs')
    .values([
      {
        ...base,
        code: '620900',
        name: '酒泉市',
        level: 2,
        parent_code: '620000',
        city_code: '620900',
        county_code: null,
      },
      {
        ...base,
        code: '620902',
        name: '肃州区',
        level: 3,
        parent_code: '620900',
        city_code: '620900',
        county_code: '620902',
      },
    ])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/**
 * An 18- or 15-digit ID number, an 11-digit mobile number: never in a bulletin. Digits after
 * a decimal point are a rate's (0.851234567890123), not a number of a person.
 */
const ID_NUMBER = /(?<![\d.])(\d{17}[\dXx]|\d{15})(?![\dXx])/;
const MOBILE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;

/** The media type of a Content-Type header, without its parameters. */
function mediaType(header: string | string[] | number | undefined): string {
  return String(header).split(';')[0]!.trim();
}

/** The media types the OpenAPI document declares for the success answer of `GET path`. */
async function declaredMediaTypes(client: SignedInClient, path: string): Promise<string[]> {
  const doc = (await client.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
  };
  return Object.keys(doc.paths[path]?.get.responses['200']?.content ?? {});
}

describeEachDialect('bulletins on the calibrated demo', (t) => {
  let bulletin: GeneratedBulletin;
  let app: FastifyInstance;
  /** A city bureau (平凉市), a county bureau of 崆峒区 and a viewer of the city. */
  let city: SignedInClient;
  let county: SignedInClient;
  let viewer: SignedInClient;

  beforeAll(async () => {
    await generateDemo(t.db, { scale: 'small', seed: 2020, fraction: DEMO_FRACTION });
    await runAudits(t.db, WHOLE_TREE, {
      orgCode: '620800',
      period: '2020Q2',
      now: '2020-08-20T00:00:00.000Z',
    });
    bulletin = await generateBulletin(
      t.db,
      WHOLE_TREE,
      {
        orgCode: '620800',
        period: '2020Q2',
        compareTo: { code: '620000', rate: 0.9273 },
        date: '2020-08-28',
      },
      'docx',
      new Date('2020-08-20T04:00:00Z'),
    );
    app = await buildApp({ db: t.db, backgroundJobs: false });
    city = await signInAs(app, t.db, 'bureau', '620800');
    county = await signInAs(app, t.db, 'bureau', '620802');
    viewer = await signInAs(app, t.db, 'viewer', '620800');
  }, 600_000);
  afterAll(async () => app?.close());

  it('names the fixture lagging counties of every population, and the counties under 90% for records', () => {
    for (const [section, key] of Object.entries(FIXTURE_KEY)) {
      const lagging = fixture.indicators[key]!.lagging!;
      expect(
        new Set(bulletin.model.named[section as keyof typeof FIXTURE_KEY].map((u) => u.name)),
        section,
      ).toEqual(new Set(Object.keys(lagging)));
    }
    expect(bulletin.model.named.records.every((u) => u.value < 0.9)).toBe(true);
  });

  it('writes a .docx whose headings, named units and annex equal the engine values', async () => {
    const lines = await documentLines(bulletin.content);
    const text = lines.join('\n');
    for (const heading of [
      '一、工作进度和存在问题',
      '（一）居民健康档案管理',
      '（二）重点管理人群服务工作',
      '二、下一步工作要求',
    ])
      expect(lines).toContain(heading);
    expect(text).toContain('平凉市2020年第二季度基本公卫服务项目工作进度情况的通报');
    expect(text).toContain('和全省有效建档率92.73%相比');
    for (const section of NAMING_SECTIONS)
      for (const unit of bulletin.model.named[section])
        expect(text).toContain(`${unit.name}${formatPercent(unit.value)}`);

    const values = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: '620800',
      period: '2020Q2',
      depth: 1,
    });
    const rate = values.filter((v) => v.indicator === 'records.effective_rate');
    expect(rate).toHaveLength(8);
    // The records table of the annex: header, then per unit its name and cells in column order.
    const group = bulletin.model.annex.groups.find((g) => g.key === 'records')!;
    const start = lines.indexOf('单位');
    const table = lines.slice(
      start + 1 + group.columns.length,
      start + 1 + group.columns.length + 8 * (group.columns.length + 1),
    );
    for (let r = 0; r < 8; r += 1) {
      const name = table[r * (group.columns.length + 1)]!;
      const org = r === 7 ? '620800' : values.find((v) => v.orgName === name)!.org;
      group.columns.forEach((c, i) => {
        const engine = values.find((v) => v.org === org && v.indicator === c.indicator)!;
        const printed = table[r * (group.columns.length + 1) + 1 + i];
        expect(printed, `${name} ${c.indicator}`).toBe(
          engine.value === null
            ? '—'
            : c.unit === 'percent'
              ? formatPercent(engine.value)
              : String(engine.value),
        );
      });
    }
  });

  it('archives the bulletin with its parameters and cut-off, listed and downloadable over REST', async () => {
    const listed = await listArchive(t.db, WHOLE_TREE, { org: '620800', limit: 10, offset: 0 });
    expect(listed.map((b) => b.id)).toContain(bulletin.id);
    // A county's subtree does not hold the city's bulletin.
    const county = await listArchive(t.db, WHOLE_TREE, { org: '620881', limit: 10, offset: 0 });
    expect(county.map((b) => b.id)).not.toContain(bulletin.id);
    const stored = await getBulletin(t.db, WHOLE_TREE, bulletin.id);
    expect(stored!.dataCutoff).toBe('2020-06-30');
    expect(stored!.content.equals(bulletin.content)).toBe(true);
    expect((stored!.parameters as { compareTo: unknown }).compareTo).toEqual({
      code: '620000',
      rate: 0.9273,
    });

    const list = await city.inject({ method: 'GET', url: '/api/bulletins?org=620800' });
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toMatchObject({
      id: bulletin.id,
      period: '2020Q2',
      format: 'docx',
      dataCutoff: '2020-06-30',
    });
    const download = await viewer.inject({ method: 'GET', url: `/api/bulletins/${bulletin.id}/download` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('wordprocessingml');
    expect(download.rawPayload.equals(bulletin.content)).toBe(true);
    expect(await declaredMediaTypes(city, '/api/bulletins/{id}/download')).toContain(
      mediaType(download.headers['content-type']),
    );
    expect((await city.inject({ method: 'GET', url: '/api/bulletins/999999/download' })).statusCode).toBe(
      404,
    );
  });

  it('generates an HTML bulletin over REST and exports the indicator table as Excel', async () => {
    const res = await city.inject({
      method: 'POST',
      url: '/api/bulletins',
      payload: { orgCode: '620881', period: '2020Q2', format: 'html', threshold: 'elderly=lowest:1' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().generatedBy).toBe(city.username);
    expect(res.json().title).toBe('华亭市2020年第二季度基本公卫服务项目工作进度情况的通报');
    expect(res.json().named.elderly).toHaveLength(1);
    const html = await city.inject({ method: 'GET', url: `/api/bulletins/${res.json().id}/download` });
    expect(html.body).toContain('各乡镇卫生院、社区卫生服务中心：');
    expect(html.body).toContain('<svg');
    expect(await declaredMediaTypes(city, '/api/bulletins/{id}/download')).toContain(
      mediaType(html.headers['content-type']),
    );

    const bad = await city.inject({
      method: 'POST',
      url: '/api/bulletins',
      payload: { orgCode: '620881', period: '2020Q9' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('2020Q9');

    const xlsx = await viewer.inject({
      method: 'GET',
      url: '/api/bulletins/indicator-table.xlsx?org=620800&period=2020Q2',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(await declaredMediaTypes(city, '/api/bulletins/indicator-table.xlsx')).toEqual([
      mediaType(xlsx.headers['content-type']),
    ]);
    const table = await exportIndicatorTable(t.db, WHOLE_TREE, '620800', '2020Q2');
    expect(table.rows).toHaveLength(8);
  });

  it('refuses an org without children or without data with a clear message', async () => {
    const village = await t.db.kysely
      .selectFrom('orgs')
      .select('code')
      .where('level', '=', 5)
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      generateBulletin(t.db, WHOLE_TREE, { orgCode: village.code, period: '2020Q2' }, 'html', new Date()),
    ).rejects.toThrow(/没有下级单位/);
    await insertEmptyCity(t.db);
    await expect(
      generateBulletin(t.db, WHOLE_TREE, { orgCode: '620900', period: '2020Q2' }, 'html', new Date()),
    ).rejects.toThrow(EmptyBulletinError);
    await expect(
      generateBulletin(t.db, WHOLE_TREE, { orgCode: '620900', period: '2020Q2' }, 'html', new Date()),
    ).rejects.toThrow(/没有数据/);
    await expect(
      generateBulletin(t.db, WHOLE_TREE, { orgCode: '999999', period: '2020Q2' }, 'html', new Date()),
    ).rejects.toThrow(BulletinRequestError);
    await expect(
      generateBulletin(
        t.db,
        WHOLE_TREE,
        { orgCode: '620800', period: '2020Q2', compareTo: { code: '610000' } },
        'html',
        new Date(),
      ),
    ).rejects.toThrow(/610000/);
  });

  it('runs a quarterly schedule once the quarter is over, and records a failing one', async () => {
    const ok = await createSchedule(
      t.db,
      WHOLE_TREE,
      {
        orgCode: '620800',
        every: 'quarter',
        format: 'html',
        request: { nameLowest: 2 },
        createdBy: 'operator:tester',
      },
      new Date('2020-06-15T03:00:00Z'),
    );
    expect(ok.nextRun).toBe('2020-07-01');
    await insertEmptyCity(t.db);
    const failing = await createSchedule(
      t.db,
      WHOLE_TREE,
      { orgCode: '620900', every: 'month', format: 'html', request: {}, createdBy: 'operator:tester' },
      new Date('2020-05-15T03:00:00Z'),
    );
    const first = await runDueSchedules(t.db, WHOLE_TREE, new Date('2020-06-20T03:00:00Z'));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ scheduleId: failing.id, period: '2020-05', bulletinId: null });
    expect(first[0]!.error).toMatch(/没有数据/);
    expect((await listSchedules(t.db, WHOLE_TREE)).find((s) => s.id === failing.id)).toMatchObject({
      nextRun: '2020-07-01',
      lastError: first[0]!.error,
    });
    const runs = await runDueSchedules(t.db, WHOLE_TREE, new Date('2020-07-02T03:00:00Z'));
    const quarterly = runs.find((r) => r.scheduleId === ok.id)!;
    expect(quarterly).toMatchObject({ period: '2020Q2', error: null });
    const archived = await getBulletin(t.db, WHOLE_TREE, quarterly.bulletinId!);
    expect(archived).toMatchObject({
      scheduleId: ok.id,
      period: '2020Q2',
      format: 'html',
      dataCutoff: '2020-06-30',
      generatedBy: 'operator:tester',
    });
    // Who set it is its own field: the parameters stay a bulletin request.
    expect(archived!.parameters).not.toHaveProperty('madeBy');
    expect((archived!.parameters as { named: Record<string, unknown[]> }).named.elderly).toHaveLength(2);
    const schedules = await listSchedules(t.db, WHOLE_TREE);
    expect(schedules.find((s) => s.id === ok.id)).toMatchObject({
      nextRun: '2020-10-01',
      lastBulletinId: quarterly.bulletinId,
    });
    expect(await runDueSchedules(t.db, WHOLE_TREE, new Date('2020-07-02T05:00:00Z'))).toEqual([]);
  });

  it('runs due schedules from the server timer once the server is ready', async () => {
    const previous = process.env.GONGWEI_BULLETIN_SCHEDULER_MS;
    process.env.GONGWEI_BULLETIN_SCHEDULER_MS = '1000';
    const server = await buildApp({ db: t.db });
    try {
      const due = await createSchedule(
        t.db,
        WHOLE_TREE,
        { orgCode: '620800', every: 'quarter', format: 'html', request: {}, createdBy: 'operator:tester' },
        new Date('2020-01-15T03:00:00Z'),
      );
      await server.ready();
      await vi.waitFor(
        async () => {
          const s = (await listSchedules(t.db, WHOLE_TREE)).find((x) => x.id === due.id)!;
          expect(s.lastRunAt).not.toBeNull();
        },
        { timeout: 60_000, interval: 250 },
      );
      const s = (await listSchedules(t.db, WHOLE_TREE)).find((x) => x.id === due.id)!;
      expect(s.lastBulletinId).not.toBeNull();
      expect((await getBulletin(t.db, WHOLE_TREE, s.lastBulletinId!))!.scheduleId).toBe(due.id);
    } finally {
      await server.close();
      if (previous === undefined) delete process.env.GONGWEI_BULLETIN_SCHEDULER_MS;
      else process.env.GONGWEI_BULLETIN_SCHEDULER_MS = previous;
    }
  });

  it('confines bulletins, schedules and tables to the caller: 403 beside or above its scope', async () => {
    const huating = await generateBulletin(
      t.db,
      WHOLE_TREE,
      { orgCode: '620881', period: '2020Q2' },
      'html',
      new Date('2020-08-21T04:00:00Z'),
    );
    const own = await county.inject({
      method: 'POST',
      url: '/api/bulletins',
      payload: { orgCode: '620802', period: '2020Q2', format: 'html' },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().generatedBy).toBe(county.username);

    for (const id of [huating.id, bulletin.id]) {
      const meta = await county.inject({ method: 'GET', url: `/api/bulletins/${id}` });
      expect(meta.statusCode).toBe(403);
      expect(meta.json().field).toBe('id');
      expect((await county.inject({ method: 'GET', url: `/api/bulletins/${id}/download` })).statusCode).toBe(
        403,
      );
    }
    expect((await county.inject({ method: 'GET', url: '/api/bulletins?org=620881' })).statusCode).toBe(403);
    const listed = (await county.inject({ method: 'GET', url: '/api/bulletins?limit=500' })).json() as {
      id: number;
      orgCode: string;
    }[];
    expect(listed.map((b) => b.id)).toContain(own.json().id);
    expect(listed.every((b) => b.orgCode.startsWith('620802'))).toBe(true);
    // The city's own listing holds both counties' bulletins.
    const cityListed = (await city.inject({ method: 'GET', url: '/api/bulletins?limit=500' })).json() as {
      id: number;
    }[];
    expect(cityListed.map((b) => b.id)).toEqual(expect.arrayContaining([huating.id, own.json().id]));

    for (const orgCode of ['620881', '620800']) {
      const made = await county.inject({
        method: 'POST',
        url: '/api/bulletins',
        payload: { orgCode, period: '2020Q2', format: 'html' },
      });
      expect(made.statusCode, orgCode).toBe(403);
      expect(made.json().field).toBe('orgCode');
      const table = await county.inject({
        method: 'GET',
        url: `/api/bulletins/indicator-table.xlsx?org=${orgCode}&period=2020Q2`,
      });
      expect(table.statusCode, orgCode).toBe(403);
      const schedule = await county.inject({
        method: 'POST',
        url: '/api/bulletin-schedules',
        payload: { orgCode, every: 'quarter' },
      });
      expect(schedule.statusCode, orgCode).toBe(403);
    }

    const citySchedule = await city.inject({
      method: 'POST',
      url: '/api/bulletin-schedules',
      payload: { orgCode: '620800', every: 'month', format: 'html' },
    });
    expect(citySchedule.statusCode).toBe(201);
    const id = citySchedule.json().id as number;
    expect((await county.inject({ method: 'DELETE', url: `/api/bulletin-schedules/${id}` })).statusCode).toBe(
      403,
    );
    const countySchedules = (
      await county.inject({ method: 'GET', url: '/api/bulletin-schedules' })
    ).json() as {
      orgCode: string;
    }[];
    expect(countySchedules.every((s) => s.orgCode.startsWith('620802'))).toBe(true);
    const cityScheduled = (await listSchedules(t.db, WHOLE_TREE)).find((s) => s.id === id)!;
    expect(cityScheduled).toMatchObject({ active: true, createdBy: city.username });
    expect(cityScheduled.parameters).not.toHaveProperty('madeBy');
    expect((await city.inject({ method: 'DELETE', url: `/api/bulletin-schedules/${id}` })).statusCode).toBe(
      204,
    );
  });

  it('takes who generates from the session: a viewer may read but not make, and `by` is refused', async () => {
    expect((await viewer.inject({ method: 'GET', url: '/api/bulletins' })).statusCode).toBe(200);
    const made = await viewer.inject({
      method: 'POST',
      url: '/api/bulletins',
      payload: { orgCode: '620800', period: '2020Q2', format: 'html' },
    });
    expect(made.statusCode).toBe(403);
    const scheduled = await viewer.inject({
      method: 'POST',
      url: '/api/bulletin-schedules',
      payload: { orgCode: '620800', every: 'quarter' },
    });
    expect(scheduled.statusCode).toBe(403);
    const named = await city.inject({
      method: 'POST',
      url: '/api/bulletins',
      payload: { orgCode: '620800', period: '2020Q2', format: 'html', by: '王局长' },
    });
    expect(named.statusCode).toBe(400);
    expect(named.body).toMatch(/by/);
  });

  it('holds no personal data: no ID number, mobile, resident name or org contact in any bulletin', async () => {
    // Contacts of the counties' offices are in the org table: a bulletin must not carry them.
    await t.db.kysely
      .updateTable('orgs')
      .set({ responsible_person: '司马联络', contact_phone: '13909331234' })
      .where('parent_code', '=', '620800')
      .execute();
    const html = await city.inject({
      method: 'POST',
      url: '/api/bulletins',
      payload: { orgCode: '620800', period: '2020Q2', format: 'html' },
    });
    expect(html.statusCode).toBe(201);
    const page = (await city.inject({ method: 'GET', url: `/api/bulletins/${html.json().id}/download` }))
      .body;
    const docx = (await documentLines(bulletin.content)).join('\n');
    const archive = (await city.inject({ method: 'GET', url: '/api/bulletins?limit=500' })).body;
    const residents = await t.db.kysely.selectFrom('residents').select('name').execute();
    // Names of three characters or more: two-character names can be parts of place names.
    const names = residents.map((r) => r.name ?? '').filter((n) => [...n].length >= 3);
    expect(names.length).toBeGreaterThan(100);
    for (const [what, text] of Object.entries({ page, docx, archive })) {
      expect(text, what).not.toMatch(ID_NUMBER);
      expect(text, what).not.toMatch(MOBILE);
      expect(text, what).not.toContain('司马联络');
      expect(
        names.filter((n) => text.includes(n)),
        what,
      ).toEqual([]);
    }
  });
});
