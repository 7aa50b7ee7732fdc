import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TrailEntry, TrailOutcome } from '../domain/access/trail-chain.js';
import type { Db } from '../db/database.js';
import { appendTrail } from '../modules/access-trail/trail-repository.js';

/** What a route tells the access trail about one thing it read or changed. */
export interface AccessNote {
  /** e.g. `resident.read`, `indicator-people.read`, `finding.resolve`. */
  readonly action: string;
  readonly objectType?: string;
  readonly objectId?: string | number;
  readonly orgCode?: string | null;
  readonly countyCode?: string | null;
  /** Rows a list or an export returned. */
  readonly rowCount?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Notes for the access trail, written when the answer is sent. */
    accessNotes: AccessNote[];
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
  request.accessNotes.push(note);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes the access trail of every request under /api before its answer leaves: the notes a
 * route made, else one entry for every write and for every refusal (401, 403, 429). Reads of
 * aggregates without notes are not recorded. If the trail cannot be written, the request
 * fails (500) rather than answer without a trace.
 */
export function installAccessTrail(app: FastifyInstance, db: Db): void {
  app.decorateRequest('accessNotes', null as unknown as AccessNote[]);
  app.addHook('onRequest', async (request) => {
    request.accessNotes = [];
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const entries = trailEntries(request, reply);
    if (entries.length > 0) await appendTrail(db, entries);
    return payload;
  });
}

function outcomeOf(status: number): TrailOutcome {
  if (status < 400) return 'allowed';
  if (status === 401 || status === 403 || status === 429) return 'refused';
  return 'failed';
}

function trailEntries(request: FastifyRequest, reply: FastifyReply): TrailEntry[] {
  if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return [];
  const outcome = outcomeOf(reply.statusCode);
  const notes = request.accessNotes ?? [];
  const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
  const recorded =
    notes.length > 0
      ? notes
      : outcome === 'refused' || !READ_METHODS.has(request.method)
        ? [{ action: route }]
        : [];
  if (recorded.length === 0) return [];
  const caller = request.caller;
  const at = new Date().toISOString();
  return recorded.map((note) => ({
    at,
    actor: caller?.name ?? 'anonymous',
    role: caller?.role ?? null,
    clientAddress: request.ip ?? null,
    requestId: String(request.id),
    action: note.action,
    objectType: note.objectType ?? null,
    objectId: note.objectId === undefined ? null : String(note.objectId),
    orgCode: note.orgCode ?? caller?.orgCode ?? null,
    countyCode: note.countyCode ?? null,
    outcome,
    rowCount: outcome === 'allowed' ? (note.rowCount ?? null) : null,
    detail: outcome === 'allowed' ? (notes.length > 0 ? route : null) : `${reply.statusCode}`,
  }));
}
