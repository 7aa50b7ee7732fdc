/**
 * The contract list (签约名单) of an org: a page of its contracts with the status of each on a
 * day, the residents masked by the one privacy rule (src/domain/privacy/masking.ts). A list
 * of people is masked for every role: the name as 陈**; the ID number to its region and last
 * 4 for a role with `personal.read` (no birth date, age or sex is beside it), to its region
 * only for the others, as the single-record view masks it for them. The full record is one
 * click further, on the records page, for those allowed.
 */
import type { Db } from '../../db/database.js';
import type { Permission } from '../../domain/access/permissions.js';
import {
  contractStatusOn,
  type ContractStatus,
  type KeyPopulation,
} from '../../domain/contracts/contract-rules.js';
import { maskIdNumber, maskName } from '../../domain/privacy/masking.js';
import { teamVillages } from '../due/team-villages.js';
import { scopeOfOrg, type OrgScope } from '../orgs/org-scope.js';
import { countContracts, findContracts, type StoredContractRow } from './contracts-repository.js';

/** What the list is asked for. */
export interface ContractListQuery {
  /** The org whose contracts are listed (a village, township or above). */
  readonly org: string;
  /** The day statuses are judged on. */
  readonly asOf: string;
  readonly status?: ContractStatus;
  readonly teamCode?: string;
  readonly keyPopulation?: KeyPopulation;
  readonly limit: number;
  readonly offset: number;
  /** The request field that named the org and the team, for errors. */
  readonly fields?: { readonly org: string; readonly team: string };
}

/** One contract as the list shows it: the resident masked. */
export interface ContractListRow {
  readonly contractNo: string;
  readonly recordNo: string;
  /** Masked: 陈**. */
  readonly name: string;
  /** Masked: 620881********0011 or 620881************ (see the file comment). */
  readonly idNumber: string | null;
  readonly orgCode: string;
  readonly teamCode: string;
  readonly teamName: string;
  readonly signedDate: string;
  readonly endDate: string;
  readonly packageCode: string;
  readonly keyPopulations: readonly KeyPopulation[];
  readonly renewal: boolean;
  readonly status: ContractStatus;
  readonly terminatedDate: string | null;
  readonly terminationReason: string | null;
}

/** A page of the list, with where the org lies for the access trail. */
export interface ContractListPage {
  readonly org: { readonly code: string; readonly countyCode: string | null };
  readonly total: number;
  readonly rows: readonly ContractListRow[];
}

/**
 * The masked form of one stored contract for a caller holding `permissions`.
 *
 * @example maskedContract(row, permissionsOf('viewer'), '2020-06-30').name // '陈**'
 */
export function maskedContract(
  row: StoredContractRow,
  permissions: ReadonlySet<Permission>,
  asOf: string,
): ContractListRow {
  return {
    contractNo: row.contractNo,
    recordNo: row.recordNo,
    name: maskName(row.name) ?? '',
    idNumber: maskIdNumber(row.idNumber, { withLastFour: permissions.has('personal.read') }),
    orgCode: row.orgCode,
    teamCode: row.teamCode,
    teamName: row.teamName,
    signedDate: row.signedDate,
    endDate: row.endDate,
    packageCode: row.packageCode,
    keyPopulations: row.keyPopulations,
    renewal: row.renewal,
    status: contractStatusOn(row, asOf),
    terminatedDate: row.terminatedDate,
    terminationReason: row.terminationReason,
  };
}

/**
 * A page of the contracts of `query.org` within the caller's scope, newest signing first,
 * masked for a caller holding `permissions`. An org outside the scope is a 403, an unknown
 * org or team a 404 (naming the field).
 *
 * @example await listContracts(db, caller.scope, caller.permissions, { org: '620881', asOf: '2020-06-30', limit: 50, offset: 0 })
 */
export async function listContracts(
  db: Db,
  callerScope: OrgScope,
  permissions: ReadonlySet<Permission>,
  query: ContractListQuery,
): Promise<ContractListPage> {
  const { org, scope } = await scopeOfOrg(db.kysely, callerScope, query.org, {
    field: query.fields?.org ?? 'org',
  });
  // An unknown team is a 404 rather than an empty list: a typo must not read as "no contracts".
  if (query.teamCode !== undefined)
    await teamVillages(db.kysely, callerScope, query.teamCode, query.fields?.team ?? 'team');
  const filter = {
    status: query.status === undefined ? undefined : { is: query.status, on: query.asOf },
    teamCode: query.teamCode,
    keyPopulation: query.keyPopulation,
  };
  const total = await countContracts(db.kysely, scope, filter);
  const rows = await findContracts(db.kysely, scope, filter, { limit: query.limit, offset: query.offset });
  return {
    org: { code: org.code, countyCode: org.countyCode },
    total,
    rows: rows.map((r) => maskedContract(r, permissions, query.asOf)),
  };
}
