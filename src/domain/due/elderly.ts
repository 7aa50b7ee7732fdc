import { addMonths, laterOf } from './calendar.js';
import { servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/**
 * The annual health check-up of residents aged 65 and over (老年人健康管理): due 12 months
 * after the last one; from the 65th birthday when none has been given. The check-up is a
 * service of the year (the check-up rate counts those of the year), so one missed in an
 * earlier year is not owed any more: the due date is never before 1 January of `asOf`'s
 * year, and an 87-year-old never checked up is overdue since New Year, not since 1997.
 */
export function elderlyCheckupDue(facts: DueFacts, asOf: string, p: DueParameters): DueWork | null {
  if (facts.birthDate === null) return null;
  const birthday = addMonths(facts.birthDate, p.elderlyAge * 12);
  if (birthday > asOf) return null;
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const last = servicesOf(facts, 'elderly_checkup')[0];
  if (last === undefined)
    return { dueDate: laterOf(birthday, yearStart), lastServiceDate: null, detail: null };
  return {
    dueDate: laterOf(laterOf(addMonths(last.date, p.elderlyIntervalMonths), birthday), yearStart),
    lastServiceDate: last.date,
    detail: null,
  };
}
