/**
 * Serving under load (issue 11, ADR 0014), installed on the root instance before the routes:
 * ETag/304 and compression for every answer, the read pool (./read-pool.ts: reads off the
 * event loop behind a bounded queue) and the cache of indicator answers under the data
 * versions (./answer-cache.ts). Routes reach them through {@link serveIndicatorValues} and
 * {@link pooledRead}.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import type { RuleReader } from '../modules/audits/rule-reading.js';
import type { IndicatorQuery } from '../modules/indicators/indicator-values.js';
import { scopeIncludes } from '../modules/orgs/org-scope.js';
import { loadDataVersions } from '../modules/serving/data-versions-repository.js';
import { AnswerCache, scopeKey, versionTag, type CachedAnswer } from './answer-cache.js';
import { callerScope } from './caller-scope.js';
import { OrgLineages } from './org-lineages.js';
import { ReadPool, ReadQueueFullError, type ReadPoolOptions } from './read-pool.js';
import type { ReadAnswers, ReadTask } from './read-tasks.js';

/** How the server serves under load. */
export interface ServingOptions extends ReadPoolOptions {
  /** Bytes of indicator answers kept (default 64 MB). */
  readonly cacheBytes?: number;
}

/** The read pool, the answer cache and the org lineages of one application. */
export interface Serving {
  readonly pool: ReadPool;
  readonly cache: AnswerCache;
  readonly lineages: OrgLineages;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The read pool and answer cache (src/server/serving.ts); null before installServing. */
    serving: Serving | null;
  }
}

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

const gunzipped = promisify(gunzip);

/** True when the request's Accept-Encoding lists gzip without q=0. */
function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/**
 * Sends an answer's compressed JSON as it is to a client that accepts gzip (every browser),
 * and decompressed (in zlib's thread pool) to one that does not.
 */
async function sendCompressedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  gzip: Uint8Array,
): Promise<void> {
  reply.header('vary', 'accept-encoding');
  if (!acceptsGzip(request)) {
    void reply.send(await gunzipped(gzip));
    return;
  }
  void reply
    .header('content-encoding', 'gzip')
    .send(Buffer.from(gzip.buffer, gzip.byteOffset, gzip.byteLength));
}

/** Sends a kept answer: 304 when the client holds it, else its JSON. */
async function sendKept(request: FastifyRequest, reply: FastifyReply, entry: CachedAnswer): Promise<void> {
  reply.header('etag', entry.etag);
  if (request.headers['if-none-match'] === entry.etag) {
    void reply.code(304).send();
    return;
  }
  await sendCompressedJson(request, reply, entry.gzip);
}

/**
 * Installs compression (gzip, deflate, br for answers ≥ 1 kB), entity tags (304 when
 * If-None-Match matches), the read pool and the answer cache; the pool's workers stop when
 * the application closes.
 *
 * @example
 * await installServing(app, db, { readers: { file: 'data/gongwei.sqlite' }, preload: true });
 */
export async function installServing(
  app: FastifyInstance,
  db: Db,
  options: ServingOptions = {},
): Promise<void> {
  await app.register(etag);
  await app.register(compress, { threshold: 1024 });
  const serving: Serving = {
    pool: new ReadPool(db, options),
    cache: new AnswerCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES),
    lineages: new OrgLineages(),
  };
  app.decorate('serving', serving);
  app.addHook('onClose', async () => serving.pool.close());
}

const fallbacks = new WeakMap<Db, Serving>();

/** The application's serving, or an in-process one for an application built without it. */
function servingOf(request: FastifyRequest, db: Db): Serving {
  const installed = request.server.serving as Serving | null | undefined;
  if (installed) return installed;
  let fallback = fallbacks.get(db);
  if (!fallback)
    fallbacks.set(
      db,
      (fallback = {
        pool: new ReadPool(db),
        cache: new AnswerCache(DEFAULT_CACHE_BYTES),
        lineages: new OrgLineages(),
      }),
    );
  return fallback;
}

/**
 * Runs a read in the pool; a full queue answers 503 with Retry-After.
 *
 * @example
 * const answer = await pooledRead(request, reply, db, { kind: 'indicator-people', scope, query });
 */
export async function pooledRead<K extends ReadTask['kind']>(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  task: Extract<ReadTask, { kind: K }>,
): Promise<ReadAnswers[K]> {
  try {
    return await servingOf(request, db).pool.run(task);
  } catch (error) {
    if (error instanceof ReadQueueFullError) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

/**
 * The audit rules' reader of a request: the server's read pool, as {@link pooledRead} runs it
 * (a full queue answers 503 with Retry-After).
 */
export function pooledRuleReader(request: FastifyRequest, reply: FastifyReply, db: Db): RuleReader {
  return {
    read: (reading) => pooledRead(request, reply, db, { kind: 'audit-rule', reading }),
    apart: servingOf(request, db).pool.ruleReader.apart,
  };
}

/**
 * Answers GET /api/indicators: from the cache when the data versions of the org's counties
 * and of the whole tree are those of a kept answer (304 when the client holds it), else
 * computed in the read pool and kept. The versions are read before computing, so an answer
 * is kept under versions no newer than its data: never stale. A year without maintained
 * facts is computed every time and tagged by its content. Sends the answer itself.
 *
 * The versions read here also serve the org's lineage (kept under the whole tree's version,
 * ./org-lineages.ts) and go with the task to the worker, whose tallies are brought up to
 * them without reading them again: a cached answer costs the session and the versions, a
 * computed one a read of the reported values besides.
 */
export async function serveIndicatorValues(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  query: IndicatorQuery,
): Promise<void> {
  const serving = servingOf(request, db);
  const scope = callerScope(request);
  const versions = await loadDataVersions(db.kysely);
  const tag = versionTag(versions, query.orgCode);
  // An org the caller sees whole is answered for its own subtree (narrowScope), whoever
  // asks: the city bureau, its county's bureau and the org's own centre share one answer.
  const org = await serving.lineages.find(db.kysely, versions, query.orgCode);
  const key = [
    'indicators',
    org !== null && scopeIncludes(scope, org) ? 'seen-whole' : scopeKey(scope),
    query.orgCode,
    query.period,
    query.depth ?? 0,
    (query.ids ?? []).join(','),
    tag,
  ].join('|');
  reply.type('application/json; charset=utf-8');
  // The compressed JSON is sent as it is: serialized and compressed once, where it was computed.
  const hit = serving.cache.get(key);
  if (hit) return sendKept(request, reply, hit);
  const answer = await pooledRead(request, reply, db, { kind: 'indicator-values', scope, query, versions });
  if (!answer.maintained) return sendCompressedJson(request, reply, answer.gzip);
  return sendKept(request, reply, serving.cache.set(key, answer.gzip));
}
