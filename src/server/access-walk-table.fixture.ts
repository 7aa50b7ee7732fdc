/**
 * Test support: how src/server/access-walk.int.test.ts calls each operation of the OpenAPI
 * document — one entry per operation, keyed `METHOD /path`. The walk fails on an operation
 * without an entry (add one when you add a route) and on an entry without an operation.
 *
 * Path and query values named after the site (org, code, orgCode, recordNo, year, period,
 * asOf) are filled in for every operation; an entry adds the others (ids above all). A body
 * is fitted to the operation's schema: fields the route does not take are dropped, required
 * ones the entry leaves out are sampled from the schema.
 */

import { DEFAULT_SCHEME_JSON } from '../domain/assessment/default-scheme.js';

/** A county (or a township) of the walk's database, and real rows in it to name. */
export interface Site {
  /** The org every request names: a county (or a township, for a health centre). */
  readonly org: string;
  readonly county: string;
  readonly township: string;
  readonly village: string;
  /** Another village of the same county (a move's destination). */
  readonly otherVillage: string;
  /** Living residents of `village`, each with an active enrolment, one per use. */
  readonly residents: {
    readonly read: SiteResident;
    readonly death: SiteResident;
    readonly moveOut: SiteResident;
    readonly move: SiteResident;
    readonly endEnrollment: SiteResident;
  };
  readonly serviceId: number;
  /** An open finding about a resident, and its rule. */
  readonly findingId: number;
  readonly rule: string;
  /** An open finding of the unused records of an org (its records are listed on demand). */
  readonly unusedFindingId: number;
  /** An open duplicate set (its finding id), and a merge already done. */
  readonly duplicateSetId: number;
  readonly mergeId: number;
  readonly runId: number;
  readonly bulletinId: number;
  readonly bulletinScheduleId: number;
  readonly snapshotId: number;
  readonly pushScheduleId: number;
}

/** A resident as the records routes take it, with the programme of an active enrolment. */
export interface SiteResident {
  readonly body: Record<string, unknown>;
  readonly recordNo: string;
  readonly program: string;
}

/** The sign-in the walk sends to POST /api/session (a real user, so that it is answered). */
export interface WalkCredentials {
  readonly username: string;
  readonly password: string;
}

/** Who walks, and where. */
export interface WalkContext {
  readonly site: Site;
  readonly credentials: WalkCredentials;
  /** A valid ID number of nobody, for the ID check routes. */
  readonly probeIdNumber: string;
  /** The password every walking user has. */
  readonly password: string;
}

/** How the walk calls one operation. */
export interface WalkEntry {
  /**
   * The personal data a role with `personal.read` may see in the answer: `none`, `record`
   * (one person, full values allowed), or `list` (several people: masked for everyone).
   */
  readonly personal: 'none' | 'record' | 'list';
  /** Path and query values beyond those named after the site. */
  readonly values?: (c: WalkContext) => Readonly<Record<string, string | number>>;
  /** The body (fitted to the schema); the schema's sample when absent. */
  readonly body?: (c: WalkContext) => unknown;
  /** Walked after every other operation, in this order: it changes the caller's own session. */
  readonly last?: 1 | 2;
  /** Statuses other than 2xx the control (an admin of the site's county) may get, and why. */
  readonly control?: { readonly statuses: readonly number[]; readonly why: string };
}

/** The control's answer where the walk names a user nobody holds. */
const NO_SUCH_USER = {
  statuses: [404],
  why: 'no such user: changing a real one would end the walk of others',
};

/** The control's answer where the walk names an assessment run nobody made (run ids differ per walk). */
const NO_SUCH_RUN = { statuses: [404], why: 'no assessment run of that id in the walk database' };

const WALKER = 'walker';
const YEAR = 2020;
const INDICATOR = 'elderly.management_rate';

/** Values every operation gets when it has a parameter of that name. */
export function siteValues(c: WalkContext): Readonly<Record<string, string | number>> {
  const s = c.site;
  return {
    org: s.org,
    orgCode: s.org,
    code: s.org,
    recordNo: s.residents.read.recordNo,
    year: YEAR,
    period: '2020H1',
    asOf: '2020-06-20',
  };
}

const id = (pick: (s: Site) => number) => (c: WalkContext) => ({ id: pick(c.site) });
const recordNo = (pick: (r: Site['residents']) => SiteResident) => (c: WalkContext) => ({
  recordNo: pick(c.site.residents).recordNo,
});

/** One entry per operation of the document. */
export const WALK: Readonly<Record<string, WalkEntry>> = {
  // Session: public log-in, the rest for any signed-in caller.
  'POST /api/session': { personal: 'none', body: (c) => c.credentials },
  'GET /api/session': { personal: 'none' },
  'POST /api/session/password': {
    personal: 'none',
    last: 1,
    body: (c) => ({ currentPassword: c.password, newPassword: 'Walk-Passw0rd-2' }),
  },
  'DELETE /api/session': {
    personal: 'none',
    last: 2,
    control: { statuses: [401], why: 'a password change may end the session it was made in' },
  },
  'GET /api/health': { personal: 'none' },

  'GET /api/orgs/{code}': { personal: 'none' },
  'PATCH /api/orgs/{code}': { personal: 'none', body: () => ({ responsiblePerson: '走查' }) },
  'GET /api/orgs/{code}/children': { personal: 'none' },
  'GET /api/orgs/{code}/population': { personal: 'none' },

  'GET /api/id-check': { personal: 'none', values: (c) => ({ number: c.probeIdNumber }) },
  'POST /api/id-check': { personal: 'none', body: (c) => ({ numbers: [c.probeIdNumber] }) },

  'POST /api/bulletins': {
    personal: 'none',
    body: (c) => ({ orgCode: c.site.org, period: '2020Q2', format: 'html' }),
  },
  'GET /api/bulletins': { personal: 'none' },
  'GET /api/bulletins/{id}': { personal: 'none', values: id((s) => s.bulletinId) },
  'GET /api/bulletins/{id}/download': { personal: 'none', values: id((s) => s.bulletinId) },
  'GET /api/bulletins/indicator-table.xlsx': { personal: 'none', values: () => ({ period: '2020Q2' }) },
  'POST /api/bulletin-schedules': {
    personal: 'none',
    body: (c) => ({ orgCode: c.site.org, every: 'quarter', format: 'html' }),
  },
  'GET /api/bulletin-schedules': { personal: 'none' },
  'DELETE /api/bulletin-schedules/{id}': { personal: 'none', values: id((s) => s.bulletinScheduleId) },

  'GET /api/audits/rules': { personal: 'none' },
  'POST /api/audits/runs': { personal: 'none', body: (c) => ({ orgCode: c.site.org, period: '2020Q2' }) },
  'GET /api/audits/runs': { personal: 'none' },
  'GET /api/audits/runs/{id}': { personal: 'none', values: id((s) => s.runId) },
  'GET /api/audits/findings': { personal: 'list', values: () => ({ status: 'all' }) },
  'GET /api/audits/findings/{id}': { personal: 'record', values: id((s) => s.findingId) },
  'GET /api/audits/findings/{id}/records': { personal: 'list', values: id((s) => s.unusedFindingId) },
  'GET /api/audits/findings/{id}/records.xlsx': { personal: 'list', values: id((s) => s.unusedFindingId) },
  'POST /api/audits/findings/{id}/resolve': {
    personal: 'record',
    values: id((s) => s.findingId),
    body: () => ({ by: WALKER, note: '走查' }),
  },
  'POST /api/audits/findings/{id}/reopen': { personal: 'record', values: id((s) => s.findingId) },
  'GET /api/audits/counts': { personal: 'none' },
  'GET /api/audits/hotspots': { personal: 'none', values: (c) => ({ rule: c.site.rule }) },
  'GET /api/audits/institution-hotspots': { personal: 'none', values: (c) => ({ rule: c.site.rule }) },
  'GET /api/audits/duplicate-sets': { personal: 'list' },
  'GET /api/audits/duplicate-sets/{id}/preview': {
    personal: 'list',
    values: id((s) => s.duplicateSetId),
    control: { statuses: [400], why: 'the walk may have merged the set already (its records are gone)' },
  },
  'POST /api/audits/duplicate-sets/{id}/merge': {
    personal: 'record',
    values: id((s) => s.duplicateSetId),
    body: () => ({ by: WALKER }),
  },
  'GET /api/audits/merges': { personal: 'list' },
  'GET /api/audits/merges/{id}': { personal: 'record', values: id((s) => s.mergeId) },

  'GET /api/targets': { personal: 'none' },
  'PUT /api/targets': {
    personal: 'none',
    body: (c) => ({
      setBy: WALKER,
      targets: [{ orgCode: c.site.org, indicator: INDICATOR, year: YEAR, rate: 0.61 }],
    }),
  },
  'GET /api/targets/history': { personal: 'none' },
  'PUT /api/targets/parameters': {
    personal: 'none',
    body: (c) => ({
      org: c.site.org,
      year: YEAR,
      name: 'hypertensionPrevalence',
      value: 0.26,
      setBy: WALKER,
    }),
  },
  'POST /api/targets/split': {
    personal: 'none',
    body: (c) => ({ org: c.site.org, indicator: INDICATOR, year: YEAR, setBy: WALKER }),
  },
  'POST /api/targets/decompose': {
    personal: 'none',
    body: () => ({
      milestones: ['2020-03', '2020-06'],
      curves: { elderly: [1, 1] },
      areas: [{ name: '甲乡', inputs: { elderly: { base: 1000, annualRate: 0.6 } } }],
    }),
  },
  'GET /api/targets/progress': { personal: 'none' },

  'POST /api/plans/check': {
    personal: 'none',
    body: () => ({ headers: ['区域', 'elderly:基数', 'elderly:全年率'], rows: [['甲乡', 1000, 0.6]] }),
  },
  'POST /api/plans/push': {
    personal: 'none',
    body: () => ({
      asOf: '2020-06-01',
      deadline: '2020-06-30',
      rows: [{ unit: '甲乡', task: '建档', target: 100, done: 10 }],
    }),
  },
  'GET /api/plans/push': { personal: 'none' },
  'POST /api/plans/push/snapshots': {
    personal: 'none',
    // Another day than the setup's snapshot: one of the same day would replace it.
    body: (c) => ({ org: c.site.org, period: '2020H1', asOf: '2020-06-10', createdBy: WALKER }),
  },
  'GET /api/plans/push/snapshots': { personal: 'none' },
  'GET /api/plans/push/snapshots/{id}': { personal: 'none', values: id((s) => s.snapshotId) },
  'POST /api/push-plan-schedules': {
    personal: 'none',
    // Another deadline than the setup's schedule: the same one would be a duplicate.
    body: (c) => ({ org: c.site.org, period: '2099H1', deadline: '2099-06-29', createdBy: WALKER }),
  },
  'GET /api/push-plan-schedules': { personal: 'none' },
  'DELETE /api/push-plan-schedules/{id}': { personal: 'none', values: id((s) => s.pushScheduleId) },
  'POST /api/push-plan-schedules/run': { personal: 'none', body: () => ({ asOf: '2099-01-10' }) },

  'POST /api/residents': {
    personal: 'none',
    body: (c) => [{ ...c.site.residents.read.body, name: `${String(c.site.residents.read.body.name)}改` }],
  },
  'POST /api/enrollments': {
    personal: 'none',
    body: (c) => [{ recordNo: c.site.residents.read.recordNo, program: 'diabetes', startDate: '2020-05-01' }],
  },
  'POST /api/services': {
    personal: 'none',
    body: (c) => [
      {
        recordNo: c.site.residents.read.recordNo,
        type: 'hypertension_followup',
        serviceDate: '2020-06-15',
        institution: '走查卫生院',
        payload: {
          sbp: 138,
          dbp: 84,
          heartRate: null,
          controlled: true,
          guidance: true,
          medicationAdherence: 'regular',
          symptoms: null,
        },
      },
    ],
  },
  'POST /api/services/check': {
    personal: 'none',
    body: (c) => ({
      recordNo: c.site.residents.read.recordNo,
      type: 'hypertension_followup',
      serviceDate: '2020-06-16',
      payload: { sbp: 150, dbp: 92, controlled: false, guidance: true },
    }),
  },
  'POST /api/services/entry': {
    personal: 'none',
    body: (c) => ({
      service: {
        recordNo: c.site.residents.read.recordNo,
        type: 'hypertension_followup',
        serviceDate: '2020-06-16',
        institution: '走查卫生院',
        payload: { sbp: 150, dbp: 92, controlled: false, guidance: true },
      },
      acknowledge: [],
    }),
  },
  'GET /api/residents/{recordNo}': { personal: 'record' },
  'GET /api/residents': { personal: 'list', values: (c) => ({ q: c.site.residents.read.recordNo }) },
  'GET /api/residents/{recordNo}/history': { personal: 'record' },
  'POST /api/import/check': {
    personal: 'none',
    values: () => ({ kind: 'residents', file: 'walk.csv' }),
    control: { statuses: [400], why: 'the walk sends no file: an empty body is refused' },
  },
  'POST /api/import/land': {
    personal: 'none',
    values: () => ({ kind: 'residents', file: 'walk.csv' }),
    control: { statuses: [400], why: 'the walk sends no file: an empty body is refused' },
  },
  'POST /api/import/rejected': {
    personal: 'none',
    values: () => ({ kind: 'residents', file: 'walk.csv' }),
    control: { statuses: [400], why: 'the walk sends no file: an empty body is refused' },
  },
  'DELETE /api/services/{id}': { personal: 'none', values: id((s) => s.serviceId) },
  'POST /api/residents/{recordNo}/death': {
    personal: 'none',
    values: recordNo((r) => r.death),
    body: () => ({ date: '2020-06-01' }),
  },
  'POST /api/residents/{recordNo}/move-out': {
    personal: 'none',
    values: recordNo((r) => r.moveOut),
    body: () => ({ date: '2020-06-01' }),
  },
  'POST /api/residents/{recordNo}/move': {
    personal: 'none',
    values: recordNo((r) => r.move),
    body: (c) => ({ orgCode: c.site.otherVillage }),
  },
  'POST /api/residents/{recordNo}/end-enrollment': {
    personal: 'none',
    values: recordNo((r) => r.endEnrollment),
    body: (c) => ({
      program: c.site.residents.endEnrollment.program,
      endDate: '2020-06-20',
      endReason: null,
    }),
  },

  'GET /api/indicators/catalogue': { personal: 'none' },
  'GET /api/indicators': { personal: 'none', values: () => ({ depth: 2 }) },
  'GET /api/indicators/latest-period': { personal: 'none' },
  'GET /api/indicators/{id}/people': { personal: 'list', values: () => ({ id: 'records.total' }) },
  // An export is full for a role with personal.export, as a single record is.
  'GET /api/indicators/{id}/people/export': { personal: 'record', values: () => ({ id: 'records.total' }) },

  'GET /api/due': { personal: 'list' },
  // An export is full for a role with personal.export, as a single record is.
  'GET /api/due.xlsx': { personal: 'record' },

  'GET /api/contracts/teams': { personal: 'none' },
  // A list of people: masked for every role (names 陈**, ID numbers to the region and last 4).
  'GET /api/contracts': { personal: 'list' },
  'GET /api/contracts/indicators': { personal: 'none' },
  'POST /api/contracts/import': {
    personal: 'none',
    values: () => ({ kind: 'contracts', file: 'walk.csv' }),
    control: { statuses: [400], why: 'the walk sends no file: an empty body is refused' },
  },

  'GET /api/access-log': { personal: 'none', values: () => ({ limit: 20 }) },

  'GET /api/users': { personal: 'none' },
  'POST /api/users': {
    personal: 'none',
    body: (c) => ({
      username: nextWalkName('u'),
      displayName: '走查用户',
      role: 'viewer',
      orgCode: c.site.org,
      password: 'Walk-Passw0rd-9',
    }),
  },
  'PATCH /api/users/{username}': {
    personal: 'none',
    values: noSuchUser,
    body: () => ({ displayName: '走查' }),
    control: NO_SUCH_USER,
  },
  'POST /api/users/{username}/lock': { personal: 'none', values: noSuchUser, control: NO_SUCH_USER },
  'POST /api/users/{username}/unlock': { personal: 'none', values: noSuchUser, control: NO_SUCH_USER },
  'POST /api/users/{username}/password': {
    personal: 'none',
    values: noSuchUser,
    body: () => ({ password: 'Walk-Passw0rd-9' }),
    control: NO_SUCH_USER,
  },
  'GET /api/tokens': { personal: 'none' },
  'POST /api/tokens': {
    personal: 'none',
    body: (c) => ({ name: nextWalkName('t'), role: 'team', orgCode: c.site.org, expiresInDays: 1 }),
  },
  'DELETE /api/tokens/{id}': {
    personal: 'none',
    values: () => ({ id: 999_999 }),
    control: { statuses: [404], why: 'no token of that id: revoking one would end the walk of others' },
  },

  'GET /api/funds/standards': { personal: 'none' },
  'GET /api/funds/allocations': { personal: 'none' },
  'POST /api/funds/allocations': {
    personal: 'none',
    body: (c) => ({ orgCode: c.site.org, year: YEAR }),
    control: {
      statuses: [409],
      why: 'one allocation per org and year: a walking role may have made it first',
    },
  },
  'POST /api/reported-values': {
    personal: 'none',
    body: (c) => ({
      items: [
        {
          orgCode: c.site.org,
          period: '2020H1',
          indicator: 'infectious_disease.report_rate',
          numerator: 19,
          denominator: 20,
          source: '传染病报告信息管理系统',
        },
      ],
    }),
  },
  'GET /api/reported-values': { personal: 'none' },
  'DELETE /api/reported-values': {
    personal: 'none',
    values: () => ({ indicator: 'infectious_disease.report_rate' }),
    control: { statuses: [404], why: 'the report may be gone: a walking role may have deleted it first' },
  },
  'POST /api/reported-values/import': {
    personal: 'none',
    values: () => ({ file: 'walk.csv' }),
    control: { statuses: [400], why: 'the walk sends no file: an empty body is refused' },
  },
  'GET /api/reported-values/history': {
    personal: 'none',
    values: () => ({ indicator: 'infectious_disease.report_rate' }),
  },
  'GET /api/funds/disbursements': {
    personal: 'none',
    control: { statuses: [404], why: 'no allocation yet when the control walks before the allocating roles' },
  },
  'POST /api/funds/disbursements': {
    personal: 'none',
    body: (c) => ({
      orgCode: c.site.org,
      year: YEAR,
      rows: [{ paidOn: '2020-05-10', payer: '县财政局', payeeCode: c.site.org, amount: '1.00' }],
    }),
    control: {
      statuses: [400, 404, 422],
      why: 'the walk pays its own county, which is no health centre of the allocation',
    },
  },
  'POST /api/funds/disbursements/file': {
    personal: 'none',
    values: () => ({ file: 'walk.csv' }),
    control: { statuses: [400, 404], why: 'the walk sends no file: an empty body is refused' },
  },
  'GET /api/funds/status': {
    personal: 'none',
    control: { statuses: [404], why: 'no allocation yet when the control walks before the allocating roles' },
  },
  'GET /api/funds/status.xlsx': {
    personal: 'none',
    control: { statuses: [404], why: 'no allocation yet when the control walks before the allocating roles' },
  },
  'GET /api/funds/status.docx': {
    personal: 'none',
    control: { statuses: [404], why: 'no allocation yet when the control walks before the allocating roles' },
  },
  'GET /api/assessment/schemes': { personal: 'none' },
  'GET /api/assessment/schemes/{code}': { personal: 'none', values: () => ({ code: 'national-basic' }) },
  'POST /api/assessment/schemes': { personal: 'none', body: () => DEFAULT_SCHEME_JSON },
  'GET /api/assessment/schemes/{code}/scheme.xlsx': {
    personal: 'none',
    values: () => ({ code: 'national-basic' }),
  },
  'POST /api/assessment/schemes/xlsx': {
    personal: 'none',
    control: { statuses: [400], why: 'the walk sends no file: an empty body is refused' },
  },
  'POST /api/assessment/runs': { personal: 'none', body: (c) => ({ orgCode: c.site.org, period: '2020H1' }) },
  'GET /api/assessment/runs': { personal: 'none' },
  'GET /api/assessment/runs/{id}': {
    personal: 'none',
    values: () => ({ id: 999_999 }),
    control: NO_SUCH_RUN,
  },
  'GET /api/assessment/runs/{id}/report.xlsx': {
    personal: 'none',
    values: () => ({ id: 999_999 }),
    control: NO_SUCH_RUN,
  },
  'GET /api/assessment/runs/{id}/report.docx': {
    personal: 'none',
    values: () => ({ id: 999_999 }),
    control: NO_SUCH_RUN,
  },
  'POST /api/assessment/manual-scores': {
    personal: 'none',
    body: (c) => ({
      itemId: 'eff.satisfaction',
      unitCode: c.site.org,
      period: '2020H1',
      score: 1,
      evidence: '走查',
    }),
  },
};

let walkNames = 0;
/** A fresh username or token name per call: the walk creates one for every caller. */
function nextWalkName(prefix: string): string {
  walkNames += 1;
  return `walk${prefix}${walkNames}`;
}

/** A username no site holds: locking or resetting a real user would end other walkers' sessions. */
function noSuchUser(): Readonly<Record<string, string>> {
  return { username: 'walk-nobody' };
}
