/**
 * A service type as one self-describing unit: what the event is called, which programme it
 * serves, what its payload holds (the zod schema every write path validates against) and
 * the import columns of that payload. Each type is one file of this folder; the list in
 * src/domain/service-types.ts registers them, and validation, the service key, the import
 * column mapping and docs/import.md derive from that list.
 */
import type { z } from 'zod';
import type { LocalizedText } from '../../gongwei-error.js';
import type { PayloadColumn } from '../../import/column-spec.js';
import type { Program } from '../../programs.js';

/** Row values of an import file, by field, before the payload is validated. */
export type ImportedValues = Readonly<Record<string, unknown>>;

/** A kind of service event, with its payload and how files name and fill it. */
export interface ServiceTypeDefinition<T extends string = string, S extends z.ZodObject = z.ZodObject> {
  /** The stored `services.type`. */
  readonly id: T;
  /** The name of the event, as the programme's record forms call it. */
  readonly name: LocalizedText;
  /**
   * What the 服务类型 column of an import file may say for this type (the id is accepted
   * too). The first is the short name the documentation uses.
   */
  readonly labels: readonly [string, ...string[]];
  /** The programme (重点人群) the service belongs to; null when it serves no key population. */
  readonly program: Program | null;
  /**
   * `resident`: a service to a person (a record number is required). `activity`: an event
   * of an org without a person (the org code is required), such as a health-education lecture.
   */
  readonly subject: 'resident' | 'activity';
  /** The payload: every write path validates it with this schema (defaults applied). */
  readonly payload: S;
  /** The import columns of the payload's fields, one per field of the schema. */
  readonly columns: readonly PayloadColumn[];
  /**
   * Payload values that tell apart several events of the type on one day (several vaccines
   * in one visit), appended to the service key when the source system gives no number.
   */
  keyDetail?(payload: z.output<S>): readonly (string | number)[];
  /**
   * Payload fields an import file may leave empty because the row's other values decide
   * them (控制满意 from this visit's reading): field → the value, or undefined when the row
   * does not decide it either.
   */
  readonly filledOnImport?: Readonly<Record<string, (values: ImportedValues) => unknown>>;
}

/**
 * Declares a service type (keeps the literal id and the payload schema's type).
 *
 * @example
 * export const tbFollowup = defineServiceType({
 *   id: 'tb_followup', name: { zh: '肺结核患者随访', en: 'TB patient follow-up' }, labels: ['肺结核随访'],
 *   program: 'tuberculosis', subject: 'resident', payload: z.object({ medicationRegular: z.boolean() }),
 *   columns: [payloadColumn({ field: 'medicationRegular', header: '规律服药', type: 'boolean', … })],
 * });
 */
export function defineServiceType<const T extends string, S extends z.ZodObject>(
  definition: ServiceTypeDefinition<T, S>,
): ServiceTypeDefinition<T, S> {
  return definition;
}
