import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { signInAs, type SignedInClient } from '../../test/sign-in.js';
import { importDivisionTree } from '../modules/orgs/division-import.js';
import { buildApp } from './app.js';
import { FILE_MEDIA_TYPES, type FileKind } from './file-answers.js';
import type { JsonSchema, OpenApiDocument } from './openapi-walk.fixture.js';

/*
 * The web UI's API client is generated from the OpenAPI document (openapi-typescript), so
 * every operation must say what it answers: a schema for its success answer, and for a
 * file the media type it is sent as. An operation without one would be typed `unknown` (or
 * read as JSON when it is a .docx) in the UI.
 */

interface Response {
  readonly description?: string;
  readonly content?: Record<string, { readonly schema?: JsonSchema }>;
}

type Operations = [key: string, responses: Record<string, Response>, parameters: JsonSchema[]][];

const FILE_TYPES = new Set(Object.values(FILE_MEDIA_TYPES));

function operationsOf(doc: OpenApiDocument): Operations {
  const out: Operations = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (method === 'head') continue;
      const params = (op.parameters ?? []).filter((p) => p.name === 'format').map((p) => p.schema);
      const bodyFormat = op.requestBody?.content['application/json']?.schema.properties?.['format'];
      out.push([
        `${method.toUpperCase()} ${path}`,
        (op.responses ?? {}) as Record<string, Response>,
        bodyFormat ? [...params, bodyFormat] : params,
      ]);
    }
  return out;
}

/** The media type of a Content-Type header, without its parameters. */
function mediaType(header: string | string[] | number | undefined): string {
  return String(header).split(';')[0]!.trim();
}

describeEachDialect('OpenAPI contract', (t) => {
  let app: FastifyInstance;
  let doc: OpenApiDocument;
  let bureau: SignedInClient;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    app = await buildApp({ db: t.db, backgroundJobs: false });
    doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as OpenApiDocument;
    bureau = await signInAs(app, t.db, 'bureau', '620881');
  });
  afterAll(async () => app?.close());

  it('gives every operation a success answer with a schema per media type', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(50);
    const lacking: string[] = [];
    for (const [key, responses] of operations) {
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) lacking.push(`${key}: no 2xx answer`);
      for (const [status, answer] of success) {
        const content = Object.entries(answer.content ?? {});
        if (content.length === 0) lacking.push(`${key} ${status}: no content`);
        for (const [media, { schema }] of content) {
          if (schema === undefined) lacking.push(`${key} ${status} ${media}: no schema`);
          else if (media !== 'application/json' && !FILE_TYPES.has(media))
            lacking.push(`${key} ${status}: ${media} is not a known file type`);
          else if (media === 'application/json' && Object.keys(schema).length === 0)
            lacking.push(`${key} ${status}: empty JSON schema`);
        }
      }
    }
    expect(lacking).toEqual([]);
  });

  it('declares the media type of every file a format parameter may ask for', () => {
    const missing: string[] = [];
    for (const [key, responses, formats] of operationsOf(doc))
      for (const format of formats)
        for (const kind of format.enum ?? []) {
          const media = FILE_MEDIA_TYPES[kind as FileKind];
          if (media === undefined) continue;
          const declared = Object.entries(responses).some(
            ([status, answer]) => /^2\d\d$/.test(status) && answer.content?.[media] !== undefined,
          );
          // A format in a body (a bulletin to generate) answers JSON about the file, and the
          // download route of the archive declares the file itself.
          const download = key.startsWith('POST /api/bulletin')
            ? (doc.paths['/api/bulletins/{id}/download']?.['get']?.responses?.['200'] as Response | undefined)
            : undefined;
          if (!declared && download?.content?.[media] === undefined) missing.push(`${key}: ${kind}`);
        }
    expect(missing).toEqual([]);
  });

  it('answers a push plan in each format with a media type its operation declares', async () => {
    const declared = Object.keys(
      (doc.paths['/api/plans/push']!['post']!.responses!['200'] as Response).content ?? {},
    );
    const payload = {
      asOf: '2020-06-10',
      deadline: '2020-06-30',
      rows: [{ unit: '北坪', task: '建档', target: 960, done: 900 }],
    };
    for (const format of ['json', 'csv', 'xlsx', 'docx']) {
      const res = await bureau.inject({ method: 'POST', url: `/api/plans/push?format=${format}`, payload });
      expect(res.statusCode, format).toBe(200);
      expect(declared, format).toContain(mediaType(res.headers['content-type']));
    }
  });
});
