/**
 * Vaccination coverage (预防接种): managed children who received each reported vaccine up
 * to the period end (any dose, the vaccine named as source systems write it).
 */
import type { PersonTermFamily } from '../term-family.js';
import { VACCINES, vaccineOf } from '../vaccines.js';

/** The vaccination terms, one per reported vaccine. */
export const VACCINATION_TERMS: PersonTermFamily = {
  id: 'vaccination',
  terms: VACCINES.map((v) => `vaccination.${v.id}`),
  program: 'child',
  reads: [{ type: 'vaccination', payload: { vaccine: 'string' } }],
  membersAt(view, out) {
    if (!view.enrolled('child')) return;
    const vaccinated = new Set<string | null>();
    for (const s of view.upToEnd('vaccination')) {
      const name = s.payload.vaccine;
      vaccinated.add(vaccineOf(typeof name === 'string' ? name : null));
    }
    for (const v of VACCINES) if (vaccinated.has(v.id)) out.push(`vaccination.${v.id}`);
  },
};
