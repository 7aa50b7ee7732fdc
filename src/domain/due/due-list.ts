/**
 * The due list (随访提醒): which services of the national basic public health service
 * specification a resident is due or overdue for on a date. One rule per service in
 * {@link DUE_RULES}; the `Record` type makes the compiler keep it complete over
 * {@link DUE_SERVICES}.
 */
import { daysBetween, addDays } from './calendar.js';
import { childVisitDue, newbornVisitDue } from './child.js';
import { chronicFollowupDue } from './chronic.js';
import type { DueFacts, DueWork } from './due-facts.js';
import { elderlyCheckupDue } from './elderly.js';
import { postpartum42dDue, postpartumVisitDue } from './maternal.js';
import { mentalFollowupDue } from './mental.js';
import { DEFAULT_DUE_PARAMETERS, type DueParameters } from './parameters.js';
import { tbFollowupDue } from './tuberculosis.js';
import { vaccinationDue } from './vaccination.js';

/** The services a due list covers (each a `services.type`). */
export const DUE_SERVICES = [
  'hypertension_followup',
  'diabetes_followup',
  'elderly_checkup',
  'postpartum_visit',
  'postpartum_42d',
  'newborn_visit',
  'child_visit',
  'vaccination',
  'tb_followup',
  'mental_followup',
] as const;

/** A service a due list covers. */
export type DueService = (typeof DUE_SERVICES)[number];

/** True when `value` names a service of the due list. */
export function isDueService(value: string): value is DueService {
  return (DUE_SERVICES as readonly string[]).includes(value);
}

type DueRule = (facts: DueFacts, asOf: string, windowDays: number, p: DueParameters) => DueWork | null;

/** The rule of each service. */
export const DUE_RULES: Readonly<Record<DueService, DueRule>> = {
  hypertension_followup: (f, asOf, _w, p) => chronicFollowupDue('hypertension', f, asOf, p),
  diabetes_followup: (f, asOf, _w, p) => chronicFollowupDue('diabetes', f, asOf, p),
  elderly_checkup: (f, asOf, _w, p) => elderlyCheckupDue(f, asOf, p),
  postpartum_visit: (f, asOf, _w, p) => postpartumVisitDue(f, asOf, p),
  postpartum_42d: (f, asOf, _w, p) => postpartum42dDue(f, asOf, p),
  newborn_visit: (f, asOf, _w, p) => newbornVisitDue(f, asOf, p),
  child_visit: (f, asOf, w, p) => childVisitDue(f, asOf, w, p),
  vaccination: (f, asOf, w, p) => vaccinationDue(f, asOf, w, p),
  tb_followup: (f, asOf, _w, p) => tbFollowupDue(f, asOf, p),
  mental_followup: (f, asOf, _w, p) => mentalFollowupDue(f, asOf, p),
};

/** Names of the services as the list shows them. */
export const DUE_SERVICE_NAMES: Readonly<Record<DueService, { zh: string; en: string }>> = {
  hypertension_followup: { zh: '高血压患者随访', en: 'Hypertension follow-up' },
  diabetes_followup: { zh: '2型糖尿病患者随访', en: 'Type 2 diabetes follow-up' },
  elderly_checkup: { zh: '老年人健康体检', en: 'Elderly annual check-up' },
  postpartum_visit: { zh: '产后访视', en: 'Postpartum home visit' },
  postpartum_42d: { zh: '产后42天健康检查', en: '42-day postpartum check' },
  newborn_visit: { zh: '新生儿家庭访视', en: 'Newborn home visit' },
  child_visit: { zh: '儿童健康检查', en: 'Child health check' },
  vaccination: { zh: '预防接种', en: 'Vaccination' },
  tb_followup: { zh: '肺结核患者随访', en: 'Tuberculosis follow-up' },
  mental_followup: { zh: '严重精神障碍患者随访', en: 'Severe mental disorder follow-up' },
};

/** What the caller asks: as of when, which services, how far ahead. */
export interface DueQuery {
  readonly asOf: string;
  /** Services to list; all when empty. */
  readonly services: readonly DueService[];
  /** Also list work due within this many days after `asOf` (0: due or overdue only). */
  readonly windowDays: number;
  readonly parameters?: DueParameters;
}

/** One row of a due list for one resident. */
export interface DueItem extends DueWork {
  readonly service: DueService;
  /** Days past the due date on `asOf`; negative: due in that many days. */
  readonly daysOverdue: number;
}

/**
 * The due work of one resident on `query.asOf`, each item due by `asOf + windowDays`.
 *
 * @example
 * dueItemsOf(facts, { asOf: '2020-06-30', services: [], windowDays: 14 })
 */
export function dueItemsOf(facts: DueFacts, query: DueQuery): DueItem[] {
  const p = query.parameters ?? DEFAULT_DUE_PARAMETERS;
  const services = query.services.length === 0 ? DUE_SERVICES : query.services;
  const horizon = addDays(query.asOf, query.windowDays);
  const items: DueItem[] = [];
  for (const service of services) {
    const work = DUE_RULES[service](facts, query.asOf, query.windowDays, p);
    if (work === null || work.dueDate > horizon) continue;
    items.push({ ...work, service, daysOverdue: daysBetween(work.dueDate, query.asOf) });
  }
  return items;
}

/** Most overdue first, then by service order, then by `tie` (a record number). */
export function byUrgency<T extends DueItem & { readonly tie: string }>(a: T, b: T): number {
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  const s = DUE_SERVICES.indexOf(a.service) - DUE_SERVICES.indexOf(b.service);
  if (s !== 0) return s;
  return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0;
}
