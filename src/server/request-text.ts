/**
 * What the server accepts as text before a route sees it: JSON bodies in UTF-8 only, and
 * no text a database cannot store as sent (a NUL character, which PostgreSQL refuses, or a
 * lone UTF-16 surrogate, which is not Unicode) in the path, the query or the body. Both
 * answer 4xx naming what is wrong, so a route never meets such text.
 */
import type { FastifyInstance } from 'fastify';
import { clientError } from './error-reply.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The first text in `value` that a database cannot store as sent: a NUL character
 * (PostgreSQL refuses it) or a lone UTF-16 surrogate (not Unicode). Returns its field path.
 */
function unstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || /\p{Cs}/u.test(value) ? path : null;
  // Bytes (an uploaded file, src/modules/import/routes.ts) are not text: their reader decides.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    const found = unstorableText(key, here) ?? unstorableText(item, here);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Installs the text checks on `app`: the UTF-8 JSON parser (415 for another charset, 400
 * for bytes that are not UTF-8) and the hook refusing unstorable text (400 naming the field).
 *
 * @example
 * const app = Fastify();
 * installRequestTextChecks(app); // before the routes are registered
 */
export function installRequestTextChecks(app: FastifyInstance): void {
  // JSON bodies must be UTF-8: a GBK body would otherwise be stored as U+FFFD silently.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset))
      return done(
        clientError(415, {
          zh: `只接受 UTF-8 编码，不接受 ${charset.slice(0, 20)}`,
          en: `only UTF-8 is accepted, not ${charset.slice(0, 20)}`,
        }),
      );
    let text: string;
    try {
      text = STRICT_UTF8.decode(body as Buffer);
    } catch {
      return done(
        clientError(400, { zh: '请求体不是有效的 UTF-8 编码', en: 'request body is not valid UTF-8' }),
      );
    }
    return parseJson(request, text, done);
  });

  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const field = unstorableText(value, '');
      if (field !== null)
        throw clientError(
          400,
          { zh: '含有 NUL 字符或无效的 Unicode', en: 'contains a NUL character or invalid Unicode' },
          field || part,
        );
    }
  });
}
