import { createReadStream, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageFallback } from './error-reply.js';

/**
 * The built web UI (web/dist, made by `npm run build`): found from this file whether it runs
 * from src/ (tests, tsx) or from dist/src/ (the built server).
 */
export function builtWebUiFolder(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const folder = resolve(here, up, 'web/dist');
    if (existsSync(join(folder, 'index.html'))) return folder;
  }
  return null;
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>公卫 Gongwei</title>
<body style="font-family:sans-serif;margin:3em"><h1>网页界面尚未构建 · The web UI is not built</h1>
<p>请运行 <code>npm run build</code> 后重启服务；接口文档见 <a href="/api/docs">/api/docs</a>。</p>
<p>Run <code>npm run build</code> and restart the server; the API documentation is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/** Whether a request asks for one of the UI's own addresses (any GET outside /api). */
function isPageAddress(request: FastifyRequest): boolean {
  return request.method === 'GET' && !/^\/api(\/|$|\?)/.test(request.url);
}

/**
 * Serves the web UI at / from `folder`: its files as they are (hashed assets cached for a
 * year, the page itself never cached, so a new build is seen at once), and its page for every
 * other address outside /api, where the UI's router takes over. The files are public (the
 * page asks for log-in itself); everything under /api keeps its access rules.
 *
 * Returns the fallback the not-found handler calls for the UI's addresses.
 */
export async function installWebUi(app: FastifyInstance, folder: string | null): Promise<PageFallback> {
  if (!folder) {
    return (request: FastifyRequest, reply: FastifyReply) =>
      isPageAddress(request)
        ? reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE)
        : undefined;
  }
  await app.register(async (ui) => {
    ui.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    await ui.register(fastifyStatic, {
      root: folder,
      wildcard: false,
      index: 'index.html',
      schemaHide: true,
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  });
  return (request: FastifyRequest, reply: FastifyReply) =>
    isPageAddress(request)
      ? reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(createReadStream(join(folder, 'index.html')))
      : undefined;
}
