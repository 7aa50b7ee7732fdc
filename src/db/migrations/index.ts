import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';
import { core001 } from './001-core.js';
import { indicators002 } from './002-indicators.js';
import { targets003 } from './003-targets.js';
import { audits004 } from './004-audits.js';
import { bulletins005 } from './005-bulletins.js';
import { pushPlanSchedules006 } from './006-push-plan-schedules.js';
import { accounts007 } from './007-accounts.js';
import { assessment008 } from './008-assessment.js';
import { dataVersions009 } from './009-data-versions.js';
import { funding010 } from './010-funding.js';
import { familyDoctorContracts011 } from './011-family-doctor-contracts.js';
import { factYearsInPreparation013 } from './013-fact-years-in-preparation.js';
import { factDefinitions014 } from './014-fact-definitions.js';
import { reportedValues017 } from './017-reported-values.js';
import { tallyOrgVersions018 } from './018-tally-org-versions.js';
import { residentIdSuspects019 } from './019-resident-id-suspects.js';
import { serviceRangeSuspects020 } from './020-service-range-suspects.js';
import { serviceValuesByTypeDate021 } from './021-service-values-by-type-date.js';
import { residentPersonKeys022 } from './022-resident-person-keys.js';
import { residentDateSuspects023 } from './023-resident-date-suspects.js';
import { servicePracticeSuspects024 } from './024-service-practice-suspects.js';
import { membershipsByOrg025 } from './025-memberships-by-org.js';
import { residentAuditIndexes026 } from './026-resident-audit-indexes.js';
import { unusedRecordsPerOrg027 } from './027-unused-records-per-org.js';

/**
 * Every migration, by number. Append only: a landed migration is never edited; a change
 * is a new, higher-numbered migration. Numbers reserved per feature: 002 indicators,
 * 003 targets, 004 audits, 005 bulletins, 006 push-plan schedules, 007 accounts and the access trail,
 * 008 assessment, 009 data versions (serving), 010 funding, 011 family-doctor contracts,
 * 013 fact years in preparation, 014 fact definitions (indicators), 017 reported values,
 * 018 tally versions per org (serving), 019 residents whose ID number may have a problem (audits),
 * 020 services whose values break a plausible range (audits),
 * 021 the index of services by type and date covering the unit-level audits (audits),
 * 022 residents by the duplicate key of name, birth date and sex (audits),
 * 023 residents whose own dates contradict each other (audits),
 * 024 services with an arm BP difference or uncontrolled without guidance (audits),
 * 025 memberships clustered by year, county, org and resident (indicators, serving),
 * 026 residents by birth date, those who left, and ID numbers not in normal form (audits),
 * 027 unused records found per org, no longer per record (audits).
 */
export function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return {
    '001-core': core001(dialect),
    '002-indicators': indicators002(dialect),
    '003-targets': targets003(dialect),
    '004-audits': audits004(dialect),
    '005-bulletins': bulletins005(dialect),
    '006-push-plan-schedules': pushPlanSchedules006(dialect),
    '007-accounts': accounts007(dialect),
    '008-assessment': assessment008(dialect),
    '009-data-versions': dataVersions009(dialect),
    '010-funding': funding010(dialect),
    '011-family-doctor-contracts': familyDoctorContracts011(dialect),
    '013-fact-years-in-preparation': factYearsInPreparation013(),
    '014-fact-definitions': factDefinitions014(),
    '017-reported-values': reportedValues017(dialect),
    '018-tally-org-versions': tallyOrgVersions018(dialect),
    '019-resident-id-suspects': residentIdSuspects019(dialect),
    '020-service-range-suspects': serviceRangeSuspects020(),
    '021-service-values-by-type-date': serviceValuesByTypeDate021(),
    '022-resident-person-keys': residentPersonKeys022(),
    '023-resident-date-suspects': residentDateSuspects023(),
    '024-service-practice-suspects': servicePracticeSuspects024(),
    '025-memberships-by-org': membershipsByOrg025(dialect),
    '026-resident-audit-indexes': residentAuditIndexes026(),
    '027-unused-records-per-org': unusedRecordsPerOrg027(),
  };
}
