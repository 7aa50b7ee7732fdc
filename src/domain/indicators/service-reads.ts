/**
 * What the engine reads of services, derived from the term families' declarations
 * (src/domain/indicators/term-family.ts): which types, which hot columns, which payload
 * fields. The fact maintainer loads exactly this, and turns each loaded row into the
 * {@link ServiceFact} the rules see, keeping the declared payload fields only.
 */
import type { ServiceType } from '../service-types.js';
import type { PayloadKind, PayloadValue, ServiceColumn, ServiceFact, ServiceRead } from './term-family.js';

/** The union of what some families read of services. */
export interface ServiceReads {
  /** Some rule reads the date of every service, whatever its type: every type is loaded. */
  readonly everyType: boolean;
  /** The types some rule reads (all of them are loaded when `everyType`). */
  readonly types: readonly ServiceType[];
  /** The hot columns some rule reads. */
  readonly columns: readonly ServiceColumn[];
  /** Per type, the payload fields some rule reads and how; a type absent here has its payload left unread. */
  readonly payloadFields: ReadonlyMap<string, ReadonlyMap<string, PayloadKind>>;
}

/**
 * The union of the declarations of `families`.
 *
 * @example serviceReadsOf([TUBERCULOSIS_TERMS]).payloadFields.get('tb_followup') // Map { medicationRegular → 'boolean' }
 */
export function serviceReadsOf(
  families: readonly { readonly reads: readonly ServiceRead[]; readonly readsEveryServiceDate?: boolean }[],
): ServiceReads {
  const types = new Set<ServiceType>();
  const columns = new Set<ServiceColumn>();
  const payloadFields = new Map<string, Map<string, PayloadKind>>();
  let everyType = false;
  for (const family of families) {
    if (family.readsEveryServiceDate) everyType = true;
    for (const read of family.reads) {
      types.add(read.type);
      for (const column of read.columns ?? []) columns.add(column);
      for (const [field, kind] of Object.entries(read.payload ?? {}) as [string, PayloadKind][]) {
        let fields = payloadFields.get(read.type);
        if (!fields) payloadFields.set(read.type, (fields = new Map()));
        const declared = fields.get(field);
        if (declared !== undefined && declared !== kind)
          throw new Error(`payload field ${read.type}.${field} is read as ${declared} and as ${kind}`);
        fields.set(field, kind);
      }
    }
  }
  return { everyType, types: [...types].sort(), columns: [...columns].sort(), payloadFields };
}

/** A service row as the maintainer loads it: payload text only for the types whose payload is read. */
export interface LoadedService {
  readonly id: number;
  readonly residentId: number;
  readonly type: string;
  readonly date: string;
  readonly sbp: number | null;
  readonly dbp: number | null;
  readonly fastingGlucose: number | null;
  readonly controlled: number | null;
  readonly guidance: number | null;
  readonly payload: string | null;
}

const NO_PAYLOAD: Readonly<Record<string, PayloadValue>> = Object.freeze({});

/**
 * The declared fields of a stored payload, each of its declared kind (a value of another kind
 * is left out). Payloads are validated on write, so a payload that is not JSON reads as empty.
 */
export function payloadFields(
  text: string | null,
  fields: ReadonlyMap<string, PayloadKind> | undefined,
): Readonly<Record<string, PayloadValue>> {
  if (!text || !fields) return NO_PAYLOAD;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return NO_PAYLOAD;
  }
  if (parsed === null || typeof parsed !== 'object') return NO_PAYLOAD;
  const out: Record<string, PayloadValue> = {};
  for (const [field, kind] of fields) {
    const value = (parsed as Record<string, unknown>)[field];
    if (typeof value === kind) out[field] = value as PayloadValue;
  }
  return out;
}

function numberOrNull(value: number | null): number | null {
  // PostgreSQL returns numeric columns as text.
  return value === null ? null : Number(value);
}

/** The service a loaded row stands for, as the rules read it. */
export function serviceFact(row: LoadedService, reads: ServiceReads): ServiceFact {
  return {
    id: row.id,
    type: row.type,
    date: row.date,
    sbp: numberOrNull(row.sbp),
    dbp: numberOrNull(row.dbp),
    fastingGlucose: numberOrNull(row.fastingGlucose),
    controlled: numberOrNull(row.controlled),
    guidance: numberOrNull(row.guidance),
    payload: payloadFields(row.payload, reads.payloadFields.get(row.type)),
  };
}
