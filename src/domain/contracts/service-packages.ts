/**
 * The service packages (服务包) a contract can sign for, as data. A package lists the
 * services it promises; each requirement is met by one service of any of its types dated
 * while the contract holds, within the period asked about. 履约 (contracted services
 * delivered) = every requirement met. Adding a package: one entry here (and the import
 * accepts its code or Chinese name).
 */
import type { LocalizedText } from '../gongwei-error.js';
import type { ServiceType } from '../service-types.js';

/** One promised service: met by one service of any of `anyOf`. */
export interface PackageRequirement {
  readonly anyOf: readonly ServiceType[];
  readonly name: LocalizedText;
}

/** A service package. */
export interface ServicePackage {
  readonly code: string;
  readonly name: LocalizedText;
  readonly requirements: readonly PackageRequirement[];
}

const PERSON_SERVICES: readonly ServiceType[] = [
  'hypertension_followup',
  'diabetes_followup',
  'elderly_checkup',
  'prenatal_registration',
  'postpartum_visit',
  'postpartum_42d',
  'newborn_visit',
  'child_visit',
  'tb_followup',
  'mental_followup',
  'vaccination',
];

/** Every package, the basic one first (the default of the import). */
export const SERVICE_PACKAGES: readonly ServicePackage[] = [
  {
    code: 'basic',
    name: { zh: '基础服务包', en: 'Basic package' },
    requirements: [
      {
        anyOf: PERSON_SERVICES,
        name: { zh: '任一项基本公共卫生服务', en: 'any basic public health service' },
      },
    ],
  },
  {
    code: 'elderly',
    name: { zh: '老年人服务包', en: 'Elderly package' },
    requirements: [
      { anyOf: ['elderly_checkup'], name: { zh: '老年人健康体检', en: 'elderly health check-up' } },
    ],
  },
  {
    code: 'chronic',
    name: { zh: '慢病服务包', en: 'Chronic disease package' },
    requirements: [
      {
        anyOf: ['hypertension_followup', 'diabetes_followup'],
        name: { zh: '高血压或糖尿病随访', en: 'hypertension or diabetes follow-up' },
      },
    ],
  },
  {
    code: 'maternal_child',
    name: { zh: '母婴服务包', en: 'Mother and child package' },
    requirements: [
      {
        anyOf: [
          'prenatal_registration',
          'postpartum_visit',
          'postpartum_42d',
          'newborn_visit',
          'child_visit',
        ],
        name: { zh: '孕产妇或儿童健康服务', en: 'maternal or child health service' },
      },
    ],
  },
];

/** The codes of every package. */
export const SERVICE_PACKAGE_CODES: readonly string[] = SERVICE_PACKAGES.map((p) => p.code);

/** The package with this code or Chinese name, or undefined. */
export function servicePackageFor(codeOrName: string): ServicePackage | undefined {
  const key = codeOrName.trim();
  return SERVICE_PACKAGES.find((p) => p.code === key || p.name.zh === key);
}

/** One service as fulfilment sees it. */
export interface DatedService {
  readonly type: string;
  readonly date: string;
}

/**
 * True when the package's every requirement is met by a service dated within [from, to]
 * (both inclusive; the caller narrows them to the days the contract held in the period).
 *
 * @example packageFulfilled(SERVICE_PACKAGES[1]!, [{ type: 'elderly_checkup', date: '2020-05-01' }], '2020-01-01', '2020-06-30') // true
 */
export function packageFulfilled(
  pkg: ServicePackage,
  services: readonly DatedService[],
  from: string,
  to: string,
): boolean {
  if (from > to) return false;
  return pkg.requirements.every((r) =>
    services.some((s) => s.date >= from && s.date <= to && (r.anyOf as readonly string[]).includes(s.type)),
  );
}

/**
 * The first day on which {@link packageFulfilled} holds for a period starting `from`: the
 * greatest, over the requirements, of the earliest service meeting it dated on or after
 * `from` (or `from` itself for a package without requirements); null when some requirement
 * is never met. For every `to`, `packageFulfilled(pkg, services, from, to)` is exactly
 * `result !== null && result <= to`.
 *
 * @example packageFulfilledOn(SERVICE_PACKAGES[1]!, [{ type: 'elderly_checkup', date: '2020-05-01' }], '2020-01-01') // '2020-05-01'
 */
export function packageFulfilledOn(
  pkg: ServicePackage,
  services: readonly DatedService[],
  from: string,
): string | null {
  let day = from;
  for (const r of pkg.requirements) {
    let first: string | null = null;
    for (const s of services)
      if (
        s.date >= from &&
        (first === null || s.date < first) &&
        (r.anyOf as readonly string[]).includes(s.type)
      )
        first = s.date;
    if (first === null) return null;
    if (first > day) day = first;
  }
  return day;
}
