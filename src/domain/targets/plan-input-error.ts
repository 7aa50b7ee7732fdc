/** A message in Chinese first, with English beside it. */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

/** Where in a user's file or request the bad value is (1-based file row, column header). */
export interface InputLocation {
  /** 1-based row of the file as a spreadsheet shows it (the header is row 1). */
  readonly row?: number;
  /** Column header or field name as the user wrote it. */
  readonly column?: string;
}

/**
 * Bad input to the target rules: a missing column, text in a number cell, a negative count,
 * a deadline already passed. Carries the place and a `{ zh, en }` reason; its message is one
 * line naming the row and column, and `statusCode` 400 makes the HTTP layer answer 400.
 * Never carries the value of a personal field (names, phones), only where it is.
 *
 * @example
 * throw new PlanInputError({ zh: '不能为负数', en: 'must not be negative' }, { row: 3, column: '已完成' });
 * // message: "第3行「已完成」列：不能为负数 | row 3, column 已完成: must not be negative"
 */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
  /** HTTP status the REST layer answers with. */
  readonly statusCode = 400;

  constructor(
    readonly reason: Message,
    readonly location: InputLocation = {},
  ) {
    super(formatMessage(reason, location));
  }
}

function formatMessage(reason: Message, { row, column }: InputLocation): string {
  const zhPlace =
    row !== undefined && column !== undefined
      ? `第${row}行「${column}」列：`
      : row !== undefined
        ? `第${row}行：`
        : column !== undefined
          ? `「${column}」：`
          : '';
  const enPlace =
    row !== undefined && column !== undefined
      ? `row ${row}, column ${column}: `
      : row !== undefined
        ? `row ${row}: `
        : column !== undefined
          ? `${column}: `
          : '';
  return `${zhPlace}${reason.zh} | ${enPlace}${reason.en}`;
}
