/**
 * Which term families a write of services can change. A write that changes only services
 * (no record, enrolment, contract or ID number; `servicesSince` in ChangedRecords) changes a
 * resident's history in the services of the types it wrote (a service's old and new type
 * when an update changes it) and nowhere else. A family's rule reads the resident's record,
 * enrolments and contracts (unchanged by such a write) and the services it declares
 * (./term-family.ts: `reads`, or every service's date with `readsEveryServiceDate`), and
 * nothing else (term-families.test.ts checks it on random histories). So a family that
 * declares none of the written types and does not read every service's date decides the
 * same terms at every 旬 before and after the write: its stored masks stay as they are, and
 * only the families returned here are evaluated again. The contracts family declares the
 * types of the packages it checks for fulfilment, so it is among them for those types.
 */
import { PERSON_TERM_FAMILIES } from './terms.js';
import type { PersonTermFamily } from './term-family.js';

/**
 * True when a write of services of `types` can change the terms of `family`: it reads every
 * service's date, or declares one of the types.
 *
 * @example familyReadsServiceTypes(ELDERLY_TERMS, ['hypertension_followup']) // false
 */
export function familyReadsServiceTypes(family: PersonTermFamily, types: Iterable<string>): boolean {
  if (family.readsEveryServiceDate === true) return true;
  for (const type of types) if (family.reads.some((r) => r.type === type)) return true;
  return false;
}

// An import writes one or a few types for thousands of residents: the answer is cached per set.
const changedCache = new Map<string, readonly PersonTermFamily[]>();

/**
 * The families of {@link PERSON_TERM_FAMILIES} (in their order) whose terms a write of
 * services of `types`, and of nothing else, can change; the others keep their masks.
 *
 * @example familiesChangedByServices(['hypertension_followup']).map((f) => f.id)
 * // ['records', 'hypertension', 'hearts', 'contracts']
 */
export function familiesChangedByServices(types: Iterable<string>): readonly PersonTermFamily[] {
  const sorted = [...new Set(types)].sort();
  const key = sorted.join('|');
  let families = changedCache.get(key);
  if (families === undefined) {
    families = PERSON_TERM_FAMILIES.filter((f) => familyReadsServiceTypes(f, sorted));
    changedCache.set(key, families);
  }
  return families;
}
