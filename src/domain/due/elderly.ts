import { addMonths, laterOf } from './calendar.js';
import { servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/**
 * The annual health check-up of residents aged 65 and over (老年人健康管理): due 12 months
 * after the last one; from the 65th birthday when none has been given.
 */
export function elderlyCheckupDue(facts: DueFacts, asOf: string, p: DueParameters): DueWork | null {
  if (facts.birthDate === null) return null;
  const birthday = addMonths(facts.birthDate, p.elderlyAge * 12);
  if (birthday > asOf) return null;
  const last = servicesOf(facts, 'elderly_checkup')[0];
  if (last === undefined) return { dueDate: birthday, lastServiceDate: null, detail: null };
  return {
    dueDate: laterOf(addMonths(last.date, p.elderlyIntervalMonths), birthday),
    lastServiceDate: last.date,
    detail: null,
  };
}
