import type { DemoPlan } from './village-plan.js';
import { VillageRecordGenerator, type PlantedProblems, type VillageRecords } from './village-records.js';

/** Records of consecutive villages, to be written in one transaction. */
export interface DemoBatch extends VillageRecords {
  /** Villages generated so far, this batch included. */
  readonly villagesDone: number;
}

/**
 * The records of the planned city in batches of whole villages holding at least
 * `residentsPerBatch` residents (the last one may hold fewer), so that a city is streamed
 * without holding it in memory. `planted` is filled as the batches are consumed.
 *
 * @example for (const batch of demoBatches(plan, 10_000)) await write(batch);
 */
export function* demoBatches(
  plan: DemoPlan,
  residentsPerBatch: number,
  planted?: (totals: PlantedProblems) => void,
): Generator<DemoBatch> {
  const generator = new VillageRecordGenerator(plan.seed);
  let batch: VillageRecords = { residents: [], enrollments: [], services: [] };
  let done = 0;
  for (const village of plan.villages) {
    const records = generator.generate(village);
    done += 1;
    for (const row of records.residents) batch.residents.push(row);
    for (const row of records.enrollments) batch.enrollments.push(row);
    for (const row of records.services) batch.services.push(row);
    if (batch.residents.length >= residentsPerBatch) {
      yield { ...batch, villagesDone: done };
      batch = { residents: [], enrollments: [], services: [] };
    }
  }
  if (batch.residents.length > 0 || batch.services.length > 0) yield { ...batch, villagesDone: done };
  planted?.(generator.planted);
}
