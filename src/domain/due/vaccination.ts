import { vaccineOf, VACCINES } from '../indicators/vaccines.js';
import { addDays, addMonths, laterOf } from './calendar.js';
import { servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/**
 * Vaccinations due by the national immunisation schedule, one row per child: for each
 * vaccine the next dose after those recorded is due at its age, and not before 28 days after
 * the previous dose. The row shows the earliest dose due (by `asOf + windowDays`) and how
 * many more are due with it. Children aged 7 and over are not listed.
 */
export function vaccinationDue(
  facts: DueFacts,
  asOf: string,
  windowDays: number,
  p: DueParameters,
): DueWork | null {
  const birth = facts.birthDate;
  if (birth === null || birth > asOf || addMonths(birth, 84) <= asOf) return null;
  const horizon = addDays(asOf, windowDays);
  const given = servicesOf(facts, 'vaccination');
  const due: { date: string; vaccine: string; dose: number }[] = [];
  for (const vaccine of new Set(p.vaccineDoses.map((d) => d.vaccine))) {
    const doses = given.filter(
      (s) => vaccineOf(typeof s.payload.vaccine === 'string' ? s.payload.vaccine : null) === vaccine,
    );
    const count = Math.max(
      doses.length,
      ...doses.map((s) => (typeof s.payload.dose === 'number' ? s.payload.dose : 0)),
    );
    const next = p.vaccineDoses.find((d) => d.vaccine === vaccine && d.dose === count + 1);
    if (next === undefined) continue;
    const byAge = addMonths(birth, next.ageMonths);
    const lastDose = doses[0]?.date;
    const date = lastDose === undefined ? byAge : laterOf(byAge, addDays(lastDose, p.vaccineMinIntervalDays));
    if (date <= horizon) due.push({ date, vaccine, dose: next.dose });
  }
  if (due.length === 0) return null;
  due.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.vaccine < b.vaccine ? -1 : 1));
  const first = due[0]!;
  const name = VACCINES.find((v) => v.id === first.vaccine)!.name;
  const more = due.length - 1;
  return {
    dueDate: first.date,
    lastServiceDate: given[0]?.date ?? null,
    detail: {
      zh: `${name.zh}第${first.dose}剂${more > 0 ? `等${due.length}剂` : ''}`,
      en: `${name.en} dose ${first.dose}${more > 0 ? ` and ${more} more` : ''}`,
    },
  };
}
