import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as indicators from './contract-indicators-repository.js';
import * as contracts from './contracts-repository.js';

/** Example calls of the contracts repositories, written to queries/contracts.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('contracts/contracts-repository.ts', contracts, {
      orgCodesInScope: (db) => contracts.orgCodesInScope(db.kysely, SCOPE, [O.township, O.village]),
      upsertTeams: (db) =>
        contracts.upsertTeams(db.kysely, [
          {
            code: 'T1',
            name: '第一团队',
            institutionCode: O.township,
            members: [{ name: '张伟', role: 'doctor' }],
            villages: [O.village],
          },
        ]),
      listTeams: (db) => contracts.listTeams(db.kysely, SCOPE),
      teamsByCode: (db) => contracts.teamsByCode(db.kysely, SCOPE, ['T1']),
      residentsByRecordNo: (db) => contracts.residentsByRecordNo(db.kysely, SCOPE, [`${O.village}00001`]),
      enrolmentsOf: (db) => contracts.enrolmentsOf(db.kysely, 1),
      contractsOf: (db) => contracts.contractsOf(db.kysely, 1),
      upsertContract: (db) =>
        contracts.upsertContract(
          db.kysely,
          {
            contractNo: 'C1',
            countyCode: O.county,
            orgCode: O.village,
            residentId: 1,
            teamId: 1,
            signedDate: '2020-07-01',
            endDate: '2021-06-30',
            packageCode: 'basic',
            keyPopulations: ['elderly'],
            disabled: false,
            previousContractId: null,
            terminatedDate: null,
            terminationReason: null,
          },
          '2020-07-01T08:00:00.000Z',
        ),
      insertContracts: (db) =>
        contracts.insertContracts(
          db.kysely,
          [
            {
              contractNo: 'C2',
              countyCode: O.county,
              orgCode: O.village,
              residentId: 1,
              teamId: 1,
              signedDate: '2020-07-01',
              endDate: '2021-06-30',
              packageCode: 'chronic',
              keyPopulations: ['hypertension'],
              disabled: false,
              previousContractId: 1,
              terminatedDate: null,
              terminationReason: null,
            },
          ],
          '2020-07-01T08:00:00.000Z',
        ),
      contractIdsByNo: (db) => contracts.contractIdsByNo(db.kysely, ['C1', 'C2']),
      countContracts: (db) =>
        contracts.countContracts(db.kysely, SCOPE, {
          status: { is: 'active', on: '2020-06-30' },
          teamCode: 'T1',
          keyPopulation: 'elderly',
        }),
      findContracts: (db) =>
        contracts.findContracts(
          db.kysely,
          SCOPE,
          { status: { is: 'expired', on: '2020-06-30' }, teamCode: 'T1' },
          { limit: 50, offset: 0 },
        ),
    }),
    repositorySamples('contracts/contract-indicators-repository.ts', indicators, {
      loadContractHistories: (db) =>
        indicators.loadContractHistories(db.kysely, SCOPE, '2020-01-01', '2020-06-30'),
      loadOrgTree: (db) => indicators.loadOrgTree(db.kysely, SCOPE, 2020),
    }),
  ],
};
