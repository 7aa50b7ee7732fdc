/**
 * The REST routes of the records an `unused_records` finding stands for (非动态使用档案清单),
 * read on demand: the rule keeps one finding per org, and its records are listed here page by
 * page or as one Excel file, masked, each read written to the access trail.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { fileAnswer, FILE_MEDIA_TYPES } from '../../server/file-answers.js';
import {
  exportUnusedRecords,
  listUnusedRecords,
  UNUSED_RECORDS_EXPORT_LIMIT,
  UNUSED_RECORDS_PAGE_LIMIT,
} from './list-unused-records.js';
import { unusedRecordsTitle, unusedRecordsXlsx } from './unused-records-workbook.js';
import { Id, UnusedRecordPageSchema } from './route-schemas.js';

/** Registers GET /audits/findings/:id/records and its Excel, records.xlsx (`personal.read`). */
export async function registerUnusedRecordsRoute(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/audits/findings/:id/records',
    {
      config: { access: 'personal.read' },
      schema: {
        tags: ['audits'],
        summary: 'The records an unused_records finding stands for, paged, masked | 非动态使用档案清单',
        description:
          'Read on demand as the data stand now, over the period of use the run judged: a record ' +
          'updated or served since has left the list. 按需读取，已更新或已服务的档案不再列出。',
        params: z.object({ id: Id }),
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(UNUSED_RECORDS_PAGE_LIMIT).default(20),
        }),
        response: { 200: UnusedRecordPageSchema, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const page = await listUnusedRecords(db, callerScope(request), request.params.id, request.query);
      if (!page) throw GongweiError.notFound({ zh: '未找到问题', en: 'finding not found' }, 'id');
      noteAccess(request, {
        action: 'finding.records.read',
        objectType: 'finding',
        objectId: page.findingId,
        orgCode: page.org,
        rowCount: page.items.length,
      });
      return page;
    },
  );

  api.get(
    '/audits/findings/:id/records.xlsx',
    {
      config: { access: 'personal.read' },
      schema: {
        tags: ['audits'],
        summary:
          'The records an unused_records finding stands for, as Excel, masked | 非动态使用档案清单导出',
        description:
          'Every record of the list in one .xlsx, masked as on screen, as the data stand now; written to ' +
          `the access trail with its row count. Over ${UNUSED_RECORDS_EXPORT_LIMIT} records is refused (400). ` +
          '按当前数据导出，个人信息已遮蔽。',
        params: z.object({ id: Id }),
        response: {
          200: fileAnswer(['xlsx'], 'the .xlsx file (attachment)'),
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const list = await exportUnusedRecords(db, callerScope(request), request.params.id);
      if (!list) throw GongweiError.notFound({ zh: '未找到问题', en: 'finding not found' }, 'id');
      noteAccess(request, {
        action: 'finding.records.export',
        objectType: 'finding',
        objectId: list.findingId,
        orgCode: list.org,
        rowCount: list.items.length,
      });
      const fileName = `${unusedRecordsTitle(list).replaceAll(' ', '-')}.xlsx`;
      return reply
        .header('content-type', FILE_MEDIA_TYPES.xlsx)
        .header(
          'content-disposition',
          `attachment; filename="unused-records.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(await unusedRecordsXlsx(list));
    },
  );
}
