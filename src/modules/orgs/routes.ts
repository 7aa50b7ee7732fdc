import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { disclosureFor, maskPhone } from '../../domain/privacy/masking.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { getOrg, listChildren, updateOrgResponsible, type Org } from './org-repository.js';
import { scopeOfOrg } from './org-scope.js';
import { populationOf } from './population-repository.js';

const OrgCode = z
  .string()
  .regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits')
  .describe('division code: 6 digits (province/city/county), 9 (township) or 12 (village)');

const OrgSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.number().int().min(1).max(5).describe('1 province, 2 city, 3 county, 4 township, 5 village'),
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    cityCode: z.string().nullable(),
    countyCode: z.string().nullable(),
    townshipCode: z.string().nullable(),
    urbanRural: z.enum(['urban', 'rural']).nullable(),
    responsibleInstitution: z.string().nullable(),
    responsiblePerson: z
      .string()
      .nullable()
      .describe('null for an org above the caller’s scope: its office is not the caller’s to contact'),
    contactPhone: z
      .string()
      .nullable()
      .describe(
        'in full on GET /orgs/:code and PATCH for roles with personal.read, masked (138****1234) in lists and for other roles',
      ),
  })
  .describe('An org of the division tree');

const PopulationSchema = z.object({
  orgCode: z.string(),
  year: z.number().int(),
  total: z.number().int(),
  age0to6: z.number().int().nullable(),
  age65plus: z.number().int().nullable(),
  age15plus: z.number().int().nullable(),
  age18plus: z.number().int().nullable(),
  women15to49: z.number().int().nullable(),
  liveBirths: z.number().int().nullable(),
  source: z
    .enum(['villages', 'own'])
    .describe("'villages': sum of the subtree's village rows; 'own': the org's own row"),
  villages: z.number().int().describe('village rows summed'),
});

const UNKNOWN_ORG = { zh: '未找到机构', en: 'unknown org' } as const;

const nullableText = z
  .string()
  .max(200)
  .transform((s) => (s.trim() === '' ? null : s.trim()))
  .nullable();

/**
 * The org as `request`'s caller may see it: the contact phone of its responsible person in
 * full only on a single-org answer to a role with personal.read (the masking rules of
 * src/domain/privacy/masking.ts), and that read goes to the access trail.
 */
function disclosed(request: FastifyRequest, org: Org, view: 'record' | 'list' | 'written'): Org {
  if (org.contactPhone === null) return org;
  const asked = view === 'written' ? 'record' : view;
  if (disclosureFor(callerOf(request).permissions, { view: asked }) === 'full') {
    // A write is in the trail already (an entry of its own); a read of the phone is noted.
    if (view === 'record')
      noteAccess(request, {
        action: 'org-contact.read',
        objectType: 'org',
        objectId: org.code,
        orgCode: org.code,
      });
    return org;
  }
  return { ...org, contactPhone: maskPhone(org.contactPhone) };
}

/**
 * REST routes of the org tree: GET /api/orgs/:code, its children, its population per year,
 * and PATCH of the responsible institution, person, phone and urban/rural type. Children,
 * population and changes are confined to the caller's scope: an org the tree does not hold
 * is a 404, an org beside the caller's scope a 403 naming `code`. An org above the scope
 * answers without its responsible person and phone (see `getOrg`).
 */
export async function registerOrgRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ code: OrgCode });

  api.get(
    '/orgs/:code',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['orgs'],
        summary: 'An org | 机构',
        params,
        response: { 200: OrgSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      // 404 for an unknown org, 403 for one beside the caller's scope; then the org as the
      // caller's scope sees it.
      await scopeOfOrg(db.kysely, callerScope(request), request.params.code, { field: 'code' });
      const org = await getOrg(db, callerScope(request), request.params.code);
      if (org === null) throw GongweiError.notFound(UNKNOWN_ORG, 'code');
      return disclosed(request, org, 'record');
    },
  );

  api.get(
    '/orgs/:code/children',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['orgs'],
        summary: 'Direct children of an org | 下级机构',
        params,
        response: { 200: z.array(OrgSchema), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { org, scope } = await scopeOfOrg(db.kysely, callerScope(request), request.params.code, {
        field: 'code',
      });
      return (await listChildren(db, scope, org.code)).map((child) => disclosed(request, child, 'list'));
    },
  );

  api.get(
    '/orgs/:code/population',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['orgs'],
        summary: 'Population of an org in a year (sum of its villages) | 机构人口',
        params,
        querystring: z.object({ year: z.coerce.number().int().min(1949).max(2100) }),
        response: { 200: PopulationSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { org, scope } = await scopeOfOrg(db.kysely, callerScope(request), request.params.code, {
        field: 'code',
      });
      const population = await populationOf(db, scope, org.code, request.query.year);
      if (population === null)
        throw GongweiError.notFound({ zh: '无人口数据', en: 'no population for this org and year' });
      return population;
    },
  );

  api.patch(
    '/orgs/:code',
    {
      config: { access: 'orgs.write' },
      schema: {
        tags: ['orgs'],
        summary: 'Set responsible institution, person, phone or urban/rural type | 设置负责机构与联系人',
        description: 'Fields left out are kept; null or an empty string clears a field.',
        params,
        body: z
          .object({
            responsibleInstitution: nullableText.optional(),
            responsiblePerson: nullableText.optional(),
            contactPhone: nullableText.optional(),
            urbanRural: z.enum(['urban', 'rural']).nullable().optional(),
          })
          .strict(),
        response: { 200: OrgSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { scope } = await scopeOfOrg(db.kysely, callerScope(request), request.params.code, {
        field: 'code',
      });
      const org = await updateOrgResponsible(db, scope, request.params.code, request.body);
      if (org === null) throw GongweiError.notFound(UNKNOWN_ORG, 'code');
      // No note: the trail records the write itself (its route, who, outcome).
      return disclosed(request, org, 'written');
    },
  );
}
