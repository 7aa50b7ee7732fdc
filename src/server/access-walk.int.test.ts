import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { signInAs, type SignedInClient } from '../../test/sign-in.js';
import { permissionsOf, type Permission } from '../domain/access/permissions.js';
import { maskIdNumber, maskName, maskPhone } from '../domain/privacy/masking.js';
import { WALK, type Site, type WalkContext } from './access-walk-table.fixture.js';
import {
  buildWalkData,
  changedTables,
  countyMarkers,
  generateWalkCity,
  readDocument,
  requestOf,
  tableRows,
  walkingOrder,
  type WalkData,
  type WalkRequest,
} from './access-walk.fixture.js';
import { buildApp } from './app.js';
import { operationsOf, type OpenApiDocument, type Operation } from './openapi-walk.fixture.js';
import {
  answerText,
  digitRuns,
  markersIn,
  personalDataIn,
  summarise,
  type AnswerText,
  type CountyMarkers,
} from './response-scan.fixture.js';

/*
 * Issue 10's proof that the whole API is closed: every operation of the OpenAPI document is
 * called, with real ids and codes of a database of two counties, (a) anonymously, (b) by a
 * bureau and by an administrator of county A naming county B, (c) by a viewer at the city
 * and, on lists, by a health centre — and the answers are searched for what must not be in
 * them. A control (an administrator of county B) sends the same requests and must be
 * answered, which proves they were well-formed. Operations come from the document, so a
 * new route is walked as soon as it exists (and fails until WALK has its entry).
 */

/** The only operations an anonymous caller may use (with the API docs, which are not operations). */
const PUBLIC = new Set(['GET /api/health', 'POST /api/session']);
const COUNTY_A = '620802';
const COUNTY_B = '620826';
const CITY = '620800';

/** What one caller got from one operation. */
interface Answer {
  readonly op: Operation;
  readonly request: WalkRequest;
  readonly status: number;
  readonly text: AnswerText;
  readonly body: string;
}

describeEachDialect('access walk: every operation of the API is closed', (t) => {
  let app: FastifyInstance;
  let doc: OpenApiDocument;
  let ops: Operation[] = [];
  let data: WalkData;
  let markersOfB: CountyMarkers;
  let password = '';
  let credentials = { username: '', password: '' };
  /** Operation → walk → status, `!` when the walk found a problem there, `+` when the answer held rows it looks for. */
  const table = new Map<string, Record<string, string>>();
  /** Seconds spent per walk (and on the setup). */
  const seconds: Record<string, number> = {};

  const context = (site: Site): WalkContext => ({
    site,
    credentials,
    probeIdNumber: data.probeIdNumber,
    password,
  });

  /**
   * Calls every operation of `walked` as `client` (anonymous when null) naming `site`;
   * returns the problems `check` found (and every 5xx), and the operations whose answer
   * holds what `holds` looks for (marked `+` in the summary).
   */
  async function walk(
    column: string,
    client: SignedInClient | null,
    site: Site,
    walked: readonly Operation[],
    check: (answer: Answer) => string[],
    holds: (answer: Answer) => boolean = () => false,
  ): Promise<{ problems: string[]; holding: string[] }> {
    const holding: string[] = [];
    const problems: string[] = [];
    const started = performance.now();
    for (const op of walkingOrder(walked)) {
      const entry = WALK[op.key];
      if (!entry) continue;
      const request = requestOf(op, entry, context(site), doc);
      if (typeof request === 'string') {
        problems.push(request);
        continue;
      }
      const options = {
        method: request.method as 'GET',
        url: request.url,
        ...(request.payload === undefined ? {} : { payload: request.payload as object }),
      };
      const res: LightMyRequestResponse = client ? await client.inject(options) : await app.inject(options);
      const answer = { op, request, status: res.statusCode, text: answerText(res), body: res.body };
      const found = res.statusCode >= 500 ? [res.body.slice(0, 200)] : summarise(check(answer));
      for (const f of found) problems.push(`${op.key} → ${res.statusCode}: ${f}`);
      const held = res.statusCode < 300 && holds(answer);
      if (held) holding.push(op.key);
      const row = table.get(op.key) ?? {};
      row[column] = `${res.statusCode}${found.length > 0 ? '!' : ''}${held ? '+' : ''}`;
      table.set(op.key, row);
    }
    seconds[column] = (performance.now() - started) / 1000;
    return { problems, holding };
  }

  beforeAll(async () => {
    const started = performance.now();
    await generateWalkCity(t.db);
    // Hundreds of requests from one address in seconds: the limits are tested in rate-limits.int.test.ts.
    app = await buildApp({
      db: t.db,
      backgroundJobs: false,
      rateLimits: { api: { max: 1_000_000, windowMs: 60_000 } },
    });
    doc = await readDocument(app);
    ops = operationsOf(doc);
    const admin = await signInAs(app, t.db, 'admin', CITY);
    password = admin.password;
    const walker = await signInAs(app, t.db, 'viewer', CITY);
    credentials = { username: walker.username, password: walker.password };
    data = await buildWalkData(t.db, admin, doc, [COUNTY_A, COUNTY_B]);
    markersOfB = await countyMarkers(t.db, COUNTY_B);
    seconds.setup = (performance.now() - started) / 1000;
  }, 180_000);

  afterAll(async () => {
    const columns = ['anonymous', 'viewer', 'centre', 'bureau A', 'admin A', 'control B'];
    const lines = [...table].map(
      ([key, row]) => `${key.padEnd(52)} ${columns.map((c) => (row[c] ?? '-').padStart(10)).join('')}`,
    );
    const failed = columns.map((c) => [...table.values()].filter((r) => r[c]?.endsWith('!')).length);
    const walked = columns.map((c) => [...table.values()].filter((r) => r[c] !== undefined).length);
    console.log(
      [
        `access walk [${t.db.dialect.name}]: status per operation and caller (! = a problem found;` +
          ' + = the answer named people (centre) or held rows of B (control))',
        `${'operation'.padEnd(52)} ${columns.map((c) => c.padStart(10)).join('')}`,
        ...lines,
        `${'walked'.padEnd(52)} ${walked.map((n) => String(n).padStart(10)).join('')}`,
        `${'failed'.padEnd(52)} ${failed.map((n) => String(n).padStart(10)).join('')}`,
        `${'seconds'.padEnd(52)} ${columns.map((c) => (seconds[c] ?? 0).toFixed(1).padStart(10)).join('')}`,
        `setup (demo city, two counties through the API): ${(seconds.setup ?? 0).toFixed(1)} s`,
      ].join('\n'),
    );
    await app?.close();
  });

  it('has a walk entry for every operation of the document, and no entry without one', () => {
    expect(ops.length).toBeGreaterThan(60);
    expect(
      ops.filter((op) => !WALK[op.key]).map((op) => op.key),
      'add these to WALK',
    ).toEqual([]);
    const keys = new Set(ops.map((op) => op.key));
    expect(
      Object.keys(WALK).filter((k) => !keys.has(k)),
      'remove these from WALK',
    ).toEqual([]);
  });

  it('(a) answers 401 to an anonymous caller on every operation but health and log-in, and serves the docs', async () => {
    const before = await tableRows(t.db);
    const { problems } = await walk('anonymous', null, data.sites[COUNTY_A]!, ops, ({ op, status }) =>
      PUBLIC.has(op.key)
        ? status === 401
          ? ['refused a public operation']
          : []
        : status === 401
          ? []
          : ['not 401'],
    );
    for (const url of ['/api/docs/json', '/api/docs'])
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBeLessThan(400);
    expect(problems).toEqual([]);
    expect(changedTables(before, await tableRows(t.db))).toEqual([]);
  });

  it('(c) shows a viewer at the city no ID number, mobile number, birth date or name of a resident', async () => {
    const viewer = await signInAs(app, t.db, 'viewer', CITY);
    const held = permissionsOf('viewer');
    const before = await tableRows(t.db);
    const { problems } = await walk('viewer', viewer, data.sites[COUNTY_B]!, ops, ({ op, status, text }) => [
      ...personalDataIn(text, data.known),
      ...(op.access &&
      !['public', 'signed-in'].includes(op.access) &&
      !held.has(op.access as Permission) &&
      status !== 403
        ? [`a viewer lacks '${op.access}' but was not refused`]
        : []),
    ]);
    expect(problems).toEqual([]);
    expect(changedTables(before, await tableRows(t.db))).toEqual([]);
  });

  it('(c) shows a health centre no unmasked personal data in any answer but a single record', async () => {
    const siteA = data.sites[COUNTY_A]!;
    const centre = await signInAs(app, t.db, 'centre', siteA.township);
    const walked = ops.filter(
      (op) => op.method === 'GET' && WALK[op.key]?.personal !== 'record' && !WALK[op.key]?.last,
    );
    const recordNos = new Set(
      (await t.db.kysely.selectFrom('residents').select('record_no').execute()).map((r) => r.record_no),
    );
    const { problems, holding } = await walk(
      'centre',
      centre,
      { ...siteA, org: siteA.township },
      walked,
      ({ text }) => personalDataIn(text, data.known),
      ({ text }) => digitRuns(text.raw).some((run) => recordNos.has(run)),
    );
    expect(problems).toEqual([]);
    // The lists were not empty: they named people (by record number), just not their data.
    expect(holding).toEqual(expect.arrayContaining(['GET /api/indicators/{id}/people']));
    expect(walked.filter((op) => WALK[op.key]?.personal === 'list').length).toBeGreaterThanOrEqual(4);
  });

  const namingB = (column: string, role: 'bureau' | 'admin') => async (): Promise<void> => {
    const caller = await signInAs(app, t.db, role, COUNTY_A);
    const before = await tableRows(t.db, COUNTY_B);
    const { problems } = await walk(
      column,
      caller,
      data.sites[COUNTY_B]!,
      ops,
      ({ status, text, request }) =>
        status === 403 || status === 404 ? [] : markersIn(text, markersOfB, request.named),
    );
    expect(problems).toEqual([]);
    expect(changedTables(before, await tableRows(t.db, COUNTY_B)), `${role} of A changed rows of B`).toEqual(
      [],
    );
  };

  it(
    "(b) shows a bureau of county A none of county B's rows, and changes none",
    namingB('bureau A', 'bureau'),
  );

  it(
    "(b) shows an administrator of county A none of county B's rows, and changes none",
    namingB('admin A', 'admin'),
  );

  it('control: an administrator of county B is answered 2xx on every request the walk sent', async () => {
    const control = await signInAs(app, t.db, 'admin', COUNTY_B);
    const { problems, holding } = await walk(
      'control B',
      control,
      data.sites[COUNTY_B]!,
      ops,
      ({ op, status, body }) =>
        status < 300 || WALK[op.key]?.control?.statuses.includes(status) ? [] : [body.slice(0, 200)],
      ({ text }) => markersIn(text, markersOfB, new Set()).length > 0,
    );
    expect(problems).toEqual([]);
    // The (b) walks can fail: B's own answers to the same requests hold B's rows.
    expect(holding.length).toBeGreaterThanOrEqual(15);
  });

  it('finds in an answer every kind of personal data it looks for, and nothing once masked', async () => {
    const [r] = await t.db.kysely
      .selectFrom('residents')
      .select(['id_number', 'name', 'birth_date', 'phone'])
      .where('id_number', 'in', [...data.known.idNumbers])
      .where('name', 'in', [...data.known.names])
      .where('birth_date', 'in', [...data.known.birthDates])
      .where('phone', 'in', [...data.known.phones])
      .limit(1)
      .execute();
    const answer = (body: object) =>
      answerText({ body: JSON.stringify(body), rawPayload: Buffer.from('{}') });
    const found = personalDataIn(
      answer({ people: [{ name: r!.name, id: r!.id_number, phone: r!.phone, born: r!.birth_date }] }),
      data.known,
    );
    expect(summarise(found).map((f) => f.replace(/ ×.*/, ''))).toEqual(
      expect.arrayContaining([
        'ID number',
        'stored ID number',
        'mobile number',
        'stored phone',
        'birth date',
        'full name',
      ]),
    );
    const masked = answer({
      people: [
        {
          name: maskName(r!.name),
          id: maskIdNumber(r!.id_number, { withLastFour: false }),
          phone: maskPhone(r!.phone),
          age: 70,
        },
      ],
    });
    expect(personalDataIn(masked, data.known)).toEqual([]);
    const lastFour = answer({ people: [{ id: maskIdNumber(r!.id_number), sex: 'F' }] });
    expect(personalDataIn(lastFour, data.known)).toEqual([
      'ID number with its last four beside age, sex or birth date',
    ]);
    const held = markersIn(answer({ rows: [{ org: data.sites[COUNTY_B]!.village }] }), markersOfB, new Set());
    expect(held).toHaveLength(1);
  });

  it('(d) declares its access, 401 and 403 on every operation, and every refusal the walk met', () => {
    const problems: string[] = [];
    for (const op of ops) {
      if (op.access === undefined) problems.push(`${op.key}: no x-access`);
      if ((op.access === 'public') !== PUBLIC.has(op.key)) problems.push(`${op.key}: x-access ${op.access}`);
      if (op.access === 'public') continue;
      if (!op.responses.includes('401')) problems.push(`${op.key}: 401 not declared`);
      if ((op.access !== 'signed-in' || op.method !== 'GET') && !op.responses.includes('403'))
        problems.push(`${op.key}: 403 not declared`);
      for (const status of Object.values(table.get(op.key) ?? {}).map((s) => s.slice(0, 3)))
        if ((status === '401' || status === '403') && !op.responses.includes(status))
          problems.push(`${op.key}: answered ${status}, not declared`);
    }
    expect(problems).toEqual([]);
  });
});
