import {
  SAMPLE_ORGS as O,
  SAMPLE_RECORD_NOS,
  SAMPLE_SCOPE as S,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import type { EnrollmentInput, ServiceInput } from '../../domain/records/inputs.js';
import * as enrollments from './enrollments-repository.js';
import * as entry from './entry-repository.js';
import * as lookups from './record-lookups-repository.js';
import * as residents from './residents-repository.js';
import * as services from './services-repository.js';
import * as search from './resident-search-repository.js';
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

const refs = new Map([[FIRST, { id: 1, orgCode: O.village, birthDate: null, deathDate: null }]]);

/** Example calls of the records repositories, written to queries/records.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('records/record-lookups-repository.ts', lookups, {
      findResidentsByRecordNo: (db) => lookups.findResidentsByRecordNo(db.kysely, S, [FIRST, SECOND]),
      findOrgCodes: (db) => lookups.findOrgCodes(db.kysely, S, [O.village, O.otherVillage]),
      servicesInScope: { noQuery: 'builds the condition of deleteService and the stored-service lookup' },
      storedKeys: (db) => lookups.storedKeys(db.kysely, S, 'residents', 'record_no', [FIRST, SECOND]),
      getResidentByRecordNo: (db) => lookups.getResidentByRecordNo(db.kysely, S, FIRST),
    }),
    repositorySamples('records/residents-repository.ts', residents, {
      upsertResidents: (db) => residents.upsertResidents(db.kysely, S, [resident]),
      writeValidatedResidents: (db) => residents.writeValidatedResidents(db.kysely, S, [resident]),
      requireDate: { noQuery: 'checks a date' },
      requireResident: (db) => residents.requireResident(db.kysely, S, FIRST),
      recordDeath: (db) => residents.recordDeath(db.kysely, S, SECOND, '2020-05-03'),
      recordMoveOut: (db) => residents.recordMoveOut(db.kysely, S, SECOND, '2020-05-03'),
      moveResident: (db) => residents.moveResident(db.kysely, S, SECOND, O.otherVillage),
    }),
    repositorySamples('records/enrollments-repository.ts', enrollments, {
      upsertEnrollments: (db) => enrollments.upsertEnrollments(db.kysely, S, [enrollment]),
      writeValidatedEnrollments: (db) => enrollments.writeValidatedEnrollments(db.kysely, [enrollment], refs),
      endEnrollment: (db) =>
        enrollments.endEnrollment(db.kysely, S, FIRST, 'hypertension', '2020-06-01', null),
    }),
    repositorySamples('records/services-repository.ts', services, {
      upsertServices: (db) => services.upsertServices(db.kysely, S, [service]),
      writeValidatedServices: (db) => services.writeValidatedServices(db.kysely, S, [service], refs),
      deleteService: (db) => services.deleteService(db.kysely, S, 1),
    }),
    repositorySamples('records/entry-repository.ts', entry, {
      residentForEntry: (db) => entry.residentForEntry(db.kysely, S, FIRST),
      recentCheckupsNear: (db) => entry.recentCheckupsNear(db.kysely, S, O.village, '2020-09-01', 1),
    }),
    repositorySamples('records/resident-search-repository.ts', search, {
      searchResidents: (db) => search.searchResidents(db.kysely, S, FIRST, { limit: 20, offset: 0 }),
      enrollmentsOfResident: (db) => search.enrollmentsOfResident(db.kysely, 1),
      servicesOfResident: (db) => search.servicesOfResident(db.kysely, S, 1),
    }),
  ],
};
