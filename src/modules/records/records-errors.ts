import { GongweiError } from '../../domain/gongwei-error.js';
import type { Reason } from '../../domain/records/validation.js';

/** One refused item of a batch write: its position in the batch, the field and why. */
export interface ItemProblem {
  readonly index: number;
  readonly field: string;
  readonly reason: Reason;
}

/**
 * A batch write refused as a whole because some items are invalid or reference records
 * that do not exist (in the writer's scope). Nothing of the batch is stored (the caller's
 * transaction rolls back). Answers 400 `validation` with every problem as an issue whose
 * field is `items.<index>.<field>` (and `field` the first of them); a change to one
 * resident (a death, a move) names the field alone. The message names positions and fields only, never personal data.
 *
 * @example
 * throw new RecordsWriteError([{ index: 3, field: 'birthDate', reason: REASONS.date }]);
 * // issues: [{ field: 'items.3.birthDate', message: '日期不存在或格式错误… / not a valid date…' }]
 */
export class RecordsWriteError extends GongweiError {
  override readonly name: string = 'RecordsWriteError';
  constructor(
    readonly problems: readonly ItemProblem[],
    options: { readonly single?: boolean; readonly code?: 'validation' | 'forbidden' } = {},
  ) {
    const first = problems[0];
    const more = problems.length > 1 ? problems.length - 1 : 0;
    const text =
      first === undefined
        ? { zh: '拒绝写入', en: 'records write refused' }
        : {
            zh: `第${first.index + 1}条 ${first.field}：${first.reason.zh}${more > 0 ? `（另有${more}处）` : ''}`,
            en: `item ${first.index} ${first.field}: ${first.reason.en}${more > 0 ? ` (and ${more} more)` : ''}`,
          };
    const fieldOf = (p: ItemProblem): string => (options.single ? p.field : `items.${p.index}.${p.field}`);
    super(options.code ?? 'validation', text, {
      // The first problem's field, so that a client reading `field` alone learns where to look.
      ...(first !== undefined ? { field: fieldOf(first) } : {}),
      issues: problems.map((p) => ({ field: fieldOf(p), message: `${p.reason.zh} / ${p.reason.en}` })),
      message:
        first === undefined
          ? 'records write refused'
          : `第${first.index + 1}条 ${first.field}：${first.reason.zh} / item ${first.index} ${first.field}: ${first.reason.en}` +
            (more > 0 ? `（另有${more}处 / and ${more} more）` : ''),
    });
  }
}

/** Why an item is refused when it names an org or a record the writer's scope does not hold. */
export const OUTSIDE_SCOPE: Reason = { zh: '不在您的权限范围内', en: 'outside your scope' };

/**
 * A batch write refused as a whole (403 `forbidden`) because some items name a village, a
 * resident or an already stored record (record number, service) that lies outside the
 * writer's scope: nothing of the batch is stored, and nothing outside the scope is updated.
 * Issues name `items.<index>.<field>` as {@link RecordsWriteError} does.
 *
 * @example
 * throw new RecordsScopeError([{ index: 0, field: 'recordNo', reason: OUTSIDE_SCOPE }]);
 */
export class RecordsScopeError extends RecordsWriteError {
  override readonly name: string = 'RecordsScopeError';
  constructor(problems: readonly ItemProblem[], options: { readonly single?: boolean } = {}) {
    super(problems, { ...options, code: 'forbidden' });
  }
}

/** The record (resident, enrolment or service) a change names does not exist in the writer's scope: 404. */
export class RecordNotFoundError extends GongweiError {
  override readonly name = 'RecordNotFoundError';
  constructor(readonly what: Reason) {
    super('not_found', what);
  }
}
