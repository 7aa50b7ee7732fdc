import { GongweiError, type LocalizedText } from '../gongwei-error.js';

/** A message in Chinese first, with English beside it. */
export type Message = LocalizedText;

/** Where in a user's file or request the bad value is (1-based file row, column header). */
export interface InputLocation {
  /** 1-based row of the file as a spreadsheet shows it (the header is row 1). */
  readonly row?: number;
  /** Column header or field name as the user wrote it. */
  readonly column?: string;
}

/**
 * Bad input to the target rules: a missing column, text in a number cell, a negative count,
 * a deadline already passed, an org outside the caller's scope. A `bad_request` (400; the
 * org outside the scope: `forbidden`, 403) carrying the place and a `{ zh, en }`
 * reason; its message is one line naming the row and column. Never carries the value of a
 * personal field (names, phones), only where it is.
 *
 * @example
 * throw new PlanInputError({ zh: '不能为负数', en: 'must not be negative' }, { row: 3, column: '已完成' });
 * // message: "第3行「已完成」列：不能为负数 | row 3, column 已完成: must not be negative"
 * // field: "第3行「已完成」列"
 */
export class PlanInputError extends GongweiError {
  override readonly name = 'PlanInputError';

  /**
   * @param code `bad_request` (400) for a bad value; `forbidden` (403) for an org the
   *   caller's scope does not include, named at its place like any other bad value
   */
  constructor(
    readonly reason: Message,
    readonly location: InputLocation = {},
    code: 'bad_request' | 'forbidden' = 'bad_request',
  ) {
    const { zh, en } = placeOf(location);
    const field = fieldOf(location);
    super(
      code,
      { zh: `${zh}${reason.zh}`, en: `${en}${reason.en}` },
      {
        message: `${zh}${reason.zh} | ${en}${reason.en}`,
        ...(field === undefined ? {} : { field }),
      },
    );
  }
}

/** The place in front of the reason, in both languages ('' when nothing is known). */
function placeOf({ row, column }: InputLocation): Message {
  if (row !== undefined && column !== undefined)
    return { zh: `第${row}行「${column}」列：`, en: `row ${row}, column ${column}: ` };
  if (row !== undefined) return { zh: `第${row}行：`, en: `row ${row}: ` };
  if (column !== undefined) return { zh: `「${column}」：`, en: `${column}: ` };
  return { zh: '', en: '' };
}

/** The field of the error answer: the request field, or the file cell as a spreadsheet names it. */
function fieldOf({ row, column }: InputLocation): string | undefined {
  if (row === undefined) return column;
  return column === undefined ? `第${row}行` : `第${row}行「${column}」列`;
}
