/**
 * Family-doctor contracts (家庭医生签约, ADR 0018): who holds a contract at E, who is in a key
 * population and holds a contract flagged at signing for a group they are still in, whose
 * contract ended this year and was renewed, and whose package was delivered (履约). The rule
 * is the contracts module's own `contractTermsAt`; this family only hands it the resident's
 * history as the engine loaded it, so the maintained facts and the on-demand values cannot
 * disagree on a rule. The terms change only on the days `contractChangeDates` lists, so the
 * engine evaluates the family at the slots holding them and carries the terms in between.
 */
import {
  CONTRACT_TERMS,
  contractChangeDates,
  contractTermsAt,
  type ContractHistory,
} from '../../contracts/contract-terms.js';
import { SERVICE_PACKAGES } from '../../contracts/service-packages.js';
import type { ServiceType } from '../../service-types.js';
import {
  slotsOfDates,
  type PersonTermFamily,
  type ResidentHistory,
  type ServiceRead,
} from '../term-family.js';

/** The service types some package promises: fulfilment reads their dates, nothing else. */
const PACKAGE_SERVICE_TYPES: readonly ServiceType[] = [
  ...new Set(SERVICE_PACKAGES.flatMap((p) => p.requirements.flatMap((r) => r.anyOf))),
].sort();

// The contract history of a resident is the same at the 36 旬 ends of a year: built once.
const histories = new WeakMap<ResidentHistory, ContractHistory>();

function contractHistoryOf(h: ResidentHistory): ContractHistory {
  let c = histories.get(h);
  if (c === undefined) {
    c = {
      birthDate: h.birthDate,
      recordCreated: h.span.created,
      // The engine calls a family only for a resident present at E (not dead, not moved out),
      // so the record's span end stands for both dates.
      deathDate: h.span.gone,
      movedOutDate: null,
      enrolments: h.enrollments,
      contracts: h.contracts,
      services: h.services,
    };
    histories.set(h, c);
  }
  return c;
}

/** The contract terms (the same ids as src/domain/contracts/contract-terms.ts). */
export const CONTRACTS_TERMS: PersonTermFamily = {
  id: 'contracts',
  terms: CONTRACT_TERMS,
  reads: PACKAGE_SERVICE_TYPES.map((type) => ({ type }) as ServiceRead),
  readsContracts: true,
  // The terms change only on the days contractChangeDates lists: a few slots a year, not 36.
  changeSlots(resident, year) {
    return slotsOfDates(contractChangeDates(contractHistoryOf(resident), `${year}-01-01`), year);
  },
  membersAt(view, out) {
    for (const term of contractTermsAt(contractHistoryOf(view.resident), view.dates.ytd, view.dates.end))
      out.push(term);
  },
};
