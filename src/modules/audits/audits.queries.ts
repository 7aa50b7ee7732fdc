import {
  SAMPLE_ORGS as O,
  SAMPLE_RECORD_NOS,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import { DEFAULT_AUDIT_PARAMETERS as P } from '../../domain/audits/rules.js';
import * as audits from './audit-repository.js';

const SCOPE: audits.OrgScope = { code: O.county, level: 3, countyCode: O.county };
const WINDOW: audits.AuditWindow = { from: '2020-01-01', to: '2020-06-30', asOf: '2020-06-30' };
const NOW = '2020-07-01T08:00:00.000Z';
const RULES = ['duplicate_records', 'arm_bp_difference'];

const finding: audits.StoredDraft = {
  rule: 'duplicate_records',
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

/** Example calls of the audit repository, written to src/queries/audits.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('audits/audit-repository.ts', audits, {
      inScope: { noQuery: 'builds the scope condition the queries below embed' },
      handleOf: { noQuery: 'returns the Kysely handle of a database' },
      findScope: (db) => audits.findScope(db.kysely, O.county),
      selectDuplicateCandidates: (db) =>
        audits.selectDuplicateCandidates(db.kysely, P.duplicate_records.keys[1]!, SCOPE, WINDOW.asOf),
      selectIdDuplicateCandidates: (db) => audits.selectIdDuplicateCandidates(db.kysely, SCOPE, WINDOW.asOf),
      selectResidentIdPage: (db) =>
        audits.selectResidentIdPage(db.kysely, db.dialect, SCOPE, WINDOW.asOf, 0, 20_000),
      selectCheckups: (db) =>
        audits.selectCheckups(
          db.kysely,
          P.identical_checkups.fields,
          P.identical_checkups.within,
          SCOPE,
          WINDOW,
        ),
      selectArmBpCandidates: (db) =>
        audits.selectArmBpCandidates(db.kysely, P.arm_bp_difference.flagOver, SCOPE, WINDOW),
      selectUncontrolledWithoutGuidance: (db) =>
        audits.selectUncontrolledWithoutGuidance(
          db.kysely,
          P.uncontrolled_without_guidance.serviceTypes,
          SCOPE,
          WINDOW,
        ),
      selectOutOfRangeCandidates: (db) =>
        audits.selectOutOfRangeCandidates(
          db.kysely,
          P.implausible_values.ranges,
          P.implausible_values.rangeCheckedTypes,
          SCOPE,
          WINDOW,
        ),
      selectDateProblems: (db) => audits.selectDateProblems(db.kysely, SCOPE, WINDOW),
      selectNotEnrolled: (db) =>
        audits.selectNotEnrolled(db.kysely, 'hypertension_followup', 'hypertension', SCOPE, WINDOW),
      selectRepeatedServices: (db) =>
        audits.selectRepeatedServices(
          db.kysely,
          db.dialect,
          P.implausible_values.duplicateEventTypes,
          P.implausible_values.duplicateWindowDays,
          SCOPE,
          WINDOW,
        ),
      selectDigitStats: (db) =>
        audits.selectDigitStats(
          db.kysely,
          P.digit_preference.serviceTypes,
          P.digit_preference.unitLevel,
          SCOPE,
          WINDOW,
        ),
      insertRun: (db) =>
        audits.insertRun(db.kysely, {
          startedAt: NOW,
          orgCode: O.county,
          period: '2020H1',
          window: WINDOW,
          rules: RULES,
          parameters: {},
        }),
      upsertUnusedFindings: (db) =>
        audits.upsertUnusedFindings(db.kysely, 1, NOW, '2019-06-30', SCOPE, WINDOW.asOf),
      upsertFindings: (db) => audits.upsertFindings(db.kysely, db.dialect, 1, NOW, [finding]),
      closeVanished: (db) => audits.closeVanished(db.kysely, 1, NOW, RULES, SCOPE, WINDOW),
      storeRunCounts: (db) => audits.storeRunCounts(db.kysely, 1, RULES, new Map()),
      finishRun: (db) => audits.finishRun(db.kysely, 1, NOW, []),
      selectOrgRuleCounts: async (db) => {
        await audits.selectOrgRuleCounts(db.kysely, SCOPE, null, null);
        await audits.selectOrgRuleCounts(db.kysely, SCOPE, 1, 'duplicate_records');
      },
      selectOrgs: (db) => audits.selectOrgs(db.kysely, [O.village, O.otherVillage]),
      selectSubtree: (db) => audits.selectSubtree(db.kysely, SCOPE, 2),
      selectFindings: (db) => audits.selectFindings(db.kysely, { scope: SCOPE, status: 'current' }, 1, 50),
      selectFindingsAfter: (db) =>
        audits.selectFindingsAfter(db.kysely, { scope: SCOPE, rule: 'duplicate_records' }, 0, 2000),
      selectFinding: (db) => audits.selectFinding(db.kysely, 1),
      setFindingResolution: (db) =>
        audits.setFindingResolution(db.kysely, 1, {
          status: 'resolved',
          by: 'operator',
          at: NOW,
          note: null,
        }),
      selectRuns: (db) => audits.selectRuns(db.kysely, 20),
      selectInstitutionCounts: (db) =>
        audits.selectInstitutionCounts(db.kysely, 'arm_bp_difference', SCOPE, 10),
      selectResidentsById: (db) => audits.selectResidentsById(db.kysely, [1, 2]),
      countRecordsOf: (db) => audits.countRecordsOf(db.kysely, [1, 2]),
      selectEnrollmentsOf: (db) => audits.selectEnrollmentsOf(db.kysely, [1, 2]),
      selectServiceKeysOf: (db) => audits.selectServiceKeysOf(db.kysely, [1, 2]),
      existingServiceKeys: (db) =>
        audits.existingServiceKeys(db.kysely, [`${SAMPLE_RECORD_NOS[0]}|vaccination|2020-03-02`]),
      moveService: (db) => audits.moveService(db.kysely, 1, 1, null),
      moveEnrollment: (db) => audits.moveEnrollment(db.kysely, 1, 1, O.county),
      completeEnrollment: (db) =>
        audits.completeEnrollment(db.kysely, 1, { end_date: '2020-06-01', end_reason: null, detail: null }),
      deleteEnrollments: (db) => audits.deleteEnrollments(db.kysely, [2]),
      updateSurvivor: (db) => audits.updateSurvivor(db.kysely, 1, { phone: '13809331234' }),
      retargetFindingsAfterMerge: (db) => audits.retargetFindingsAfterMerge(db.kysely, 1, [2], NOW),
      deleteResidents: (db) => audits.deleteResidents(db.kysely, [2]),
      insertMergeLog: (db) =>
        audits.insertMergeLog(db.kysely, {
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
      selectMergeLog: (db) => audits.selectMergeLog(db.kysely, SCOPE, 50),
    }),
  ],
};
