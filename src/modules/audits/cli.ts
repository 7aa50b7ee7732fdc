/**
 * `gongwei audit`: the commands of the audits. They translate only: parse the options, call
 * one use-case as the local operator (OPERATOR_SCOPE), print. Refusals are thrown and
 * printed by src/cli/print-error.ts. Resolutions and merges are recorded as done by
 * `operator:<os user>` (`operatorName`): there is no option to name someone else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { OPERATOR_SCOPE, operatorName, withDb, withDbOption } from '../../cli/command-context.js';
import { resolveDbTarget, type Db } from '../../db/database.js';
import { ReadPool } from '../../server/read-pool.js';
import { asOptions, badOption, format, positiveInt } from './cli-options.js';
import { FINDING_COLUMNS, findingRecord, out, table } from './cli-output.js';
import {
  countFindings,
  listFindings,
  listHotspots,
  listInstitutionHotspots,
  listRuns,
  resolveFinding,
  streamFindings,
  type WorkListItem,
} from './finding-queries.js';
import {
  exportUnusedRecords,
  listUnusedRecords,
  UNUSED_RECORDS_EXPORT_LIMIT,
  UNUSED_RECORDS_PAGE_LIMIT,
} from './list-unused-records.js';
import { listMergeLog, mergeDuplicateSet } from './merge-duplicates.js';
import { AUDIT_RULE_IDS, auditRule, describeAuditRules, isAuditRuleId } from './rules/index.js';
import { auditRulesMarkdown, withGeneratedRules } from './rules/rules-doc.js';
import { runAudits } from './run-audits.js';

/** Options of `gongwei audit` that its sub-commands share (commander gives them to the parent). */
type Shared = { db?: string; org?: string; format: string };

interface RunOptions {
  db?: string;
  org?: string;
  period?: string;
  rules?: string;
  asOf?: string;
  format: string;
}

/** Every finding a run saw (masked), streamed so that large runs never pile up in memory. */
function findingsOfRun(db: Db, runId: number, orgCode: string | undefined): AsyncGenerator<WorkListItem> {
  return streamFindings(db, OPERATOR_SCOPE, { orgCode, runId, status: 'current' });
}

/**
 * `gongwei audit`: run the data-quality audits and work with their findings (DESIGN C6).
 *
 * @example
 * gongwei audit --org 620881 --period 2020Q2 --format table
 * gongwei audit list --org 620881100 --rule identical_checkups
 * gongwei audit merge 42 --prefer phone=62088110020100007
 */
export function registerAuditCommands(program: Command): void {
  const audit = withDbOption(program.command('audit'))
    .description('data-quality audits: run and store findings | 数据质量核查')
    .option('--org <code>', 'org subtree to audit (default: everything)')
    .option('--period <period>', 'period, e.g. 2020Q2: services from 1 January to its end (default: all)')
    .option('--rules <ids>', `comma-separated rules (default all): ${AUDIT_RULE_IDS.join(',')}`)
    .option('--as-of <date>', 'date states are judged at, YYYY-MM-DD (default: period end, else today)')
    .option(
      '--format <format>',
      'json | csv | table (also for the sub-commands; markdown for rules)',
      'table',
    )
    .configureHelp({ showGlobalOptions: true })
    .action((options: RunOptions) =>
      withDb(options, async (db) => {
        const fmt = format(options.format);
        const rules = options.rules
          ?.split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        // The rules that only read are read in worker threads, one per core, each with its own connection.
        const pool = new ReadPool(db, { readers: resolveDbTarget(options.db) });
        const run = await asOptions(() =>
          runAudits(
            db,
            OPERATOR_SCOPE,
            { orgCode: options.org, period: options.period, rules, asOf: options.asOf },
            pool.ruleReader,
          ),
        ).finally(() => pool.close());
        const counts = options.org
          ? await countFindings(db, OPERATOR_SCOPE, { orgCode: options.org, depth: 1, runId: run.runId })
          : [];
        const summary = run.summary.map((s) => ({
          ...s,
          name: isAuditRuleId(s.rule) ? auditRule(s.rule).name.zh : s.rule,
        }));
        if (fmt === 'table') {
          out(
            `核查批次 run ${run.runId}: ${run.window.from ?? '…'} – ${run.window.to}, as of ${run.window.asOf}`,
          );
          out(
            table(
              summary.map(({ rule, name, found, affected, new: n, resolved, closed }) => ({
                rule,
                name,
                found,
                affected,
                new: n,
                resolved,
                closed,
              })),
            ),
          );
          if (counts.length)
            out(
              `\n${table(counts.map(({ org, orgName, rule, severity, count }) => ({ org, orgName, rule, severity, count })))}`,
            );
          return;
        }
        if (fmt === 'csv') {
          out(stringify([], { header: true, columns: [...FINDING_COLUMNS] }).trimEnd());
          for await (const item of findingsOfRun(db, run.runId, options.org))
            process.stdout.write(stringify([findingRecord(item)], { columns: [...FINDING_COLUMNS] }));
          return;
        }
        // JSON: streamed so that a city's findings never sit in memory as one string.
        process.stdout.write(
          `{"run":${JSON.stringify({ id: run.runId, orgCode: run.orgCode, period: run.period, window: run.window, rules: run.rules })},` +
            `"summary":${JSON.stringify({ rules: summary, orgs: counts })},"findings":[`,
        );
        let first = true;
        for await (const item of findingsOfRun(db, run.runId, options.org)) {
          process.stdout.write(`${first ? '' : ','}\n${JSON.stringify(item)}`);
          first = false;
        }
        out('\n]}');
      }),
    );

  audit
    .command('list')
    .description('work list of a unit, personal data masked | 核查问题清单')
    .option('--rule <id>', 'one rule')
    .option('--severity <s>', 'error | warning | info')
    .option('--status <s>', 'open | resolved | closed | current | all', 'open')
    .option('--page <n>', 'page (from 1)', '1')
    .option('--page-size <n>', 'rows per page', '50')
    .action((_local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<
          {
            db?: string;
            org?: string;
            rule?: string;
            severity?: string;
            status: string;
            page: string;
            pageSize: string;
            format: string;
          } & Shared
        >();
        const fmt = format(o.format);
        if (o.rule && !isAuditRuleId(o.rule))
          throw badOption('--rule', o.rule, { zh: '未知的规则', en: 'unknown rule' });
        if (!['open', 'resolved', 'closed', 'current', 'all'].includes(o.status))
          throw badOption('--status', o.status, {
            zh: '应为 open、resolved、closed、current 或 all',
            en: 'expected open, resolved, closed, current or all',
          });
        const list = await asOptions(() =>
          listFindings(db, OPERATOR_SCOPE, {
            orgCode: o.org,
            rule: o.rule,
            severity: o.severity,
            status: o.status as 'open',
            page: positiveInt('--page', o.page, 1),
            pageSize: positiveInt('--page-size', o.pageSize, 50),
          }),
        );
        if (fmt === 'json') return out(JSON.stringify(list, null, 2));
        const rows = list.items.map(findingRecord);
        if (fmt === 'csv') return out(stringify(rows, { header: true, columns: [...FINDING_COLUMNS] }));
        out(table(rows));
        out(`共 ${list.total} 条 total, page ${list.page}`);
      }),
    );

  audit
    .command('records <findingId>')
    .description(
      'the records an unused_records finding stands for, as they stand now, masked | 非动态使用档案清单',
    )
    .option('--page <n>', 'page (from 1)', '1')
    .option('--page-size <n>', `rows per page (at most ${UNUSED_RECORDS_PAGE_LIMIT})`, '50')
    .option(
      '--all',
      `every record in one list (at most ${UNUSED_RECORDS_EXPORT_LIMIT}), e.g. with --format csv`,
    )
    .action((id: string, _local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<
          { db?: string; page: string; pageSize: string; all?: boolean; format: string } & Shared
        >();
        const fmt = format(o.format);
        const findingId = positiveInt('findingId', id, 0);
        const list = await asOptions(() =>
          o.all
            ? exportUnusedRecords(db, OPERATOR_SCOPE, findingId)
            : listUnusedRecords(db, OPERATOR_SCOPE, findingId, {
                page: positiveInt('--page', o.page, 1),
                pageSize: positiveInt('--page-size', o.pageSize, 50),
              }),
        );
        if (!list) throw badOption('findingId', id, { zh: '没有这条问题', en: 'no such finding' });
        if (fmt === 'json') return out(JSON.stringify(list, null, 2));
        if (fmt === 'csv') return out(stringify(list.items, { header: true }));
        out(table(list.items.map((r) => ({ ...r, lastService: r.lastService ?? '' }))));
        out(
          `${list.orgName ?? list.org}：${list.noServiceSince} 至 ${list.asOf} 未动态使用 共 ${list.total} 份 total, page ${list.page}`,
        );
      }),
    );

  audit
    .command('resolve <findingId>')
    .description(
      'mark a finding resolved (followed up), recorded as done by operator:<os user> | 标记为已整改',
    )
    .option('--note <text>', 'what was done')
    .option('--reopen', 'reopen instead')
    .action((id: string, _local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<{ db?: string; note?: string; reopen?: boolean } & Shared>();
        const item = await asOptions(() =>
          resolveFinding(db, OPERATOR_SCOPE, positiveInt('findingId', id, 0), {
            by: operatorName(),
            note: o.note ?? null,
            reopen: o.reopen ?? false,
          }),
        );
        out(`finding ${item.id}: ${item.status}${item.resolvedBy ? ` by ${item.resolvedBy}` : ''}`);
      }),
    );

  audit
    .command('counts')
    .description('findings per org and rule, rolled up the tree | 按单位统计')
    .option('--depth <n>', 'levels below the org', '1')
    .option('--run <id>', 'counts of one run (default: current findings)')
    .action((_local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<
          { db?: string; org: string; depth: string; run?: string; format: string } & Shared
        >();
        const fmt = format(o.format);
        if (!o.org) throw badOption('--org', undefined, { zh: '必须给出', en: 'required' });
        const orgCode = o.org;
        const depth = Number(o.depth);
        if (!Number.isInteger(depth) || depth < 0 || depth > 4)
          throw badOption('--depth', o.depth, { zh: '应为 0..4', en: 'expected 0..4' });
        const rows = await asOptions(() =>
          countFindings(db, OPERATOR_SCOPE, {
            orgCode,
            depth,
            ...(o.run ? { runId: positiveInt('--run', o.run, 0) } : {}),
          }),
        );
        if (fmt === 'json') return out(JSON.stringify(rows, null, 2));
        if (fmt === 'csv') return out(stringify(rows, { header: true }));
        out(table(rows as unknown as Record<string, unknown>[]));
      }),
    );

  audit
    .command('hotspots')
    .description('townships and villages where findings of a rule concentrate | 问题集中地区')
    .requiredOption('--rule <id>', 'rule, e.g. identical_checkups')
    .option('--limit <n>', 'how many', '10')
    .option('--level <n>', '4 townships only, 5 villages only (default: both, village when concentrated)')
    .option('--institutions', 'rank the institutions of the services instead | 按机构')
    .action((_local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<
          {
            db?: string;
            rule: string;
            org?: string;
            limit: string;
            level?: string;
            institutions?: boolean;
            format: string;
          } & Shared
        >();
        if (!isAuditRuleId(o.rule))
          throw badOption('--rule', o.rule, { zh: '未知的规则', en: 'unknown rule' });
        if (o.institutions) {
          const rows = await asOptions(() =>
            listInstitutionHotspots(db, OPERATOR_SCOPE, {
              rule: o.rule,
              limit: positiveInt('--limit', o.limit, 10),
              ...(o.org ? { orgCode: o.org } : {}),
            }),
          );
          return format(o.format) === 'json' ? out(JSON.stringify(rows, null, 2)) : out(table(rows));
        }
        if (!o.org) throw badOption('--org', undefined, { zh: '必须给出', en: 'required' });
        const orgCode = o.org;
        if (o.level !== undefined && o.level !== '4' && o.level !== '5')
          throw badOption('--level', o.level, { zh: '应为 4 或 5', en: 'expected 4 or 5' });
        const rows = await asOptions(() =>
          listHotspots(db, OPERATOR_SCOPE, {
            rule: o.rule,
            orgCode,
            limit: positiveInt('--limit', o.limit, 10),
            ...(o.level ? { level: Number(o.level) as 4 | 5 } : {}),
          }),
        );
        if (format(o.format) === 'json') return out(JSON.stringify(rows, null, 2));
        out(table(rows as unknown as Record<string, unknown>[]));
      }),
    );

  audit
    .command('sets')
    .description('duplicate sets (SETID = finding id) | 重复档案组')
    .option('--page <n>', 'page', '1')
    .action((_local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<{ db?: string; org?: string; page: string } & Shared>();
        const list = await asOptions(() =>
          listFindings(db, OPERATOR_SCOPE, {
            orgCode: o.org,
            rule: 'duplicate_records',
            page: positiveInt('--page', o.page, 1),
            pageSize: 50,
          }),
        );
        out(
          table(
            list.items.map((i) => {
              const e = i.evidence as { recordNos: string[]; keys: string[] };
              return {
                setId: i.id,
                org: i.org,
                orgName: i.orgName,
                records: e.recordNos.join(' '),
                keys: e.keys.join(' '),
              };
            }),
          ),
        );
        out(`共 ${list.total} 组 sets`);
      }),
    );

  audit
    .command('merge <setId>')
    .description('merge a duplicate set into one record, logged as done by operator:<os user> | 合并重复档案')
    .option(
      '--prefer <pairs>',
      'field=recordNo,... values to take from a given record (default: newest non-empty)',
    )
    .option('--into <recordNo>', 'record that survives (default: the oldest)')
    .action((setId: string, _local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<{ db?: string; prefer?: string; into?: string } & Shared>();
        const prefer: Record<string, string> = {};
        for (const pair of (o.prefer ?? '').split(',').filter((p) => p.trim() !== '')) {
          const [field, recordNo] = pair.split('=').map((s) => s.trim());
          if (!field || !recordNo)
            throw badOption('--prefer', pair, { zh: '应为 字段=档案编号', en: 'expected field=recordNo' });
          prefer[field] = recordNo;
        }
        const r = await asOptions(() =>
          mergeDuplicateSet(db, OPERATOR_SCOPE, {
            setId: positiveInt('setId', setId, 0),
            prefer,
            by: operatorName(),
            ...(o.into ? { into: o.into } : {}),
          }),
        );
        out(
          `合并完成 merged into ${r.survivorRecordNo} (log ${r.mergeId}): absorbed ${r.absorbedRecordNos.join(', ')}; ` +
            `moved ${r.movedServices} services, ${r.movedEnrollments} enrolments (${r.droppedEnrollments} duplicate enrolments folded)`,
        );
      }),
    );

  audit
    .command('merge-log')
    .description('merges done, newest first | 合并记录')
    .option('--id <n>', 'one entry')
    .option('--limit <n>', 'how many', '50')
    .action((_local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<
          { db?: string; org?: string; id?: string; limit: string; format: string } & Shared
        >();
        const rows = await asOptions(() =>
          listMergeLog(db, OPERATOR_SCOPE, {
            ...(o.org ? { orgCode: o.org } : {}),
            ...(o.id ? { id: positiveInt('--id', o.id, 0) } : {}),
            limit: positiveInt('--limit', o.limit, 50),
          }),
        );
        if (format(o.format) === 'json') return out(JSON.stringify(rows, null, 2));
        out(
          table(
            rows.map((r) => ({
              id: r.id,
              mergedAt: r.mergedAt,
              by: r.mergedBy,
              setId: r.setId,
              survivor: r.survivorRecordNo,
              absorbed: r.absorbedRecordNos.join(' '),
              services: r.movedServices,
              enrolments: r.movedEnrollments,
            })),
          ),
        );
      }),
    );

  audit
    .command('rules')
    .description('the audit rules, their parameters and defaults (markdown: docs/audits.md) | 核查规则')
    .option(
      '--update <file>',
      'with --format markdown: rewrite the generated part of this file (docs/audits.md)',
    )
    .action((_local: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ format: string; update?: string }>();
      if (o.format === 'markdown') {
        if (o.update === undefined) return out(auditRulesMarkdown());
        writeFileSync(o.update, withGeneratedRules(readFileSync(o.update, 'utf8')));
        return out(`已更新 updated ${o.update}`);
      }
      const rules = describeAuditRules();
      if (o.format === 'json') return out(JSON.stringify(rules, null, 2));
      if (o.format !== 'table')
        throw badOption('--format', o.format, {
          zh: '应为 table、json 或 markdown',
          en: 'expected table, json or markdown',
        });
      out(
        table(
          rules.map((r) => ({
            id: r.id,
            name: r.name.zh,
            severities: Object.keys(r.severities).join(' '),
            subject: r.subject,
          })),
        ),
      );
    });

  audit
    .command('runs')
    .description('recent audit runs | 核查批次')
    .option('--limit <n>', 'how many', '20')
    .action((_local: unknown, cmd: Command) =>
      withDb(cmd.optsWithGlobals(), async (db) => {
        const o = cmd.optsWithGlobals<{ db?: string; limit: string } & Shared>();
        const runs = await listRuns(db, OPERATOR_SCOPE, { limit: positiveInt('--limit', o.limit, 20) });
        out(
          table(
            runs.map((r) => ({
              id: r.id,
              startedAt: r.startedAt,
              org: r.orgCode ?? '',
              period: r.period ?? '',
              asOf: r.asOf,
              status: r.status,
              found: (r.summary ?? []).reduce((a, s) => a + s.found, 0),
            })),
          ),
        );
      }),
    );
}
