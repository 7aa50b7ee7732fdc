/**
 * The one error type of Gongwei. Every failure a user (or a calling system) caused or can
 * fix is a `GongweiError`: a stable code, the HTTP status that code answers with, a
 * message in Chinese and English, and — where one value is to blame — the path of the
 * field. The HTTP layer answers it in one place (src/server/error-reply.ts), the CLI prints
 * it in one place (src/cli/print-error.ts); routes and commands only translate.
 *
 * Anything else that escapes a use-case is a bug: HTTP answers 500 without detail, the CLI
 * prints one line.
 *
 * Messages never carry personal data (ID numbers, phones, names): they say where the bad
 * value is, not what it was.
 */

/** Text shown to a user: Simplified Chinese first, English beside it. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** Stable error codes, the `error` field of every HTTP error answer. */
export const ERROR_STATUS = {
  /** A parameter or body the caller got wrong (bad period, unknown indicator, …). */
  bad_request: 400,
  /** The request failed schema validation; `issues` lists every field. */
  validation: 400,
  /** No session or token. */
  unauthorized: 401,
  /** Outside the caller's scope or rights. */
  forbidden: 403,
  /** The named org, record, finding, bulletin, … does not exist (in the caller's scope). */
  not_found: 404,
  /** The request is valid but contradicts the stored state (already merged, closed, …). */
  conflict: 409,
  /** The request is valid but there is nothing to produce from it (an empty bulletin, …). */
  unprocessable: 422,
  /** Too many requests from this client; retry later. */
  too_many_requests: 429,
  /** A bug; the answer carries no detail. */
  internal: 500,
  /** Busy: retry after the time the answer names. */
  unavailable: 503,
} as const;

/** One of the stable error codes. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem among several (a schema validation, the rows of a batch). */
export interface ErrorIssue {
  /** Dotted path of the field (`items.3.sbp`), or the part of the request (`query`). */
  readonly field: string;
  /** `zh / en`, as the error's own message. */
  readonly message: string;
}

/** Options of a {@link GongweiError}. */
export interface GongweiErrorOptions {
  /** Dotted path of the field to blame (`period`, `items.3.serviceDate`, `第3行「已完成」列`). */
  readonly field?: string;
  /** Every problem, when there are several. */
  readonly issues?: readonly ErrorIssue[];
  /** The one-line message, when the default `zh / en` form does not fit (e.g. a file row). */
  readonly message?: string;
  /** The error this one translates. */
  readonly cause?: unknown;
  /** HTTP status when it is not the code's own (Fastify's 413 and 415 stay as they are). */
  readonly status?: number;
}

/**
 * A failure with a stable code, its HTTP status, a `{ zh, en }` text and the field to blame.
 * Subclass it for errors that carry more (a plan file's row and column); throw it as it is
 * otherwise, usually through one of the static constructors.
 *
 * @example
 * throw GongweiError.badRequest({ zh: '不认识的周期', en: 'unknown period' }, 'period');
 * // message: "period：不认识的周期 / period: unknown period", HTTP 400 {error:'bad_request', field:'period', …}
 */
export class GongweiError extends Error {
  override readonly name: string = 'GongweiError';
  readonly field: string | undefined;
  readonly issues: readonly ErrorIssue[];
  /** The HTTP status this error answers with: its code's, unless the options said otherwise. */
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly text: LocalizedText,
    options: GongweiErrorOptions = {},
  ) {
    super(options.message ?? formatMessage(text, options.field), { cause: options.cause });
    this.field = options.field;
    this.issues = options.issues ?? [];
    this.status = options.status ?? ERROR_STATUS[code];
  }

  /** A parameter or body the caller got wrong: 400. */
  static badRequest(text: LocalizedText, field?: string): GongweiError {
    return new GongweiError('bad_request', text, field === undefined ? {} : { field });
  }

  /** Something named does not exist (or not in the caller's scope): 404. */
  static notFound(text: LocalizedText, field?: string): GongweiError {
    return new GongweiError('not_found', text, field === undefined ? {} : { field });
  }

  /** Valid, but contradicts the stored state: 409. */
  static conflict(text: LocalizedText, field?: string): GongweiError {
    return new GongweiError('conflict', text, field === undefined ? {} : { field });
  }

  /** Valid, but nothing can be produced from it: 422. */
  static unprocessable(text: LocalizedText, field?: string): GongweiError {
    return new GongweiError('unprocessable', text, field === undefined ? {} : { field });
  }

  /** Outside the caller's scope or rights: 403. */
  static forbidden(text: LocalizedText, field?: string): GongweiError {
    return new GongweiError('forbidden', text, field === undefined ? {} : { field });
  }

  /**
   * Several fields failed validation, each with its text in both languages: 400 with every
   * issue (`zh / en`).
   *
   * @example GongweiError.invalidFields([{ field: 'items.0.name', text: { zh: '必填项为空', en: 'required' } }])
   */
  static invalidFields(issues: readonly { field: string; text: LocalizedText }[]): GongweiError {
    return new GongweiError(
      'validation',
      {
        zh: issues.map((i) => `${i.field}：${i.text.zh}`).join('；'),
        en: issues.map((i) => `${i.field}: ${i.text.en}`).join('; '),
      },
      {
        issues: issues.map((i) => ({ field: i.field, message: `${i.text.zh} / ${i.text.en}` })),
        message: issues.map((i) => `${i.field}：${i.text.zh} / ${i.field}: ${i.text.en}`).join('; '),
      },
    );
  }

  /** Several fields failed validation: 400 with every issue. */
  static validation(issues: readonly ErrorIssue[]): GongweiError {
    const text = {
      zh: issues.map((i) => `${i.field}：${i.message}`).join('；'),
      en: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    };
    return new GongweiError('validation', text, {
      issues,
      message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    });
  }
}

/** The one-line `zh / en` form, with the field in front when there is one. */
function formatMessage(text: LocalizedText, field: string | undefined): string {
  return field === undefined ? `${text.zh} / ${text.en}` : `${field}：${text.zh} / ${field}: ${text.en}`;
}
