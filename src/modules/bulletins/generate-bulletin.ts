/**
 * Use-case: generate a bulletin from the database, render it and keep it in the archive
 * with its parameters and the data cut-off.
 */
import type { Db } from '../../db/database.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { localIsoDate } from './local-date.js';
import { assembleBulletin, type BulletinRequest } from './assemble-bulletin.js';
import { insertBulletin } from './bulletin-repository.js';
import { orgWithinScope } from './bulletin-scope.js';
import type { BulletinSources } from './bulletin-sources.js';
import { databaseSources } from './database-sources.js';
import { renderBulletin, type BulletinFormat, type RenderedBulletin } from './render-bulletin.js';
import type { BulletinModel } from '../../domain/bulletins/bulletin-model.js';

/** A generated, archived bulletin. */
export interface GeneratedBulletin extends RenderedBulletin {
  readonly id: number;
  readonly model: BulletinModel;
}

/**
 * Generates, renders and archives a bulletin, reading only what `scope` (the caller's)
 * sees. `now` is the generation time (ISO timestamp); its date is "today" for the signing
 * date and the data-taken date. Throws 403 for an org not wholly inside `scope`,
 * `BulletinRequestError` (400) for an unknown org or period, `EmptyBulletinError` (422) when
 * there is nothing to report. `options.by` (the caller's name: a username,
 * `operator:<os user>`, or the schedule's creator) is archived as `generatedBy`.
 *
 * A bulletin holds aggregates only: rates, counts, org and place names; never a resident's
 * name, ID number, phone or birth date, nor an org's contact person or phone.
 *
 * @example
 * await generateBulletin(db, callerScope(request), { orgCode: '620800', period: '2020Q2' }, 'docx', new Date());
 */
export async function generateBulletin(
  db: Db,
  scope: OrgScope,
  request: BulletinRequest,
  format: BulletinFormat,
  now: Date,
  options: { scheduleId?: number; sources?: BulletinSources; by?: string | null } = {},
): Promise<GeneratedBulletin> {
  const today = localIsoDate(now);
  await orgWithinScope(db, scope, request.orgCode, 'orgCode');
  const model = await assembleBulletin(options.sources ?? databaseSources(db, scope), request, today);
  const rendered = await renderBulletin(model, format);
  const id = await insertBulletin(db, {
    orgCode: model.org.code,
    period: model.period,
    format,
    title: model.title,
    fileName: rendered.fileName,
    contentType: rendered.contentType,
    parameters: { ...request, named: model.named, namingRules: model.namingRules },
    generatedBy: options.by ?? null,
    dataCutoff: model.dataCutoff,
    generatedAt: now.toISOString(),
    scheduleId: options.scheduleId ?? null,
    content: rendered.content,
  });
  return { ...rendered, id, model };
}
