import type { Reason } from '../../domain/records/validation.js';

/** One refused item of a batch write: its position in the batch, the field and why. */
export interface ItemProblem {
  readonly index: number;
  readonly field: string;
  readonly reason: Reason;
}

/**
 * A batch write refused as a whole because some items are invalid or reference records
 * that do not exist. Nothing of the batch is stored (the caller's transaction rolls back).
 * The message names positions and fields only, never personal data.
 */
export class RecordsWriteError extends Error {
  override readonly name = 'RecordsWriteError';
  constructor(readonly problems: readonly ItemProblem[]) {
    const first = problems[0];
    super(
      first === undefined
        ? 'records write refused'
        : `第${first.index + 1}条 ${first.field}：${first.reason.zh} / item ${first.index} ${first.field}: ${first.reason.en}` +
            (problems.length > 1 ? `（另有${problems.length - 1}处 / and ${problems.length - 1} more）` : ''),
    );
  }
}

/** The record (resident, enrolment or service) a change names does not exist. */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  constructor(readonly what: Reason) {
    super(`${what.zh} / ${what.en}`);
  }
}
