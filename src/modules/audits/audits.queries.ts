import {
  SAMPLE_ORGS as O,
  SAMPLE_RECORD_NOS,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  selectionSamples,
  type ModuleQueries,
  type QuerySample,
  type RepositorySamples,
} from '../../../test/query-samples.js';
import type { Db } from '../../db/database.js';
import type { DraftFinding } from '../../domain/audits/classify.js';
import type { AuditWindow } from '../../domain/audits/vocabulary.js';
import type { OrgLineage } from '../orgs/org-scope.js';
import type { Handle } from './audit-tables.js';
import * as findings from './finding-repository.js';
import * as merges from './merge-repository.js';
import * as runs from './run-repository.js';
import type { AuditRule, RuleScan } from './rules/audit-rule.js';
import * as candidates from './rules/candidate-repository.js';
import { AUDIT_RULES } from './rules/index.js';
import { selectUnusedRecords } from './rules/unused-records.js';

const WINDOW: AuditWindow = { from: '2020-01-01', to: '2020-06-30', asOf: '2020-06-30' };
const NOW = '2020-07-01T08:00:00.000Z';
const RULES = ['duplicate_records', 'arm_bp_difference'];
/** The run the samples store findings under: the first one `insertRun` writes. */
const RUN = { runId: 1 } as const;

const COUNTY: OrgLineage = {
  code: O.county,
  level: 3,
  provinceCode: O.province,
  cityCode: O.city,
  countyCode: O.county,
  townshipCode: null,
};

const finding: DraftFinding = {
  severity: 'error',
  subject: 'set:1',
  orgCode: O.village,
  countyCode: O.county,
  residentId: 1,
  serviceId: null,
  subjectDate: null,
  weight: 1,
  evidence: { residentIds: [1, 2] },
};

/**
 * The SQL of a rule as its object exposes it: the candidate selection of a judged rule. It
 * takes the parameters its own schema parsed; the list holds rules of different parameters, so they
 * are seen here through the parsed value.
 */
interface RuleSelection {
  readonly candidates?: (h: Handle, scan: RuleScan, parameters: unknown) => Promise<unknown>;
}

/** The SQL a rule's file reads on demand, apart from a run. */
const READ_ON_DEMAND: Readonly<Record<string, readonly (readonly [string, QuerySample])[]>> = {
  unused_records: [
    [
      'selectUnusedRecords (the records of a finding, a page)',
      (db) =>
        selectUnusedRecords(
          db.kysely,
          O.village,
          { noServiceSince: '2019-06-30', asOf: '2020-06-30' },
          1,
          20,
        ),
    ],
  ],
};

/**
 * The samples of one listed rule, in its file `audits/rules/<rule-id>.ts`: its candidate
 * selection (or its findings) with its default parameters, over the sample scope and window.
 * Every rule of the list gets one, so a new rule is covered without a line here.
 */
function ruleSamples(rule: AuditRule): RepositorySamples {
  const { candidates: select } = rule as AuditRule & RuleSelection;
  const parameters: unknown = rule.parameters.parse({});
  const scan = (db: Db): RuleScan => ({
    scope: SCOPE,
    window: WINDOW,
    dialect: db.dialect,
  });
  const sample: readonly [string, QuerySample] =
    select !== undefined
      ? ['candidates (default parameters)', (db) => select(db.kysely, scan(db), parameters)]
      : ['findings (default parameters)', (db) => rule.findFindings(db.kysely, scan(db), parameters)];
  return selectionSamples(`audits/rules/${rule.id.replaceAll('_', '-')}.ts`, [
    sample,
    ...(READ_ON_DEMAND[rule.id] ?? []),
  ]);
}

/** Example calls of the audit repositories and rules, written to queries/audits.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('audits/run-repository.ts', runs, {
      insertRun: (db) =>
        runs.insertRun(db.kysely, {
          startedAt: NOW,
          orgCode: O.county,
          period: '2020H1',
          window: WINDOW,
          rules: RULES,
          parameters: {},
        }),
      upsertFindings: (db) => runs.upsertFindings(db.kysely, RUN.runId, NOW, 'duplicate_records', [finding]),
      closeVanished: (db) => runs.closeVanished(db.kysely, RUN.runId, NOW, RULES, SCOPE, WINDOW),
      storeRunCounts: (db) => runs.storeRunCounts(db.kysely, RUN.runId, RULES, new Map()),
      finishRun: (db) => runs.finishRun(db.kysely, RUN.runId, NOW, []),
      selectRuns: async (db) => {
        await runs.selectRuns(db.kysely, SCOPE, 20);
        await runs.selectRuns(db.kysely, SCOPE, 1, RUN.runId);
      },
    }),
    ...AUDIT_RULES.map(ruleSamples),
    repositorySamples('audits/rules/candidate-repository.ts', candidates, {
      inWindow: { noQuery: 'builds the window condition the candidate queries embed' },
      activeAt: { noQuery: 'builds the "active at" condition the candidate queries embed' },
      toServiceRow: { noQuery: 'converts a row read' },
      selectServices: (db) =>
        candidates.selectServices(db.kysely, candidates.inWindow(WINDOW, 's.service_date')),
    }),
    repositorySamples('audits/finding-repository.ts', findings, {
      selectFindings: (db) => findings.selectFindings(db.kysely, SCOPE, { status: 'current' }, 1, 50),
      selectFindingsAfter: (db) =>
        findings.selectFindingsAfter(db.kysely, SCOPE, { rule: 'duplicate_records' }, 0, 2000),
      selectFinding: (db) => findings.selectFinding(db.kysely, SCOPE, 1),
      selectFindingPlace: (db) => findings.selectFindingPlace(db.kysely, 1),
      setFindingResolution: (db) =>
        findings.setFindingResolution(db.kysely, 1, {
          status: 'resolved',
          by: 'operator',
          at: NOW,
          note: null,
        }),
      selectOrgRuleCounts: async (db) => {
        await findings.selectOrgRuleCounts(db.kysely, SCOPE, null, null);
        await findings.selectOrgRuleCounts(db.kysely, SCOPE, RUN.runId, 'duplicate_records');
      },
      selectNamedOrgs: (db) => findings.selectNamedOrgs(db.kysely, [O.village, O.otherVillage]),
      selectOrgsBelow: (db) => findings.selectOrgsBelow(db.kysely, SCOPE, COUNTY, 2),
      selectInstitutionCounts: (db) =>
        findings.selectInstitutionCounts(db.kysely, SCOPE, 'arm_bp_difference', 10),
    }),
    repositorySamples('audits/merge-repository.ts', merges, {
      selectResidentsById: (db) => merges.selectResidentsById(db.kysely, SCOPE, [1, 2]),
      countRecordsOf: (db) => merges.countRecordsOf(db.kysely, [1, 2]),
      selectEnrollmentsOf: (db) => merges.selectEnrollmentsOf(db.kysely, [1, 2]),
      selectServiceKeysOf: (db) => merges.selectServiceKeysOf(db.kysely, [1, 2]),
      existingServiceKeys: (db) =>
        merges.existingServiceKeys(db.kysely, [`${SAMPLE_RECORD_NOS[0]}|vaccination|2020-03-02`]),
      moveService: (db) => merges.moveService(db.kysely, 1, 1, null),
      moveEnrollment: (db) => merges.moveEnrollment(db.kysely, 1, 1, O.county),
      completeEnrollment: (db) =>
        merges.completeEnrollment(db.kysely, 1, { end_date: '2020-06-01', end_reason: null, detail: null }),
      deleteEnrollments: (db) => merges.deleteEnrollments(db.kysely, [2]),
      updateSurvivor: (db) => merges.updateSurvivor(db.kysely, 1, { phone: '13809331234' }),
      retargetFindingsAfterMerge: (db) => merges.retargetFindingsAfterMerge(db.kysely, 1, [2], NOW),
      deleteResidents: (db) => merges.deleteResidents(db.kysely, [2]),
      insertMergeLog: (db) =>
        merges.insertMergeLog(db.kysely, {
          merged_at: NOW,
          merged_by: 'operator',
          county_code: O.county,
          org_code: O.village,
          finding_id: 1,
          survivor_id: 1,
          survivor_record_no: SAMPLE_RECORD_NOS[0],
          absorbed_record_nos: JSON.stringify([SAMPLE_RECORD_NOS[1]]),
          field_sources: '{}',
          before: '{}',
          moved_enrollments: 0,
          dropped_enrollments: '[]',
          moved_services: 0,
          rekeyed_services: 0,
        }),
      selectMergeLog: async (db) => {
        await merges.selectMergeLog(db.kysely, SCOPE, 50);
        await merges.selectMergeLog(db.kysely, SCOPE, 1, 1);
      },
    }),
  ],
};
