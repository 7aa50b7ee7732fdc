/**
 * REST routes of the import (DESIGN C2, docs/import.md): the same CSV or .xlsx files the
 * command line imports, sent as the raw body (`application/octet-stream`, the file name and
 * the kind in the query), first checked (nothing stored, the report says what landing would
 * do), then landed (the valid rows, in one transaction), and the refused rows as a CSV file.
 * Every route imports into the caller's scope: a row naming a village or a resident outside
 * it, or updating a record stored outside it, is refused with its row and column.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { IMPORT_KINDS, type ImportKind } from '../../domain/import/columns.js';
import type { ImportReport } from '../../domain/import/import-report.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { fileAnswer } from '../../server/file-answers.js';
import { importFile } from './import-file.js';

/** The most rejections one answer lists; the rejected-rows file holds them all. */
export const MAX_LISTED_REJECTIONS = 1000;

const EXTENSIONS = new Set(['.csv', '.txt', '.xlsx']);

const ImportQuery = z.object({
  kind: z.enum(IMPORT_KINDS).describe('what the file holds: residents | enrollments | services | population'),
  file: z
    .string()
    .min(1)
    .max(200)
    .describe('the file name as the user chose it; .csv (UTF-8 or GBK) or .xlsx decides how it is read'),
});

const FileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), 'send the file as application/octet-stream')
  .describe('the bytes of the .csv or .xlsx file');

const ReasonSchema = z.object({ zh: z.string(), en: z.string() });

const ImportReportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    file: z.string().describe('the file name sent'),
    encoding: z.string().describe('utf-8, gbk or xlsx'),
    rowsRead: z.number().int().describe('non-blank data rows (the header not counted)'),
    valid: z.number().int(),
    inserted: z.number().int().describe('a check: what landing would insert'),
    updated: z.number().int().describe('a check: what landing would update'),
    rejected: z.number().int().describe('rows refused'),
    landed: z.boolean().describe('true when the valid rows were stored'),
    rejections: z
      .array(
        z.object({
          row: z.number().int().describe('as Excel shows it (the header is row 1)'),
          column: z.string(),
          field: z.string(),
          value: z.string().describe('ID numbers and phones masked'),
          reason: ReasonSchema,
        }),
      )
      .describe(`every problem of the refused rows in file order, at most ${MAX_LISTED_REJECTIONS}`),
    rejectionsListed: z.boolean().describe('false when more problems were found than listed'),
    ignoredColumns: z.array(z.string()),
    titleRows: z
      .array(z.number().int())
      .describe('rows above the header and a second header row, left unread'),
    totalRows: z.array(z.number().int()).describe('total rows (合计, 总计 …) among the data, left unread'),
  })
  .describe('What an import did, or would do (docs/import.md)');

type ReportAnswer = z.infer<typeof ImportReportSchema>;

function answerOf(report: ImportReport, fileName: string): ReportAnswer {
  return {
    kind: report.kind,
    file: fileName,
    encoding: report.encoding,
    rowsRead: report.rowsRead,
    valid: report.valid,
    inserted: report.inserted,
    updated: report.updated,
    rejected: report.rejected,
    landed: report.landed,
    rejections: report.rejections.slice(0, MAX_LISTED_REJECTIONS).map((r) => ({
      row: r.row,
      column: r.column,
      field: r.field,
      value: r.value,
      reason: { zh: r.reason.zh, en: r.reason.en },
    })),
    rejectionsListed: report.rejections.length <= MAX_LISTED_REJECTIONS,
    ignoredColumns: [...report.ignoredColumns],
    titleRows: [...report.titleRows],
    totalRows: [...report.totalRows],
  };
}

/**
 * The upload as the import reads files: written to a folder of its own, removed afterwards;
 * only .csv, .txt and .xlsx (by the user's file name), never empty. The contract import
 * reads its uploads through it too.
 */
export async function withUploadedFile<T>(
  body: Buffer,
  fileName: string,
  use: (path: string, folder: string) => Promise<T>,
): Promise<T> {
  const extension = extname(fileName).toLowerCase();
  if (!EXTENSIONS.has(extension))
    throw GongweiError.badRequest(
      {
        zh: '只能导入 .csv 或 .xlsx 文件（.xls 请另存为 .xlsx）',
        en: 'only .csv and .xlsx files can be imported (save .xls as .xlsx)',
      },
      'file',
    );
  if (body.length === 0) throw GongweiError.badRequest({ zh: '文件为空', en: 'the file is empty' }, 'body');
  const folder = await mkdtemp(join(tmpdir(), 'gongwei-upload-'));
  try {
    // The user's file name is never a path here: only its extension is kept.
    const path = join(folder, `upload${extension}`);
    await writeFile(path, body);
    return await use(path, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

interface ImportRequest {
  readonly query: z.infer<typeof ImportQuery>;
  readonly body: Buffer;
}

function noteImport(request: FastifyRequest, action: string, kind: ImportKind, report: ImportReport): void {
  // The file name may hold a person's name: the trail gets the kind and the counts only.
  noteAccess(request, { action, objectType: 'import', objectId: kind, rowCount: report.rowsRead });
}

/** The name of the rejected-rows file of an upload: `<name>.rejected.csv`. */
export function rejectsFileName(fileName: string): string {
  return `${fileName}.rejected.csv`;
}

/**
 * Registers POST /api/import/check, /api/import/land and /api/import/rejected (permission
 * `records.write`). The body is the file itself (`application/octet-stream`, within the
 * server's body limit of 20 MB).
 */
export async function registerImportRoutes(app: FastifyInstance, db: Db): Promise<void> {
  // Encapsulated: only these routes read raw bytes.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    const api = scoped.withTypeProvider<ZodTypeProvider>();
    const schema = (summary: string, description: string) => ({
      tags: ['import'],
      summary,
      description,
      consumes: ['application/octet-stream'],
      querystring: ImportQuery,
      body: FileBody,
    });
    const errors = { 400: ErrorSchema, 403: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema };

    api.post(
      '/import/check',
      {
        config: { access: 'records.write' },
        schema: {
          ...schema(
            'Check an import file: the report, nothing stored | 导入预检',
            'Reads and validates every row as the import would and answers its report: rows read, ' +
              'what landing the valid rows would insert and update, and each refused row with its ' +
              'row number, column, value (ID numbers and phones masked) and reason. Nothing is stored.',
          ),
          response: { 200: ImportReportSchema, ...errors },
        },
      },
      async (request) => {
        const { query, body } = request as unknown as ImportRequest;
        const report = await withUploadedFile(body, query.file, (path, folder) =>
          importFile(db, callerScope(request), query.kind, path, {
            dryRun: true,
            rejectsPath: join(folder, 'rejected.csv'),
          }),
        );
        noteImport(request, 'import.check', query.kind, report);
        return answerOf(report, query.file);
      },
    );

    api.post(
      '/import/land',
      {
        config: { access: 'records.write' },
        schema: {
          ...schema(
            'Land the valid rows of an import file | 导入有效行',
            'Stores the valid rows in one transaction (the refused ones are reported, not stored); ' +
              'the same as `gongwei import <kind> <file> --accept-valid`.',
          ),
          response: { 200: ImportReportSchema, ...errors },
        },
      },
      async (request) => {
        const { query, body } = request as unknown as ImportRequest;
        const report = await withUploadedFile(body, query.file, (path, folder) =>
          importFile(db, callerScope(request), query.kind, path, {
            acceptValid: true,
            rejectsPath: join(folder, 'rejected.csv'),
          }),
        );
        noteImport(request, 'import.land', query.kind, report);
        return answerOf(report, query.file);
      },
    );

    api.post(
      '/import/rejected',
      {
        config: { access: 'records.write' },
        schema: {
          ...schema(
            'The refused rows of an import file as CSV | 下载拒收行',
            'The refused rows with their original columns and a 错误原因 column, as UTF-8 CSV with a ' +
              'BOM (Excel opens it); fix them and import the file again. Empty when no row is ' +
              'refused. Nothing is stored.',
          ),
          response: {
            200: fileAnswer(['csv'], 'the refused rows with the reason of each (UTF-8 with BOM)'),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { query, body } = request as unknown as ImportRequest;
        const text = await withUploadedFile(body, query.file, async (path, folder) => {
          const rejectsPath = join(folder, 'rejected.csv');
          const report = await importFile(db, callerScope(request), query.kind, path, {
            dryRun: true,
            rejectsPath,
          });
          noteImport(request, 'import.rejected', query.kind, report);
          return report.rejectsFile === null ? '\ufeff' : await readFile(rejectsPath, 'utf8');
        });
        const name = rejectsFileName(query.file);
        // A file, not JSON: the answer schema lists only the errors (as the other downloads do).
        return (reply as FastifyReply)
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="rejected.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(text);
      },
    );
  });
}
