/**
 * What a column of an import file is: its field, its Chinese header and the other headers
 * exports use, how its cells are read. The columns of residents, enrolments and population
 * are listed in columns.ts; the columns of service payloads are declared by each service
 * type (src/domain/records/service-types/), which is why this vocabulary stands alone.
 */
import type { LocalizedText } from '../gongwei-error.js';

/** How a column's cells are read. */
export type CellType =
  | 'text'
  | 'code'
  | 'phone'
  | 'date'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'sex'
  | 'program'
  | 'serviceType'
  | 'controlled'
  | 'adherence'
  | 'visitMode'
  | 'normalAbnormal'
  | 'mentalCondition'
  | 'tcmConstitution'
  | 'activityKind';

/** One column of an import file. */
export interface ImportColumn {
  /** English field name, also accepted as the header (`recordNo`, `record_no`). */
  readonly field: string;
  /** The Chinese header of the documented template. */
  readonly header: string;
  /** Other headers exports use for the same column. */
  readonly aliases: readonly string[];
  readonly type: CellType;
  /** Rows must fill it. */
  readonly required: boolean;
  /** Personal identifier: its value is masked in rejection reports. */
  readonly personal?: 'idNumber' | 'phone';
  readonly description: LocalizedText;
  readonly example: string;
}

/**
 * The column of a service payload field. Whether a row must fill it depends on the row's
 * service type and is read from that type's payload schema, so it is not declared here.
 */
export type PayloadColumn = Omit<ImportColumn, 'required'>;

/** A column as written in a table: aliases may be left out. */
type Draft<C extends { aliases: readonly string[] }> = Omit<C, 'aliases'> & { aliases?: readonly string[] };

/**
 * A column of an import file, with no other headers unless `aliases` says so.
 *
 * @example column({ field: 'name', header: '姓名', type: 'text', required: true, description: { zh: '居民姓名', en: 'name' }, example: '张三' })
 */
export function column(spec: Draft<ImportColumn>): ImportColumn {
  return { aliases: [], ...spec };
}

/**
 * The column of a service payload field.
 *
 * @example payloadColumn({ field: 'vaccine', header: '疫苗名称', aliases: ['疫苗'], type: 'text', description: { zh: '疫苗名称', en: 'vaccine' }, example: '乙肝疫苗' })
 */
export function payloadColumn(spec: Draft<PayloadColumn>): PayloadColumn {
  return { aliases: [], ...spec };
}
