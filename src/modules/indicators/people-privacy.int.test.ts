import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { insertOtherOrgs, OTHER_ORGS } from '../records/records.fixture.js';
import { buildHandData, TOWNSHIP, V1, V2 } from './indicators.fixture.js';

/** Personal data a list must never show in full. */
const FULL_ID_18 = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
const FULL_ID_15 = /(?<!\d)\d{15}(?!\d)/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

/** The indicators whose lists the hand data fills, with the set that has people. */
const LISTS = [
  'records.total?set=numerator',
  'records.effective?set=numerator',
  'records.duplicates?set=numerator',
  'hypertension.control_rate?set=gap',
  'maternal.managed?set=numerator',
  'child.managed?set=numerator',
  'severe_mental.managed?set=numerator',
  'elderly.managed?set=numerator',
];

describeEachDialect('indicator drill-down: masking, page size, scope and access trail', (t) => {
  let app: FastifyInstance;
  let bureau: SignedInClient;
  let team: SignedInClient;
  beforeAll(async () => {
    await buildHandData(t.db);
    await insertOtherOrgs(t.db.kysely);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
    team = await signInAs(app, t.db, 'team', V1);
  });
  afterAll(async () => app?.close());

  const people = (client: SignedInClient, list: string, query: string) => {
    const [id, set] = list.split('?');
    return client.inject({
      method: 'GET',
      url: `/api/indicators/${id}/people?${set}&period=2020&pageSize=100&${query}`,
    });
  };

  it('never shows a full ID number, a mobile number, a birth date or a full name in a list', async () => {
    let listed = 0;
    for (const list of LISTS) {
      const res = await people(bureau, list, `org=${TOWNSHIP}`);
      expect(res.statusCode, list).toBe(200);
      for (const pattern of [FULL_ID_18, FULL_ID_15, MOBILE, ISO_DATE])
        expect(res.body, list).not.toMatch(pattern);
      const page = res.json() as { people: Record<string, unknown>[] };
      for (const person of page.people) {
        expect(person.name).toMatch(/^居\*\*$/);
        expect(person).not.toHaveProperty('birthDate');
        expect(person.idNumber === null || /^\d{6}\*+$/.test(String(person.idNumber))).toBe(true);
        expect(person.age === null || Number.isInteger(person.age)).toBe(true);
      }
      listed += page.people.length;
    }
    // The lists are not empty, or the checks above would prove nothing.
    expect(listed).toBeGreaterThan(10);
  });

  it('refuses more than 100 people a page, naming the field', async () => {
    const res = await bureau.inject({
      method: 'GET',
      url: `/api/indicators/records.total/people?org=${TOWNSHIP}&period=2020&pageSize=101`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ field: 'pageSize' })]);
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const operation = doc.paths['/api/indicators/{id}/people'].get;
    const pageSize = operation.parameters.find((p: { name: string }) => p.name === 'pageSize');
    expect(pageSize.schema.maximum).toBe(100);
    const person = operation.responses['200'].content['application/json'].schema.properties.people.items;
    expect(Object.keys(person.properties)).toContain('age');
    expect(Object.keys(person.properties)).not.toContain('birthDate');
  });

  it('writes every page to the access trail with the caller and the row count', async () => {
    const res = await bureau.inject({
      method: 'GET',
      url: `/api/indicators/records.total/people?org=${TOWNSHIP}&period=2020&pageSize=3`,
    });
    expect(res.json().people).toHaveLength(3);
    const rows = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['actor', 'role', 'action', 'object_id', 'org_code', 'county_code', 'row_count', 'outcome'])
      .where('action', '=', 'indicator-people.read')
      .where('row_count', '=', 3)
      .execute();
    expect(rows).toContainEqual({
      actor: bureau.username,
      role: 'bureau',
      action: 'indicator-people.read',
      object_id: 'records.total',
      org_code: TOWNSHIP,
      county_code: '620881',
      row_count: 3,
      outcome: 'allowed',
    });
  });

  describe('scope', () => {
    it("lists a team's own villages only, and refuses a village beside it", async () => {
      const own = await people(team, 'records.total?set=numerator', `org=${TOWNSHIP}`);
      expect(own.statusCode).toBe(200);
      const listed = (own.json() as { people: { orgCode: string }[] }).people;
      expect(listed.length).toBeGreaterThan(0);
      expect(new Set(listed.map((p) => p.orgCode))).toEqual(new Set([V1]));
      const beside = await people(team, 'records.total?set=numerator', `org=${V2}`);
      expect(beside.statusCode).toBe(403);
      expect(beside.json().field).toBe('org');
    });

    it('refuses a viewer any list of people', async () => {
      const viewer = await signInAs(app, t.db, 'viewer', '620881');
      const res = await people(viewer, 'records.total?set=numerator', `org=${TOWNSHIP}`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('居');
    });

    it('answers aggregates within the scope: an org beside it is 403, an org above it narrows', async () => {
      const centre = await signInAs(app, t.db, 'centre', OTHER_ORGS.township);
      const beside = await centre.inject({
        method: 'GET',
        url: `/api/indicators?org=${TOWNSHIP}&period=2020&ids=records.total`,
      });
      expect(beside.statusCode).toBe(403);
      expect(beside.json().field).toBe('org');
      const other = await signInAs(app, t.db, 'bureau', OTHER_ORGS.county);
      const county = await other.inject({
        method: 'GET',
        url: `/api/indicators?org=620881&period=2020&ids=records.total`,
      });
      expect(county.statusCode).toBe(403);

      // The team asks for its county with its children: it gets its own village, no more.
      const above = await team.inject({
        method: 'GET',
        url: `/api/indicators?org=620881&period=2020&depth=2&ids=records.total`,
      });
      expect(above.statusCode).toBe(200);
      const rows = above.json() as { org: string; numerator: number }[];
      expect(rows.map((r) => r.org)).toEqual([V1]);
      const all = await bureau.inject({
        method: 'GET',
        url: `/api/indicators?org=${TOWNSHIP}&period=2020&depth=1&ids=records.total`,
      });
      const v1 = (all.json() as { org: string; numerator: number }[]).find((r) => r.org === V1);
      expect(rows[0]!.numerator).toBe(v1!.numerator);
      // The catalogue is the same for everyone who may read aggregates.
      const viewer = await signInAs(app, t.db, 'viewer', V1);
      expect((await viewer.inject({ method: 'GET', url: '/api/indicators/catalogue' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/indicators/catalogue' })).statusCode).toBe(401);
    });
  });
});
