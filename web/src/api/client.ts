/**
 * The one way the UI talks to the server: openapi-fetch typed by `schema.d.ts`, which
 * `npm run api-schema` generates from the server's OpenAPI document. Writes carry the
 * session's CSRF token; a refusal becomes an `ApiError` with the server's {zh, en} message.
 *
 * @example
 * const rows = await answer(api.GET('/api/indicators', { params: { query: { org, period } } }));
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

let csrfToken: string | null = null;
let onSignedOut: () => void = () => {};

/** Keeps the session's CSRF token for the writes that follow (null after log-out). */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the server says the session is gone (401): show the log-in page. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/** The typed client of /api. */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://127.0.0.1' : window.location.origin,
});

api.use({
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD'].includes(request.method))
      request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/api/session')) onSignedOut();
    return response;
  },
});

/** The server's error answer (ErrorSchema of src/server/error-reply.ts). */
interface ErrorBody {
  readonly error?: string;
  readonly message?: string;
  readonly zh?: string;
  readonly en?: string;
  readonly field?: string;
  readonly issues?: readonly { field: string; message: string }[];
}

/** A refused or failed request, with the server's message in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: { readonly zh: string; readonly en: string },
    readonly field: string | null,
    readonly issues: readonly { field: string; message: string }[],
  ) {
    super(text.en);
    this.name = 'ApiError';
  }

  /** The message in the UI's language. */
  messageIn(language: string): string {
    return language === 'en' ? this.text.en : this.text.zh;
  }
}

function apiError(status: number, body: unknown): ApiError {
  const error = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const en = error.en ?? error.message ?? `request failed (${status})`;
  const zh = error.zh ?? error.message ?? `请求失败（${status}）`;
  return new ApiError(status, error.error ?? 'error', { zh, en }, error.field ?? null, error.issues ?? []);
}

/**
 * The answer of a request, or an `ApiError` thrown for any refusal.
 *
 * @example const session = await answer(api.GET('/api/session'));
 */
export async function answer<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok || error !== undefined) throw apiError(response.status, error);
  return data as T;
}

/** A file the server answers (Word, Excel, HTML), saved under the name it gives. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw apiError(response.status, await response.json().catch(() => ({})));
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * The JSON answer of an operation that can also answer a file (push plans with `format`):
 * asked with format=json, a text answer would mean the server sent a file instead.
 *
 * @example const plan = jsonOf(await answer(api.GET('/api/plans/push', { params })));
 */
export function jsonOf<T>(value: T | string): T {
  if (typeof value === 'string') throw new Error('expected a JSON answer, the server sent a file');
  return value;
}
