/**
 * How a route declares an answer that is a file (a .docx, .xlsx, .html or .csv download)
 * in its response schema, so that the OpenAPI document names the media types and a client
 * generated from it (the web UI's) knows to read a blob rather than JSON. A file is sent as
 * a Buffer or a string, which Fastify never runs through the serializer: the schema serves
 * the document only.
 */
import { z } from 'zod';

/** The kinds of file an answer may be. */
export type FileKind = 'docx' | 'xlsx' | 'html' | 'csv';

/** The media type of each kind of file, as the OpenAPI document lists it (no parameters). */
export const FILE_MEDIA_TYPES: Readonly<Record<FileKind, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
  csv: 'text/csv',
};

/** A file's bytes (Word, Excel) or text (HTML, CSV, UTF-8) in the document. */
function fileSchema(kind: FileKind): z.ZodString {
  return kind === 'docx' || kind === 'xlsx'
    ? z.string().meta({ format: 'binary', description: `.${kind} file` })
    : z.string().describe(`.${kind} file (UTF-8)`);
}

/** A response declared per media type, as fastify-type-provider-zod reads it. */
export interface ContentResponse {
  readonly description: string;
  readonly content: Record<string, { readonly schema: z.ZodType }>;
}

/**
 * The response of a route answering a file of one of `kinds`.
 *
 * @example
 * response: { 200: fileAnswer(['docx', 'html'], 'the archived bulletin'), 404: ErrorSchema }
 */
export function fileAnswer(kinds: readonly FileKind[], description: string): ContentResponse {
  const content: Record<string, { schema: z.ZodType }> = {};
  for (const kind of kinds) content[FILE_MEDIA_TYPES[kind]] = { schema: fileSchema(kind) };
  return { description, content };
}

/**
 * The response of a route answering JSON by default, or a file when the request asks for
 * one (a `format` parameter).
 *
 * @example
 * response: { 200: jsonOrFileAnswer(PushPlanSchema, ['csv', 'xlsx', 'docx'], 'format=json; csv, xlsx and docx answer the file') }
 */
export function jsonOrFileAnswer(
  json: z.ZodType,
  kinds: readonly FileKind[],
  description: string,
): ContentResponse {
  return {
    description,
    content: { 'application/json': { schema: json }, ...fileAnswer(kinds, description).content },
  };
}
