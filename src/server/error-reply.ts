/**
 * The one place an error becomes an HTTP answer. Routes throw; they never build an error
 * body themselves. A {@link GongweiError} answers with its code's status and its text; a
 * schema validation failure answers 400 `validation` with every field, in Chinese (zod's
 * zh-CN locale) and English; Fastify's own
 * refusals (body too large, bad JSON, …) answer in our words; anything else is a bug and
 * answers 500 without detail, logged with personal data masked.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GongweiError, type LocalizedText } from '../domain/gongwei-error.js';
import { zodIssueText } from '../domain/zod-issue-text.js';
import { maskedPath, maskIdentifiers } from './log-masking.js';

/**
 * The body of every error answer, listed once in the OpenAPI document as `Error`.
 *
 * @example
 * api.get('/x', { schema: { response: { 200: Thing, 400: ErrorSchema, 404: ErrorSchema } } }, …)
 */
export const ErrorSchema = z
  .object({
    error: z.string().describe('stable code: bad_request, validation, not_found, forbidden, …'),
    message: z.string().describe('one line, Chinese / English'),
    zh: z.string().optional(),
    en: z.string().optional(),
    field: z.string().optional().describe('dotted path of the field to blame'),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

/** The JSON body of an error answer. */
export type ErrorBody = z.infer<typeof ErrorSchema>;

/** Our words for Fastify's own refusals; theirs are English only and some repeat the URL. */
function frameworkText(code: string, bodyLimit: number): LocalizedText | undefined {
  const mb = bodyLimit / 1024 / 1024;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { zh: `请求体过大（上限 ${mb} MB）`, en: `request body is too large (limit ${mb} MB)` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        zh: '不支持的内容类型，请发送 application/json',
        en: 'unsupported content type: send application/json',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { zh: '请求体长度与 Content-Length 不符', en: 'body size does not match Content-Length' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { zh: '请求体为空', en: 'request body is empty' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { zh: '请求体不是有效的 JSON', en: 'request body is not valid JSON' };
    case 'FST_ERR_BAD_URL':
      return { zh: '网址含有无法解析的字符', en: 'the URL has characters that cannot be decoded' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { zh: '网址中的参数过长', en: 'a parameter of the URL is too long' };
    default:
      return undefined;
  }
}

/** The answer body of a {@link GongweiError}. */
function errorBody(error: GongweiError): ErrorBody {
  return {
    error: error.code,
    message: error.message,
    zh: error.text.zh,
    en: error.text.en,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.issues.length === 0 ? {} : { issues: [...error.issues] }),
  };
}

/** Sends `error` as the answer. */
export function sendError(reply: FastifyReply, error: GongweiError): FastifyReply {
  return reply.status(error.status).send(errorBody(error));
}

/** Translates a Fastify refusal (raised before a route runs) into a {@link GongweiError}. */
export function fromFrameworkError(error: FastifyError, bodyLimit: number): GongweiError {
  const text = frameworkText(error.code, bodyLimit) ?? { zh: '请求无效', en: error.message };
  // Fastify's refusals keep their own statuses (413, 415, …); the code stays bad_request.
  return new GongweiError('bad_request', text, { status: error.statusCode ?? 400 });
}

/**
 * What answers a request no route serves, before the not-found error: the web UI's page for
 * its own addresses (src/server/web-ui.ts). Returns the reply it sent, or undefined to pass.
 */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

/**
 * Installs the error and not-found handlers on `app`.
 *
 * @param bodyLimit the body limit the app was built with, for the message that names it
 * @param pageFallback answers the web UI's addresses (any GET outside /api) with its page
 */
export function installErrorReplies(
  app: FastifyInstance,
  bodyLimit: number,
  pageFallback?: PageFallback,
): void {
  app.setNotFoundHandler(
    (request, reply) =>
      pageFallback?.(request, reply) ??
      sendError(
        reply,
        GongweiError.notFound({
          zh: `没有这个接口：${request.method} ${maskedPath(request.url)}`,
          en: `no such route: ${request.method} ${maskedPath(request.url)}`,
        }),
      ),
  );

  app.setErrorHandler((rawError, _request, reply) => {
    if (rawError instanceof GongweiError) return sendError(reply, rawError);
    if (hasZodFastifySchemaValidationErrors(rawError)) {
      const part = (rawError as { validationContext?: string }).validationContext ?? 'body';
      const issues = rawError.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || part,
        text: zodIssueText({ ...v.params, code: v.keyword, message: v.message ?? 'invalid' }),
      }));
      return sendError(reply, GongweiError.invalidFields(issues));
    }
    const error = rawError as FastifyError;
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status < 500 && typeof error.code === 'string' && frameworkText(error.code, bodyLimit) !== undefined)
      return sendError(reply, fromFrameworkError(error, bodyLimit));
    if (status < 500)
      return sendError(reply, new GongweiError('bad_request', splitText(error.message), { status }));
    // Database errors may quote the offending value.
    app.log.error(
      { err: { message: maskIdentifiers(error.message), stack: maskIdentifiers(error.stack ?? '') } },
      'request failed',
    );
    return reply.status(500).send({ error: 'internal', message: 'internal error' } satisfies ErrorBody);
  });
}

/** A client error raised outside a route (a content-type parser, a hook) with its status. */
export function clientError(status: number, text: LocalizedText, field?: string): GongweiError {
  return new GongweiError('bad_request', text, field === undefined ? { status } : { status, field });
}

/** `zh / en` text back into its halves (for errors of libraries that follow our convention). */
function splitText(message: string): LocalizedText {
  const at = message.indexOf(' / ');
  return at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + 3) };
}
