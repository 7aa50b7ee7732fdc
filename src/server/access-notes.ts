import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TrailEntry, TrailOutcome } from '../domain/access/trail-chain.js';
import { trailCountyOf } from '../domain/access/trail-rules.js';
import { GongweiError } from '../domain/gongwei-error.js';
import type { Db } from '../db/database.js';
import { TrailAppender } from '../modules/access-trail/trail-appender.js';
import { maskIdentifiers } from './log-masking.js';

/** What a route tells the access trail about one thing it read or changed. */
export interface AccessNote {
  /** e.g. `resident.read`, `indicator-people.read`, `finding.resolve`. */
  readonly action: string;
  readonly objectType?: string;
  /**
   * What was read or changed: a record number, a row id, a username. Never an ID number, a
   * name or a phone; what looks like an ID number or a mobile is masked before it is stored.
   */
  readonly objectId?: string | number;
  /** The org of what was read or changed; the caller's org when not given. */
  readonly orgCode?: string | null;
  /** Read from `orgCode`'s digits when not given (see trailCountyOf). */
  readonly countyCode?: string | null;
  /** Rows a list or an export returned. */
  readonly rowCount?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Notes for the access trail, written when the answer is sent. */
    accessNotes: AccessNote[];
    /** True once the trail could not be written: the answer is then a 503 of its own. */
    trailUnwritten: boolean;
  }
}

/**
 * Tells the access trail what this request read or changed. A route that answers with
 * personal data must call it (a resident, a list of people, an export); writes and
 * refusals are recorded without it, by the hook of {@link installAccessTrail}.
 *
 * @example
 * noteAccess(request, { action: 'resident.read', objectType: 'resident', objectId: recordNo, orgCode });
 */
export function noteAccess(request: FastifyRequest, note: AccessNote): void {
  // A hook that ran before this module's (a text check) may refuse before the list exists.
  (request.accessNotes ??= []).push(note);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The longest `detail` stored: a status, an error code, a field and a route. */
const DETAIL_LENGTH = 300;

/**
 * Writes the access trail of every request under /api before its answer leaves: the notes a
 * route made; else one entry for a write (POST, PUT, PATCH, DELETE), whatever its outcome,
 * and one for a refusal (401, 403, 429), including those of the hooks that run before the
 * handler (authentication, CSRF, rate limits). Reads of aggregates without notes are not
 * recorded, nor requests for routes that do not exist (a 404 of the router).
 *
 * If the trail cannot be written, the answer is withheld: the client gets a 503
 * `unavailable` without the payload, the server log says why (identifiers masked). A read
 * of personal data therefore never leaves unrecorded. A write has been committed by then
 * (its own transaction), and stands without its trail row: ADR 0013 explains why.
 *
 * Requests answered at the same moment have their entries written together, in one
 * transaction ({@link TrailAppender}); each answer still waits for its own entries.
 */
export function installAccessTrail(app: FastifyInstance, db: Db): void {
  const trail = new TrailAppender(db);
  app.decorateRequest('accessNotes', null as unknown as AccessNote[]);
  app.decorateRequest('trailUnwritten', false);
  app.addHook('onRequest', async (request) => {
    request.accessNotes = [];
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.trailUnwritten) return payload;
    const entries = trailEntries(request, reply, payload);
    if (entries.length === 0) return payload;
    try {
      await trail.append(entries);
    } catch (error) {
      request.trailUnwritten = true;
      request.log.error(
        { err: { message: maskIdentifiers(error instanceof Error ? error.message : String(error)) } },
        'access trail not written: answer withheld',
      );
      // The payload goes nowhere: a stream (an export) is closed, its headers dropped.
      if (payload !== null && typeof (payload as Readable).destroy === 'function')
        (payload as Readable).destroy();
      reply.removeHeader('content-disposition');
      throw new GongweiError('unavailable', {
        zh: '访问日志无法写入，应答未发送；请稍后重试或联系管理员',
        en: 'the access trail could not be written, so the answer was withheld; retry later or call the administrator',
      });
    }
    return payload;
  });
}

/**
 * The error code and the field an error answer names (its body is the ErrorSchema of
 * src/server/error-reply.ts): the stable code and a field path, never the message, which
 * may quote what was sent.
 */
function failureOf(payload: unknown): string {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return 'error';
  let body: { error?: unknown; field?: unknown };
  try {
    body = JSON.parse(payload) as { error?: unknown; field?: unknown };
  } catch {
    return 'error';
  }
  const code = typeof body.error === 'string' && /^[a-z_]{1,40}$/.test(body.error) ? body.error : 'error';
  const field = typeof body.field === 'string' && body.field.length <= 100 ? ` ${body.field}` : '';
  return `${code}${field}`;
}

function outcomeOf(status: number): TrailOutcome {
  if (status < 400) return 'allowed';
  if (status === 401 || status === 403 || status === 429) return 'refused';
  return 'failed';
}

function isTrailed(request: FastifyRequest): boolean {
  const url = request.url;
  if (!url.startsWith('/api/') || url === '/api/docs' || url.startsWith('/api/docs/')) return false;
  // An unknown route (the router's 404) names nothing that exists; its path may hold anything.
  return !request.is404 && request.routeOptions.url !== undefined;
}

function trailEntries(request: FastifyRequest, reply: FastifyReply, payload: unknown): TrailEntry[] {
  if (!isTrailed(request)) return [];
  const status = reply.statusCode;
  const outcome = outcomeOf(status);
  const notes = request.accessNotes ?? [];
  // The route's pattern, never the path itself: a path may carry an ID number.
  const route = `${request.method} ${request.routeOptions.url}`;
  const recorded: readonly AccessNote[] =
    notes.length > 0
      ? notes
      : outcome === 'refused' || !READ_METHODS.has(request.method)
        ? [{ action: route }]
        : [];
  if (recorded.length === 0) return [];
  const caller = request.caller;
  const at = new Date().toISOString();
  const failure = outcome === 'allowed' ? null : `${status} ${failureOf(payload)}`;
  const routeDetail = notes.length > 0 ? route : null;
  const detail = [failure, routeDetail].filter((part) => part !== null).join(' · ');
  return recorded.map((note) => {
    const orgCode = note.orgCode ?? caller?.orgCode ?? null;
    return {
      at,
      actor: caller?.name ?? 'anonymous',
      role: caller?.role ?? null,
      clientAddress: request.ip ?? null,
      requestId: String(request.id),
      action: note.action,
      objectType: note.objectType ?? null,
      objectId: note.objectId === undefined ? null : maskIdentifiers(String(note.objectId)),
      orgCode,
      countyCode: note.countyCode ?? trailCountyOf(orgCode),
      outcome,
      rowCount: outcome === 'allowed' ? (note.rowCount ?? null) : null,
      detail: detail === '' ? null : detail.slice(0, DETAIL_LENGTH),
    };
  });
}
