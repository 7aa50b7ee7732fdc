import { addDays, addMonths } from './calendar.js';
import { servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/**
 * The newborn home visit (新生儿家庭访视), due 7 days after birth, listed through the newborn
 * period (28 days) while none has been given.
 */
export function newbornVisitDue(facts: DueFacts, asOf: string, p: DueParameters): DueWork | null {
  if (facts.birthDate === null || facts.birthDate > asOf) return null;
  if (addDays(facts.birthDate, p.newbornPeriodDays) < asOf) return null;
  if (servicesOf(facts, 'newborn_visit').length > 0) return null;
  return { dueDate: addDays(facts.birthDate, p.newbornVisitDays), lastServiceDate: null, detail: null };
}

/**
 * The scheduled child health check (儿童健康检查) at 1, 3, 6, 8, 12, 18, 24, 30, 36 months and
 * 4, 5, 6 years: the latest scheduled age reached by `asOf + windowDays` is due unless a check
 * was given on or after 14 days before it. A missed earlier age is not listed: the next
 * check replaces it.
 */
export function childVisitDue(
  facts: DueFacts,
  asOf: string,
  windowDays: number,
  p: DueParameters,
): DueWork | null {
  const birth = facts.birthDate;
  if (birth === null || birth > asOf) return null;
  const horizon = addDays(asOf, windowDays);
  const lastMonths = p.childVisitMonths[p.childVisitMonths.length - 1] ?? 0;
  // After the last scheduled age has passed by a year, the child has left the programme.
  if (addMonths(birth, lastMonths + 12) <= asOf) return null;
  const reached = p.childVisitMonths.filter((m) => addMonths(birth, m) <= horizon);
  const months = reached[reached.length - 1];
  if (months === undefined) return null;
  const dueDate = addMonths(birth, months);
  const last = servicesOf(facts, 'child_visit')[0] ?? servicesOf(facts, 'newborn_visit')[0];
  if (last !== undefined && last.date >= addDays(dueDate, -p.childVisitEarlyDays)) return null;
  return {
    dueDate,
    lastServiceDate: last?.date ?? null,
    detail:
      months < 48
        ? { zh: `${months}月龄`, en: `${months} months` }
        : { zh: `${months / 12}岁`, en: `${months / 12} years` },
  };
}
