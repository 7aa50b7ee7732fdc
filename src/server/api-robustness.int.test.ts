import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { signInAs, type SignedInClient } from '../../test/sign-in.js';
import type { Db } from '../db/database.js';
import { importDivisionTree } from '../modules/orgs/division-import.js';
import { WHOLE_TREE } from '../modules/orgs/org-scope.js';
import { fixtureResident } from '../modules/records/records.fixture.js';
import { upsertEnrollments } from '../modules/records/enrollments-repository.js';
import { upsertResidents } from '../modules/records/residents-repository.js';
import { upsertServices } from '../modules/records/services-repository.js';
import { buildApp } from './app.js';

/*
 * Fuzzes every route of the OpenAPI document with bad input of every kind, signed in as an
 * administrator of the province (so that every request gets past authentication to the
 * route), and asserts the server answers 4xx with a message (or 2xx/404 where the input is
 * legitimately acceptable), never 5xx, and that stored rows are left as they were; then
 * fuzzes every route anonymously, which must be refused (401, or 400 before the caller
 * matters) and never crash. Request bodies are built from each
 * route's own JSON schema: a plausible value per field, then one field at a time is broken,
 * so the broken value gets past the other fields' validation and reaches the handler.
 *
 * No route is skipped: the only ones that write files or do long work (POST /bulletins,
 * POST /audits/runs, the .xlsx export) are cheap on this small data set. Until the row
 * check, write routes only receive input that must be refused (ids point at no row); the
 * last test then sends well-typed but unreasonable values, some of which are stored.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
  additionalProperties?: unknown;
};

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | null;
}

interface Outcome {
  what: string;
  status: number;
  body: string;
}

/** The fuzz sends thousands of requests from one address; the limits have their own test. */
const FUZZ_RATE_LIMITS = { api: { max: 1_000_000, windowMs: 60_000 } };
const SQL = "'; drop table residents; --";
const LONG = 'x'.repeat(20_000);
const ID_NUMBER = '620881195501010011';
const PHONE = '13809331234';
/**
 * The hidden middle of {@link PHONE} beside two visible digits: a leak shows it so, whereas the
 * four digits alone also turn up by chance in log lines (a response time of 1.0933… ms).
 */
const PHONE_MIDDLE = /380933|093312/;

/** Bad values for a path or query parameter (already URL-encoded where needed). */
const BAD_PARAMETER_VALUES: readonly { label: string; encoded: string; refused?: true }[] = [
  { label: 'sql', encoded: encodeURIComponent(SQL) },
  { label: 'sql-or', encoded: encodeURIComponent("1' or '1'='1") },
  { label: 'long', encoded: 'x'.repeat(5000) },
  { label: 'invalid utf-8', encoded: '%FF%FE%C3' },
  { label: 'nul', encoded: 'a%00b', refused: true },
  { label: 'empty', encoded: '' },
  { label: 'negative', encoded: '-1' },
  { label: 'huge number', encoded: '99999999999999999999' },
  { label: 'fraction', encoded: '1.5' },
  { label: 'nan', encoded: 'NaN' },
  { label: 'bad period', encoded: '2020Q9' },
  { label: 'array', encoded: '1&PARAM=2' },
];

/** The operations an anonymous caller may use (paths without the /api prefix). */
const PUBLIC_OPERATIONS = new Set(['GET /health', 'POST /session']);

/**
 * An anonymous caller's answers on every other operation: 401, or a refusal of the request
 * itself before anyone asks who sent it (400: undecodable URL, NUL; 414: a path parameter
 * over Fastify's length limit).
 */
const REFUSED_ANONYMOUSLY = new Set([400, 401, 414]);

/** The bad parameter values sent anonymously. */
const ANONYMOUS_PARAMETER_LABELS = new Set(['sql', 'long', 'invalid utf-8', 'nul', 'array']);

const DATE_NAMES = /date|^asOf$|deadline|due|recordCreated|recordUpdated|holidays|workdays/i;

/** Reads the operations of the OpenAPI document. */
function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods))
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content['application/json']?.schema ?? null,
      });
  return out;
}

/** The schema itself, or the one non-null alternative of a nullable union. */
function resolve(s: Schema): Schema {
  const alt = (s.anyOf ?? s.oneOf ?? []).filter((a) => typeOf(a) !== 'null');
  return alt.length === 1 ? resolve(alt[0]!) : s;
}

function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return s.type;
}

/** The JSON types a schema accepts; null when it accepts anything. */
function typesOf(s: Schema): Set<string> | null {
  const alt = s.anyOf ?? s.oneOf;
  if (alt) {
    const all = alt.map(typesOf);
    if (all.some((t) => t === null)) return null;
    return new Set(all.flatMap((t) => [...t!]));
  }
  if (s.allOf) return typesOf(s.allOf[0]!);
  if (s.const !== undefined) return new Set([typeof s.const]);
  if (s.type === undefined) return s.enum ? new Set(['string']) : null;
  const types = new Set(Array.isArray(s.type) ? s.type : [s.type]);
  if (types.has('integer')) types.add('number');
  return types;
}

/** A plausible (usually valid) value for a field, from its schema and name. */
function sample(s: Schema, name: string, ctx: { recordNo: string; orgCode: string }, depth = 0): unknown {
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alt && alt.length > 0) {
    const first = alt.find((a) => typeOf(a) !== 'null') ?? alt[0]!;
    return sample(first, name, ctx, depth + 1);
  }
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k, ctx, depth + 1);
      return out;
    }
    case 'array': {
      if (!s.items) return [];
      const item = sample(s.items, name, ctx, depth + 1);
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
    }
    case 'integer':
    case 'number': {
      const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      if (typeof s.default === 'number') return s.default;
      if (name === 'year') return 2020;
      return Math.min(
        Math.max(low, typeOf(s) === 'number' && (s.maximum ?? 2) <= 1 ? 0.5 : 1),
        s.maximum ?? 1e9,
      );
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return sampleText(name, s, ctx);
    default:
      return 'x';
  }
}

function sampleText(name: string, s: Schema, ctx: { recordNo: string; orgCode: string }): string {
  if (s.default !== undefined && typeof s.default === 'string') return s.default;
  if (/^recordNo$/.test(name)) return ctx.recordNo;
  if (/^(org|orgCode|code)$/.test(name))
    return name === 'orgCode' && s.maxLength === 20 ? ctx.orgCode : '620881';
  if (/period/i.test(name)) return '2020H1';
  if (DATE_NAMES.test(name) || s.pattern?.includes('\\d{4}-')) return '2020-06-30';
  if (/^(indicator|ids)$/.test(name)) return 'records.total';
  if (/^(by|setBy|createdBy)$/.test(name)) return 'tester';
  if (name === 'number') return ID_NUMBER;
  if (name === 'year') return '2020';
  return 'x';
}

/** A value of another JSON type than the schema asks for (strings for numbers, arrays for objects, …). */
function wrongType(s: Schema): unknown {
  const allowed = typesOf(s);
  if (allowed === null) return undefined;
  const candidates: [string, unknown][] = [
    ['string', '12'],
    ['number', 12345],
    ['boolean', true],
    ['array', [1, 2]],
    ['object', { '0': 'x' }],
  ];
  return candidates.find(([type]) => !allowed.has(type))?.[1];
}

/** Each (path of a field, its schema) of a body schema, one level of arrays deep. */
function fieldsOf(
  schema: Schema,
  prefix: (string | number)[] = [],
  depth = 0,
): [(string | number)[], Schema][] {
  if (depth > 3) return [];
  const s = resolve(schema);
  if (typeOf(s) === 'object' && s.properties) {
    return Object.entries(s.properties).flatMap(([k, v]) => [
      [[...prefix, k], v] as [(string | number)[], Schema],
      ...fieldsOf(v, [...prefix, k], depth + 1),
    ]);
  }
  if (typeOf(s) === 'array' && s.items) return fieldsOf(s.items, [...prefix, 0], depth + 1);
  return [];
}

function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') return copy;
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = replacement;
  return copy;
}

/** The URL of an operation with the given (encoded) parameter values. */
function urlOf(op: Operation, values: Record<string, string>): string {
  let url = op.path;
  const query: string[] = [];
  for (const p of op.parameters) {
    const v = values[p.name];
    if (v === undefined) continue;
    if (p.in === 'path') url = url.replace(`{${p.name}}`, v);
    else query.push(`${p.name}=${v.replaceAll('PARAM', p.name)}`);
  }
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}

async function tableRows(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  out.residents = await db.kysely.selectFrom('residents').selectAll().orderBy('id').execute();
  out.services = await db.kysely.selectFrom('services').selectAll().orderBy('id').execute();
  out.enrollments = await db.kysely.selectFrom('enrollments').selectAll().orderBy('id').execute();
  out.orgs = await db.kysely.selectFrom('orgs').selectAll().orderBy('code').execute();
  return out;
}

describeEachDialect('API robustness: bad input of every kind', (t) => {
  let app: FastifyInstance;
  /** An administrator at the province, the root of the imported tree: every route lets it in. */
  let admin: SignedInClient;
  /**
   * The user whose own session the session routes are fuzzed with (log-out ends it, so it is
   * signed in again), keeping the administrator's session for the other routes.
   */
  let self: SignedInClient;
  let operations: Operation[] = [];
  let before: Record<string, unknown[]> = {};
  const ctx = { recordNo: '', orgCode: '' };
  const outcomes: Outcome[] = [];

  /**
   * Sends one request as the administrator (or anonymously) and records its outcome; 5xx or
   * a 4xx without message fails later.
   */
  async function send(
    what: string,
    request: { method: string; url: string; payload?: string | Buffer; headers?: Record<string, string> },
    expectation: 'refused' | 'answered',
    as: 'admin' | 'anonymous' = 'admin',
  ): Promise<number> {
    const own = request.url.startsWith('/session');
    const signedIn = as === 'anonymous' ? {} : own ? self.headers : admin.headers;
    const res = await app.inject({
      method: request.method as 'GET',
      url: `/api${request.url}`,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
      headers: { ...signedIn, ...(request.headers ?? {}) },
    });
    if (as === 'admin' && own && (res.statusCode === 401 || request.method === 'DELETE'))
      self = await signInAs(app, t.db, 'viewer', '620000');
    outcomes.push({ what: `${what} [${expectation}]`, status: res.statusCode, body: res.body.slice(0, 300) });
    if (res.statusCode >= 400 && res.statusCode < 500) {
      let message: unknown;
      try {
        message = (res.json() as { message?: unknown }).message;
      } catch {
        message = undefined;
      }
      if (typeof message !== 'string' || message.trim() === '')
        outcomes.push({ what: `${what}: 4xx without message`, status: 599, body: res.body.slice(0, 300) });
    }
    if (expectation === 'refused' && (res.statusCode < 400 || res.statusCode >= 500))
      outcomes.push({ what: `${what}: not refused`, status: 598, body: res.body.slice(0, 300) });
    return res.statusCode;
  }

  const failures = (): Outcome[] => outcomes.filter((o) => o.status >= 500);

  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    const village = await t.db.kysely
      .selectFrom('orgs')
      .select('code')
      .where('level', '=', 5)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    ctx.orgCode = village.code;
    const residents = [1, 2, 3].map((seq) =>
      fixtureResident(seq, {
        recordNo: `${village.code}${String(seq).padStart(5, '0')}`,
        orgCode: village.code,
      }),
    );
    ctx.recordNo = residents[0]!.recordNo;
    await t.db.kysely.transaction().execute(async (trx) => {
      await upsertResidents(trx, WHOLE_TREE, residents);
      await upsertEnrollments(trx, WHOLE_TREE, [
        {
          recordNo: ctx.recordNo,
          program: 'hypertension',
          startDate: '2019-01-01',
          endDate: null,
          endReason: null,
          detail: null,
        },
      ]);
      await upsertServices(trx, WHOLE_TREE, [
        {
          serviceNo: null,
          recordNo: ctx.recordNo,
          type: 'hypertension_followup',
          serviceDate: '2020-03-02',
          orgCode: null,
          institution: '卫生院',
          doctor: null,
          payload: {
            sbp: 150,
            dbp: 85,
            heartRate: null,
            controlled: false,
            guidance: true,
            medicationAdherence: 'regular',
            symptoms: null,
          },
        },
      ]);
    });
    app = await buildApp({ db: t.db, backgroundJobs: false, rateLimits: FUZZ_RATE_LIMITS });
    admin = await signInAs(app, t.db, 'admin', '620000');
    self = await signInAs(app, t.db, 'viewer', '620000');
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
    operations = operationsOf(docs.json()).map((op) => ({ ...op, path: op.path.replace(/^\/api/, '') }));
    before = await tableRows(t.db);
  });
  afterAll(async () => app?.close());

  const validParameters = (op: Operation): Record<string, string> => {
    const values: Record<string, string> = {};
    for (const p of op.parameters) {
      if (!p.required) continue;
      values[p.name] =
        p.name === 'id' && op.path.startsWith('/indicators/')
          ? 'records.total'
          : p.name === 'id'
            ? '999999' // no such row: a route that deletes or resolves by id must change nothing
            : encodeURIComponent(String(sample(p.schema, p.name, ctx)));
    }
    return values;
  };

  it('reads the OpenAPI document and finds the routes of every module', () => {
    const prefixes = new Set(operations.map((o) => o.path.split('/')[1]));
    for (const p of [
      'orgs',
      'id-check',
      'bulletins',
      'audits',
      'targets',
      'plans',
      'residents',
      'indicators',
    ])
      expect(prefixes).toContain(p);
    expect(operations.length).toBeGreaterThan(40);
  });

  it('survives SQL-like, over-long, mis-encoded and out-of-range values in every path and query parameter', async () => {
    for (const op of operations) {
      const valid = validParameters(op);
      if (op.method === 'GET')
        await send(`${op.method} ${op.path} baseline`, { method: 'GET', url: urlOf(op, valid) }, 'answered');
      for (const p of op.parameters)
        for (const bad of BAD_PARAMETER_VALUES)
          await send(
            `${op.method} ${op.path} ${p.in} ${p.name}=${bad.label}`,
            {
              method: op.method,
              url: urlOf(op, { ...valid, [p.name]: bad.encoded }),
              ...(op.body
                ? {
                    payload: JSON.stringify(sample(op.body, 'body', ctx)),
                    headers: { 'content-type': 'application/json' },
                  }
                : {}),
            },
            bad.refused ? 'refused' : 'answered',
          );
    }
    expect(failures()).toEqual([]);
  });

  it('refuses malformed JSON, wrong body types, empty and mis-encoded bodies on every route', async () => {
    const json = { 'content-type': 'application/json' };
    for (const op of operations) {
      const url = urlOf(op, validParameters(op));
      const name = `${op.method} ${op.path}`;
      const expectation = op.body ? 'refused' : 'answered';
      await send(
        `${name} malformed JSON`,
        { method: op.method, url, payload: `{"idNumber": x${ID_NUMBER}`, headers: json },
        expectation,
      );
      await send(
        `${name} truncated JSON`,
        { method: op.method, url, payload: '{"a": [1, 2', headers: json },
        expectation,
      );
      await send(
        `${name} text/plain body`,
        { method: op.method, url, payload: 'hello', headers: { 'content-type': 'text/plain' } },
        expectation,
      );
      if (!op.body) continue;
      await send(
        `${name} empty JSON body`,
        { method: op.method, url, payload: '', headers: json },
        'refused',
      );
      await send(`${name} no body`, { method: op.method, url }, 'refused');
      await send(
        `${name} GBK charset`,
        {
          method: op.method,
          url,
          payload: JSON.stringify(sample(op.body, 'body', ctx)),
          headers: { 'content-type': 'application/json; charset=gbk' },
        },
        'refused',
      );
      for (const wrong of [typeOf(op.body) === 'array' ? {} : [], 'text', 42, null, true])
        await send(
          `${name} body ${JSON.stringify(wrong)}`,
          { method: op.method, url, payload: JSON.stringify(wrong), headers: json },
          'refused',
        );

      const base = sample(op.body, 'body', ctx);
      for (const [path, field] of fieldsOf(op.body)) {
        const wrong = wrongType(field);
        const label = `${name} body.${path.join('.')}`;
        if (wrong !== undefined)
          await send(
            `${label} of the wrong type`,
            { method: op.method, url, payload: JSON.stringify(withField(base, path, wrong)), headers: json },
            'refused',
          );
        if (
          typeOf(resolve(field)) === 'string' &&
          !resolve(field).enum &&
          resolve(field).const === undefined
        ) {
          await send(
            `${label} over-long`,
            { method: op.method, url, payload: JSON.stringify(withField(base, path, LONG)), headers: json },
            resolve(field).maxLength !== undefined ? 'refused' : 'answered',
          );
          await send(
            `${label} with NUL`,
            {
              method: op.method,
              url,
              payload: JSON.stringify(withField(base, path, 'a\u0000b')),
              headers: json,
            },
            'refused',
          );
          await send(
            `${label} with a lone surrogate`,
            {
              method: op.method,
              url,
              payload: JSON.stringify(withField(base, path, 'a\ud800b')),
              headers: json,
            },
            'refused',
          );
          // Invalid UTF-8 (a GBK-encoded 张三 and a lone continuation byte) inside the string.
          const text = JSON.stringify(withField(base, path, '@@BAD@@'));
          const [head, tail] = text.split('@@BAD@@') as [string, string];
          const bytes = Buffer.concat([
            Buffer.from(head),
            Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x80]),
            Buffer.from(tail),
          ]);
          await send(
            `${label} invalid UTF-8`,
            { method: op.method, url, payload: bytes, headers: json },
            'refused',
          );
        }
      }
    }
    expect(failures()).toEqual([]);
  });

  it('survives random JSON bodies (fast-check), with and without the schema field names', async () => {
    for (const op of operations.filter((o) => o.body !== null)) {
      const url = urlOf(op, validParameters(op));
      const keys = Object.keys(op.body!.properties ?? op.body!.items?.properties ?? {});
      const shaped =
        keys.length > 0
          ? fc.record(Object.fromEntries(keys.map((k) => [k, fc.jsonValue()])), { requiredKeys: [] })
          : fc.jsonValue();
      const bodies = fc.oneof(fc.jsonValue(), shaped, fc.array(shaped, { maxLength: 3 }));
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          await send(
            `${op.method} ${op.path} random ${JSON.stringify(body).slice(0, 120)}`,
            {
              method: op.method,
              url,
              payload: JSON.stringify(body),
              headers: { 'content-type': 'application/json' },
            },
            'answered',
          );
        }),
        { numRuns: 8, seed: 20201 },
      );
    }
    expect(failures()).toEqual([]);
  });

  it('answers a body over the limit with 413 and a message', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/residents',
      headers: { 'content-type': 'application/json' },
      payload: `["${'x'.repeat(21 * 1024 * 1024)}"]`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/too large|过大/);
  });

  it('refuses every route to an anonymous caller whatever the input: 401, or 400/414 before the caller matters, never 5xx', async () => {
    const json = { 'content-type': 'application/json' };
    const earlier = failures().length;
    const admitted: Outcome[] = [];
    const statuses = new Map<number, number>();
    for (const op of operations) {
      const open = PUBLIC_OPERATIONS.has(`${op.method} ${op.path}`);
      const anonymous = async (
        what: string,
        request: { url: string; payload?: string; headers?: Record<string, string> },
      ): Promise<void> => {
        const status = await send(
          `${op.method} ${op.path} anonymous ${what}`,
          { method: op.method, ...request },
          'answered',
          'anonymous',
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (!open && !REFUSED_ANONYMOUSLY.has(status))
          admitted.push({ what: `${op.method} ${op.path} anonymous ${what}`, status, body: '' });
      };
      const valid = validParameters(op);
      const url = urlOf(op, valid);
      const body = op.body ? JSON.stringify(sample(op.body, 'body', ctx)) : undefined;
      await anonymous('valid', { url, ...(body ? { payload: body, headers: json } : {}) });
      // Fewer kinds than the signed-in fuzz: an anonymous request stops before the route.
      for (const p of op.parameters)
        for (const bad of BAD_PARAMETER_VALUES.filter((b) => ANONYMOUS_PARAMETER_LABELS.has(b.label)))
          await anonymous(`${p.in} ${p.name}=${bad.label}`, {
            url: urlOf(op, { ...valid, [p.name]: bad.encoded }),
          });
      await anonymous('malformed JSON', { url, payload: `{"idNumber": x${ID_NUMBER}`, headers: json });
      await anonymous('text/plain body', {
        url,
        payload: 'hello',
        headers: { 'content-type': 'text/plain' },
      });
      await anonymous('forged session cookie', { url, headers: { cookie: 'gongwei_session=forged' } });
      await anonymous('forged bearer token', { url, headers: { authorization: 'Bearer forged' } });
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (random) => {
          await anonymous(`random ${JSON.stringify(random).slice(0, 80)}`, {
            url,
            payload: JSON.stringify(random),
            headers: json,
          });
        }),
        { numRuns: 2, seed: 20202 },
      );
    }
    expect(admitted, `statuses: ${JSON.stringify([...statuses])}`).toEqual([]);
    expect(failures().slice(earlier)).toEqual([]);
  });

  it('never answers with the personal data of a refused body', () => {
    const echoed = outcomes.filter((o) => o.body.includes(ID_NUMBER.slice(6, 14)) && o.status >= 400);
    expect(echoed).toEqual([]);
  });

  it('leaves every stored row as it was, and every table in place', async () => {
    expect(await tableRows(t.db)).toEqual(before);
    for (const table of ['residents', 'services', 'enrollments', 'orgs', 'audit_findings'] as const) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
        t.db.kysely,
      );
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses a parameter for an org that does not exist, and a year a database cannot hold', async () => {
    const put = (body: object) =>
      admin.inject({ method: 'PUT', url: '/api/targets/parameters', payload: body });
    const body = { org: '620881', year: 2020, name: 'hypertensionPrevalence', value: 0.27, setBy: 'tester' };
    const unknown = await put({ ...body, org: '620881999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('未知机构 620881999999');
    const split = await admin.inject({
      method: 'POST',
      url: '/api/targets/split',
      payload: { org: '620881', indicator: 'records.total', year: 2147483648, setBy: 'tester' },
    });
    expect(split.statusCode).toBe(400);
    expect(split.json().message).toMatch(/^year：.+ \/ year: /);
  });

  // Runs after the row check: these values are well-typed, so some are legitimately stored
  // (a name that looks like SQL is still a name). What matters here is never a 5xx.
  it('answers well-typed but unreasonable body values (SQL text, impossible dates, overflowing numbers) without a 5xx', async () => {
    const json = { 'content-type': 'application/json' };
    const earlier = failures().length;
    for (const op of operations.filter((o) => o.body !== null)) {
      const url = urlOf(op, validParameters(op));
      const base = sample(op.body!, 'body', ctx);
      for (const [path, field] of fieldsOf(op.body!)) {
        const types = typesOf(field);
        const values: unknown[] = [];
        if (types?.has('string'))
          values.push(SQL, '2020-02-30', '2020Q9', '620881999999', '99999999999999999', ' ', '');
        if (types?.has('number')) values.push(0, -1, 2147483648, 1e308, 1.5);
        if (types?.has('array')) values.push([]);
        for (const value of values)
          await send(
            `${op.method} ${op.path} body.${path.join('.')}=${JSON.stringify(value)}`,
            { method: op.method, url, payload: JSON.stringify(withField(base, path, value)), headers: json },
            'answered',
          );
      }
    }
    expect(failures().slice(earlier)).toEqual([]);
  });
});

describeEachDialect('API robustness: request logs', (t) => {
  let app: FastifyInstance;
  // Signed in, so that the requests reach the routes and their errors.
  let admin: SignedInClient;
  const lines: string[] = [];
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    app = await buildApp({
      rateLimits: FUZZ_RATE_LIMITS,
      db: t.db,
      backgroundJobs: false,
      logStream: new Writable({
        write(chunk: Buffer, _enc, done): void {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    });
    admin = await signInAs(app, t.db, 'admin', '620000');
  });
  afterAll(async () => app?.close());

  it('never logs ID numbers or phones, whatever the request', async () => {
    const json = { 'content-type': 'application/json' };
    const requests = [
      { method: 'GET', url: `/api/id-check?number=${ID_NUMBER}` },
      { method: 'GET', url: `/api/orgs/620881?phone=${PHONE}&id=${ID_NUMBER}` },
      { method: 'GET', url: `/api/residents/${ID_NUMBER}` },
      { method: 'GET', url: `/api/no-such-route?number=${ID_NUMBER}` },
      {
        method: 'POST',
        url: '/api/id-check',
        payload: JSON.stringify({ numbers: [ID_NUMBER] }),
        headers: json,
      },
      {
        method: 'POST',
        url: '/api/residents',
        payload: `[{"idNumber":"${ID_NUMBER}","phone":"${PHONE}"}]`,
        headers: json,
      },
      {
        method: 'POST',
        url: '/api/residents',
        payload: `[{"idNumber":x${ID_NUMBER},"phone":"${PHONE}"`,
        headers: json,
      },
      { method: 'PATCH', url: '/api/orgs/620881', payload: `{"contactPhone":${PHONE}}`, headers: json },
    ] satisfies InjectOptions[];
    for (const r of requests) {
      const res = await admin.inject(r);
      expect(res.statusCode).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(res.body).not.toContain(ID_NUMBER.slice(6, 14));
        expect(res.body).not.toMatch(PHONE_MIDDLE);
      }
    }
    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('/api/residents/620881************');
    expect(log).not.toContain(ID_NUMBER.slice(6, 14));
    expect(log).not.toMatch(PHONE_MIDDLE);
  });
});
