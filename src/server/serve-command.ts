import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { asServerDatabase, openMaintainedDatabase } from '../composition/maintained-database.js';
import { resolveDbTarget, type Db, type DbTarget } from '../db/database.js';
import { OPERATOR_SCOPE, withDbOption } from '../cli/command-context.js';
import { GongweiError } from '../domain/gongwei-error.js';
import { createDemoAccounts, demoAccountsTable } from '../modules/accounts/demo-accounts.js';
import { holdsUsers } from '../modules/accounts/users-repository.js';
import { holdsResidents } from '../modules/demo/demo-repository.js';
import { generateDemo } from '../modules/demo/generate-demo.js';
import { buildApp } from './app.js';
import { exposureWarning, parseTrustProxy } from './exposure-warning.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  trustProxy?: string;
}

interface StartOptions extends ServeOptions {
  scale: 'small' | 'county' | 'city';
  seed: string;
}

/**
 * `gongwei serve` answers the API on an existing database; `gongwei start` (the README's
 * first command) first builds the demo city into a new database when there is none (only
 * start, demo and init create a database; serve refuses a missing file). Both
 * run the server's background jobs (bulletin schedules, push-plan checkpoints) while it is up.
 *
 * @example
 * gongwei start --scale small        # builds data/gongwei.sqlite if needed, serves :3000
 * GONGWEI_BULLETIN_SCHEDULER_MS=off gongwei serve --db postgres://…
 */
export function registerServeCommands(program: Command): void {
  withDbOption(program.command('serve'))
    .description('serve the web UI (/) and the REST API (/api, OpenAPI at /api/docs) | 提供网页和 API 服务')
    .option('--port <port>', 'TCP port', process.env.PORT ?? '3000')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--trust-proxy <addresses>', 'behind a reverse proxy: its addresses (e.g. 127.0.0.1)')
    .action(async (options: ServeOptions) => {
      const target = resolveDbTarget(options.db);
      const db = await openMaintainedDatabase(target, { create: false });
      await listen(db, options, target);
    });

  withDbOption(program.command('start'))
    .description('build the demo city if the database is empty, then serve it | 生成演示数据并启动服务')
    .option('--port <port>', 'TCP port', process.env.PORT ?? '3000')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--trust-proxy <addresses>', 'behind a reverse proxy: its addresses (e.g. 127.0.0.1)')
    .option('--scale <scale>', 'demo scale when a new database is built: small | county | city', 'small')
    .option('--seed <n>', 'demo random seed', '2020')
    .action(async (options: StartOptions) => {
      const target = resolveDbTarget(options.db);
      const isNew = target.file !== undefined && !existsSync(target.file);
      const db = await openMaintainedDatabase(target, { create: true });
      const empty = isNew || !(await holdsResidents(db.kysely, OPERATOR_SCOPE));
      if (empty) {
        const seed = Number.parseInt(options.seed, 10);
        if (!['small', 'county', 'city'].includes(options.scale))
          throw GongweiError.badRequest(
            { zh: `不认识的规模：${options.scale}`, en: `unknown scale ${options.scale}` },
            '--scale',
          );
        if (!Number.isInteger(seed))
          throw GongweiError.badRequest(
            { zh: `不是整数：${options.seed}`, en: `not an integer: ${options.seed}` },
            '--seed',
          );
        process.stderr.write(
          `正在生成演示数据 building the Pingliang demo (${options.scale}) into ${db.location} …\n`,
        );
        let lastPhase = '';
        const summary = await generateDemo(db, {
          scale: options.scale,
          seed,
          onProgress: (phase) => {
            if (phase !== lastPhase) process.stderr.write(`  ${phase}\n`);
            lastPhase = phase;
          },
        });
        process.stderr.write(
          `  ${summary.residents} residents, ${summary.services} services in ${summary.seconds.toFixed(1)} s\n`,
        );
        // No default password: the demo's accounts get one-time passwords, printed this once.
        const accounts = await createDemoAccounts(db, { now: new Date() });
        if (accounts.length > 0) process.stdout.write(demoAccountsTable(accounts));
      }
      if (!(await holdsUsers(db.kysely, OPERATOR_SCOPE)))
        process.stderr.write(
          '还没有用户：请用 gongwei users add … --password-stdin 创建 / no users yet: create one with gongwei users add … --password-stdin\n',
        );
      await listen(db, options, target);
    });
}

async function listen(db: Db, options: ServeOptions, target: DbTarget): Promise<void> {
  const port = Number.parseInt(options.port, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw GongweiError.badRequest(
      { zh: `不是端口号：${options.port}`, en: `not a port number: ${options.port}` },
      '--port',
    );
  const trustProxy = options.trustProxy === undefined ? undefined : parseTrustProxy(options.trustProxy);
  const app = await buildApp({
    db: asServerDatabase(db),
    logger: false,
    backgroundJobs: true,
    ...(trustProxy ? { trustProxy } : {}),
    // Reads in worker threads, each with its own read-only connection (ADR 0014) and the
    // latest year's tallies read ahead (ADR 0022).
    serving: { readers: target, preload: true },
  });
  const address = await app.listen({ port, host: options.host });
  process.stdout.write(
    `Gongwei 公卫 serving ${db.location}: web UI ${address}/ · API ${address}/api (OpenAPI: ${address}/api/docs)\n`,
  );
  // serve speaks plain HTTP only: HTTPS is the reverse proxy's (docs/deploy.md).
  const warning = exposureWarning({ host: options.host, tls: false });
  if (warning) process.stderr.write(`${warning.zh}\n${warning.en}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
