/**
 * The contract indicators' terms of one resident at a period end E (year to date, as every
 * indicator, ADR 0005): which counts the resident adds to. Sums over villages, rolled up the
 * org tree by the module, give the numerators and denominators of 签约率, 重点人群签约率,
 * 续约率 and 履约率 (ADR 0018).
 */
import {
  ageOn,
  birthdayOf,
  dayAfter,
  ELDERLY_AGE,
  isActiveOn,
  KEY_POPULATIONS,
  type EnrolmentSpan,
  type KeyPopulation,
} from './contract-rules.js';
import {
  packageFulfilled,
  packageFulfilledOn,
  servicePackageFor,
  type DatedService,
} from './service-packages.js';

/** One stored contract as the terms read it. */
export interface ContractFacts {
  readonly id: number;
  readonly signedDate: string;
  readonly endDate: string;
  readonly terminatedDate: string | null;
  readonly packageCode: string;
  readonly keyPopulations: readonly KeyPopulation[];
  readonly previousContractId: number | null;
}

/** One resident's history as the contract terms read it. */
export interface ContractHistory {
  readonly birthDate: string | null;
  /** The record's creation: before it the resident is unknown to the programme and counts nowhere. */
  readonly recordCreated: string;
  readonly deathDate: string | null;
  readonly movedOutDate: string | null;
  readonly enrolments: readonly EnrolmentSpan[];
  readonly contracts: readonly ContractFacts[];
  readonly services: readonly DatedService[];
}

/** The contract terms: the counts each indicator is made of. */
export type ContractTerm =
  | 'contract.active'
  | 'contract.key_any'
  | `contract.key.${KeyPopulation}`
  | 'keypop.any'
  | `keypop.${KeyPopulation}`
  | 'contract.due'
  | 'contract.renewed'
  | 'contract.fulfilled';

/** Every contract term, in a fixed order. */
export const CONTRACT_TERMS: readonly ContractTerm[] = [
  'contract.active',
  'contract.key_any',
  ...KEY_POPULATIONS.map((g) => `contract.key.${g}` as const),
  'keypop.any',
  ...KEY_POPULATIONS.map((g) => `keypop.${g}` as const),
  'contract.due',
  'contract.renewed',
  'contract.fulfilled',
];

const ENROLLED_GROUPS: readonly KeyPopulation[] = [
  'hypertension',
  'diabetes',
  'maternal',
  'child',
  'severe_mental',
  'tuberculosis',
];

/** Age from which a child is no longer in the 0–6 group, in completed years. */
const CHILD_AGE_LIMIT = 7;

// Present as every indicator counts people (ADR 0005): recorded by E, neither dead nor moved out.
function presentOn(h: ContractHistory, date: string): boolean {
  return (
    h.recordCreated <= date &&
    !(h.deathDate !== null && h.deathDate <= date) &&
    !(h.movedOutDate !== null && h.movedOutDate <= date)
  );
}

/**
 * The groups a resident belongs to at E (the denominators of 重点人群签约率): 65+ by age, a
 * programme enrolment active at E, children under 7 by age. Disabled has no registry, so its
 * denominator is the residents whose contract says so (its rate is 100 % by construction and
 * is reported for completeness, not as a coverage figure).
 */
export function keyGroupsAt(h: ContractHistory, end: string): Set<KeyPopulation> {
  const groups = new Set<KeyPopulation>();
  const age = ageOn(h.birthDate, end);
  if (age !== null && age >= ELDERLY_AGE) groups.add('elderly');
  if (age !== null && age >= 0 && age < CHILD_AGE_LIMIT) groups.add('child');
  for (const e of h.enrolments)
    if (
      (ENROLLED_GROUPS as readonly string[]).includes(e.program) &&
      e.startDate <= end &&
      (e.endDate === null || e.endDate > end)
    )
      groups.add(e.program as KeyPopulation);
  return groups;
}

/**
 * The terms of one resident at the period end `end` of a year starting `yearStart`:
 * - `contract.active`: present at E with a contract holding at E (签约率 numerator);
 * - `contract.key.<g>` / `contract.key_any`: that contract counts for group g (any group) by
 *   its flags at signing; `keypop.<g>` / `keypop.any`: the resident is in g at E (or, for
 *   disabled, the holding contract says so);
 * - `contract.due`: a contract's term ended in [yearStart, E], not terminated (续约率
 *   denominator); `contract.renewed`: such a contract has a successor signed on or before E;
 * - `contract.fulfilled`: the holding contract's package was delivered between
 *   max(signing, yearStart) and E (履约率 numerator over `contract.active`).
 * A resident counts at most once per term.
 */
export function contractTermsAt(h: ContractHistory, yearStart: string, end: string): Set<ContractTerm> {
  const terms = new Set<ContractTerm>();
  if (!presentOn(h, end)) return terms;
  // Of contracts holding at once (an early renewal), the latest signed; on one day, the latest stored.
  let holding: ContractFacts | undefined;
  for (const c of h.contracts)
    if (
      isActiveOn(c, end) &&
      (holding === undefined ||
        c.signedDate > holding.signedDate ||
        (c.signedDate === holding.signedDate && c.id > holding.id))
    )
      holding = c;
  const groups = keyGroupsAt(h, end);
  if (holding !== undefined) {
    terms.add('contract.active');
    if (holding.keyPopulations.includes('disabled')) groups.add('disabled');
    for (const g of holding.keyPopulations) if (groups.has(g)) terms.add(`contract.key.${g}`);
    if (holding.keyPopulations.some((g) => groups.has(g))) terms.add('contract.key_any');
    const pkg = servicePackageFor(holding.packageCode);
    const from = holding.signedDate > yearStart ? holding.signedDate : yearStart;
    if (pkg !== undefined && packageFulfilled(pkg, h.services, from, end)) terms.add('contract.fulfilled');
  }
  for (const g of groups) terms.add(`keypop.${g}`);
  if (groups.size > 0) terms.add('keypop.any');
  for (const c of h.contracts) {
    if (c.terminatedDate !== null && c.terminatedDate <= c.endDate) continue;
    if (c.endDate < yearStart || c.endDate > end) continue;
    terms.add('contract.due');
    if (h.contracts.some((n) => n.previousContractId === c.id && n.signedDate <= end))
      terms.add('contract.renewed');
  }
  return terms;
}

/**
 * The days on which the contract terms of a resident can change in the year starting
 * `yearStart`: for two period ends D < E of the year with none of these days in (D, E],
 * `contractTermsAt(h, yearStart, D)` and `contractTermsAt(h, yearStart, E)` are equal. They
 * are every date {@link contractTermsAt} compares the period end with:
 * - the record's creation, the death and the move-out (present at E);
 * - of every contract: the signing (it holds; a successor renews its predecessor), the end
 *   (it falls due), the day after the end and the termination (it no longer holds), and the
 *   day its package is first fully delivered counting from max(signing, `yearStart`)
 *   (fulfilled: monotone in E while the same contract holds);
 * - of every enrolment in a programme that makes a key group: its start and its end;
 * - the birth date and the 7th and 65th birthdays (the child and elderly groups; the child
 *   group starts at age 0, so the birth date counts for a record created before it).
 * Days outside the year may be among them; the list is unsorted and may repeat a day. A
 * day too many costs an evaluation; a day missing gives wrong terms, so a new date read by
 * the terms must be added here (the property test in contract-terms.test.ts checks every day).
 *
 * @example contractChangeDates(h, '2020-01-01') // ['2018-06-01', '2020-03-10', '2021-03-09', '2021-03-10', …]
 */
export function contractChangeDates(h: ContractHistory, yearStart: string): string[] {
  const days: string[] = [h.recordCreated];
  if (h.deathDate !== null) days.push(h.deathDate);
  if (h.movedOutDate !== null) days.push(h.movedOutDate);
  for (const c of h.contracts) {
    days.push(c.signedDate, c.endDate, dayAfter(c.endDate));
    if (c.terminatedDate !== null) days.push(c.terminatedDate);
    const pkg = servicePackageFor(c.packageCode);
    if (pkg === undefined) continue;
    const delivered = packageFulfilledOn(
      pkg,
      h.services,
      c.signedDate > yearStart ? c.signedDate : yearStart,
    );
    if (delivered !== null) days.push(delivered);
  }
  for (const e of h.enrolments) {
    if (!(ENROLLED_GROUPS as readonly string[]).includes(e.program)) continue;
    days.push(e.startDate);
    if (e.endDate !== null) days.push(e.endDate);
  }
  if (h.birthDate !== null)
    days.push(h.birthDate, birthdayOf(h.birthDate, CHILD_AGE_LIMIT), birthdayOf(h.birthDate, ELDERLY_AGE));
  return days;
}
