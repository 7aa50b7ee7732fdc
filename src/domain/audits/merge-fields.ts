/**
 * Field-level precedence when the records of a duplicate set are merged into one.
 */

/** The resident fields a merge chooses a value for, record by record. */
export const MERGEABLE_FIELDS = [
  'id_number',
  'name',
  'sex',
  'birth_date',
  'ethnicity',
  'org_code',
  'phone',
  'contact_name',
  'contact_phone',
  'death_date',
  'moved_out_date',
] as const;

/** A resident field a merge chooses a value for. */
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];

/** One record of a duplicate set, as the merge reads it. */
export interface MergeRecord {
  readonly id: number;
  readonly recordNo: string;
  readonly fields: Readonly<Record<MergeableField, string | null>>;
  readonly electronic: number;
  readonly recordCreated: string;
  readonly recordUpdated: string | null;
}

/** The merged record: a value for every field and the record each came from. */
export interface MergedRecord {
  readonly fields: Record<MergeableField, string | null>;
  /** Record number each field's value came from (null: no record had a value). */
  readonly sources: Record<MergeableField, string | null>;
  readonly electronic: number;
  /** The earliest creation: the person has had a record since then. */
  readonly recordCreated: string;
  /** The latest update (or creation) of any merged record. */
  readonly recordUpdated: string | null;
}

/** A merge request that cannot be done; the message names the field or record. */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/** True when `value` names a mergeable field. */
export function isMergeableField(value: string): value is MergeableField {
  return (MERGEABLE_FIELDS as readonly string[]).includes(value);
}

const freshness = (r: MergeRecord): string => r.recordUpdated ?? r.recordCreated;

/**
 * Chooses every field of the merged record: by default the newest non-empty value (records
 * ordered by last update, then creation, then id), or for a field named in `prefer` the value
 * of the record given there (even an empty one: the user chose it).
 *
 * @example mergeRecords(records, { phone: '62088110020100007' }).sources.phone // '62088110020100007'
 */
export function mergeRecords(
  records: readonly MergeRecord[],
  prefer: Readonly<Partial<Record<string, string>>> = {},
): MergedRecord {
  if (records.length < 2) throw new MergeError('a merge needs at least two records');
  const byRecordNo = new Map(records.map((r) => [r.recordNo, r]));
  for (const [field, recordNo] of Object.entries(prefer)) {
    if (!isMergeableField(field))
      throw new MergeError(`--prefer ${field}: not a mergeable field (${MERGEABLE_FIELDS.join(', ')})`);
    if (recordNo === undefined || !byRecordNo.has(recordNo))
      throw new MergeError(`--prefer ${field}=${recordNo ?? ''}: that record is not in the duplicate set`);
  }
  const newestFirst = [...records].sort((a, b) => {
    const fa = freshness(a);
    const fb = freshness(b);
    if (fa !== fb) return fa < fb ? 1 : -1;
    return b.id - a.id;
  });
  const fields = {} as Record<MergeableField, string | null>;
  const sources = {} as Record<MergeableField, string | null>;
  for (const field of MERGEABLE_FIELDS) {
    const chosen = prefer[field];
    if (chosen !== undefined) {
      fields[field] = byRecordNo.get(chosen)!.fields[field];
      sources[field] = chosen;
      continue;
    }
    const from = newestFirst.find((r) => {
      const v = r.fields[field];
      return v !== null && v.trim() !== '';
    });
    fields[field] = from ? from.fields[field] : null;
    sources[field] = from ? from.recordNo : null;
  }
  const created = records.map((r) => r.recordCreated).sort()[0]!;
  const updated = records.map(freshness).sort().at(-1) ?? null;
  return {
    fields,
    sources,
    electronic: records.some((r) => r.electronic === 1) ? 1 : 0,
    recordCreated: created,
    recordUpdated: updated,
  };
}
