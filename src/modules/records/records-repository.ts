/**
 * The records repository: writes and lookups of residents, enrolments and services, each
 * confined to an org scope. The SQL lives by concept in residents-repository.ts,
 * enrollments-repository.ts, services-repository.ts and record-lookups-repository.ts; this
 * file is the module's one entry point for other modules (the import, the demo, the tests).
 */
export { type WriteCounts } from './batch-write.js';
export { endEnrollment, upsertEnrollments, writeValidatedEnrollments } from './enrollments-repository.js';
export {
  findOrgCodes,
  findResidentsByRecordNo,
  getResidentByRecordNo,
  type ResidentRef,
  type StoredResident,
} from './record-lookups-repository.js';
export {
  moveResident,
  recordDeath,
  recordMoveOut,
  upsertResidents,
  writeValidatedResidents,
} from './residents-repository.js';
export { deleteService, upsertServices, writeValidatedServices } from './services-repository.js';
