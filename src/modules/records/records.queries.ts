import {
  SAMPLE_ORGS as O,
  SAMPLE_RECORD_NOS,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import type { EnrollmentInput, ServiceInput } from '../../domain/records/inputs.js';
import * as records from './records-repository.js';
import { fixtureResident } from './records.fixture.js';

const [FIRST, SECOND] = SAMPLE_RECORD_NOS;

const resident = fixtureResident(3);

const enrollment: EnrollmentInput = {
  recordNo: FIRST,
  program: 'hypertension',
  startDate: '2019-05-01',
  endDate: null,
  endReason: null,
  detail: null,
};

const service: ServiceInput = {
  serviceNo: null,
  recordNo: FIRST,
  type: 'hypertension_followup',
  serviceDate: '2020-03-02',
  orgCode: null,
  institution: '城关镇卫生院',
  doctor: null,
  payload: {
    sbp: 138,
    dbp: 86,
    heartRate: null,
    controlled: true,
    guidance: true,
    medicationAdherence: null,
    symptoms: null,
  },
};

const refs = new Map([[FIRST, { id: 1, orgCode: O.village }]]);

/** Example calls of the records repository, written to src/queries/records.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('records/records-repository.ts', records, {
      findResidentsByRecordNo: (db) => records.findResidentsByRecordNo(db.kysely, [FIRST, SECOND]),
      findOrgCodes: (db) => records.findOrgCodes(db.kysely, [O.village, O.otherVillage]),
      upsertResidents: (db) => records.upsertResidents(db.kysely, [resident]),
      writeValidatedResidents: (db) => records.writeValidatedResidents(db.kysely, [resident]),
      upsertEnrollments: (db) => records.upsertEnrollments(db.kysely, [enrollment]),
      writeValidatedEnrollments: (db) => records.writeValidatedEnrollments(db.kysely, [enrollment], refs),
      upsertServices: (db) => records.upsertServices(db.kysely, [service]),
      writeValidatedServices: (db) => records.writeValidatedServices(db.kysely, [service], refs),
      deleteService: (db) => records.deleteService(db.kysely, 1),
      recordDeath: (db) => records.recordDeath(db.kysely, SECOND, '2020-05-03'),
      recordMoveOut: (db) => records.recordMoveOut(db.kysely, SECOND, '2020-05-03'),
      moveResident: (db) => records.moveResident(db.kysely, SECOND, O.otherVillage),
      endEnrollment: (db) => records.endEnrollment(db.kysely, FIRST, 'hypertension', '2020-06-01', null),
      getResidentByRecordNo: (db) => records.getResidentByRecordNo(db.kysely, FIRST),
    }),
  ],
};
