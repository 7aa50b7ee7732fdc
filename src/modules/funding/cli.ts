import { defaultIssuer } from '../../domain/bulletins/level-words.js';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { OPERATOR_SCOPE, operatorName, withDb, withDbOption } from '../../cli/command-context.js';
import { formatCenti } from '../../domain/assessment/exact.js';
import { formatYuan, parseYuan } from '../../domain/funding/money.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { getOrg } from '../orgs/org-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { allocateFunds } from './allocate-funds.js';
import { fundsDocx, fundsXlsx } from './export-funds.js';
import { readFundsStatus, type FundsStatus } from './funds-status.js';
import { importDisbursementsFile } from './record-disbursements.js';

function required(value: string | undefined, flag: string): string {
  if (!value) throw GongweiError.badRequest({ zh: `缺少 ${flag}`, en: `${flag} is required` }, flag);
  return value;
}

function year(text: string | undefined): number {
  const y = Number(required(text, '--year'));
  if (!Number.isInteger(y))
    throw GongweiError.badRequest({ zh: '年份应为整数', en: 'a whole year' }, '--year');
  return y;
}

/** A percentage as written ("40", "40%", "12.5") into basis points, exactly. */
function percentBp(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const fen = parseYuan(text.replace(/%$/, ''));
  if (fen === null || fen < 0 || fen > 10000) {
    throw GongweiError.badRequest(
      { zh: `应为0到100的百分数：${text}`, en: `a percentage 0–100: ${text}` },
      flag,
    );
  }
  return fen;
}

function statusTable(s: FundsStatus): string {
  const lines = [
    `${s.allocation.orgCode} ${s.allocation.year} · 人均${formatYuan(s.allocation.perCapitaFen)}元 · 统计至 ${s.asOf}`,
    ['单位', '人口', '分配(元)', '已拨付(元)', '结余(元)', '天数', '得分', '结算(元)', '标记'].join('\t'),
  ];
  for (const u of s.units)
    lines.push(
      [
        `${u.unitName}(${u.unitCode})`,
        u.population,
        formatYuan(u.amountFen),
        formatYuan(u.disbursedFen),
        formatYuan(u.balanceFen),
        u.daysSinceAllocation,
        u.score ? formatCenti(u.score.centi) : '—',
        u.settledFen === null ? '—' : formatYuan(u.settledFen),
        [u.idle ? '经费沉淀' : '', u.late ? '拨付滞后' : ''].filter(Boolean).join(',') || '',
      ].join('\t'),
    );
  lines.push(
    [
      '合计',
      s.totals.population,
      formatYuan(s.totals.amountFen),
      formatYuan(s.totals.disbursedFen),
      formatYuan(s.totals.balanceFen),
      '',
      '',
      formatYuan(s.totals.settledFen),
      `沉淀${s.totals.idleUnits} 滞后${s.totals.lateUnits}`,
    ].join('\t'),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `gongwei funds allocate --org 620800 --year 2020`, `funds disburse --org … --year … <file>`,
 * `funds status --org … --year … [--as-of …]`, `funds export --org … --year … --xlsx f --docx f`.
 */
export function registerFundingCommands(program: Command): void {
  const funds = program.command('funds').description('basic public health funds | 基本公卫经费');

  withDbOption(
    funds
      .command('allocate')
      .description('allocate a year’s funds down to the health centres | 经费分配')
      .option('--org <code>', 'a city or county')
      .option('--year <year>', '2020 … 2024')
      .option('--allocated-on <date>', 'default YYYY-07-01')
      .option('--village-share <percent>', 'share of the rest to village clinics (default 40)')
      .option('--advance-share <percent>', 'share paid in advance (default 70)')
      .option('--idle-after <date>', 'default YYYY-09-30')
      .option('--idle-threshold <percent>', 'balance share counted idle (default 30)'),
  ).action(
    (o: {
      db?: string;
      org?: string;
      year?: string;
      allocatedOn?: string;
      villageShare?: string;
      advanceShare?: string;
      idleAfter?: string;
      idleThreshold?: string;
    }) =>
      withDb(o, async (db) => {
        const village = percentBp(o.villageShare, '--village-share');
        const advance = percentBp(o.advanceShare, '--advance-share');
        const idle = percentBp(o.idleThreshold, '--idle-threshold');
        const r = await allocateFunds(
          db,
          OPERATOR_SCOPE,
          {
            orgCode: required(o.org, '--org'),
            year: year(o.year),
            ...(o.allocatedOn ? { allocatedOn: o.allocatedOn } : {}),
            ...(o.idleAfter ? { idleAfter: o.idleAfter } : {}),
            ...(village === undefined ? {} : { villageShareBp: village }),
            ...(advance === undefined ? {} : { advanceShareBp: advance }),
            ...(idle === undefined ? {} : { idleThresholdBp: idle }),
          },
          { by: operatorName(), at: new Date().toISOString() },
        );
        process.stdout.write(
          `allocation #${r.id}: ${r.allocation.units.length} units, population ${r.allocation.population}, total ${formatYuan(r.allocation.totalFen)} 元\n`,
        );
      }),
  );

  withDbOption(
    funds
      .command('disburse <file>')
      .description(
        'record disbursements from a CSV/.xlsx (拨付日期, 付款单位, 收款单位编码, 金额（元）, 用途) | 导入拨付记录',
      )
      .option('--org <code>', 'the allocation’s org')
      .option('--year <year>', 'the allocation’s year'),
  ).action((file: string, o: { db?: string; org?: string; year?: string }) =>
    withDb(o, async (db) => {
      const n = await importDisbursementsFile(
        db,
        OPERATOR_SCOPE,
        { orgCode: required(o.org, '--org'), year: year(o.year) },
        file,
        { by: operatorName(), at: new Date().toISOString() },
      );
      process.stdout.write(`recorded ${n} disbursements\n`);
    }),
  );

  const statusOptions = (c: Command): Command =>
    withDbOption(
      c
        .option('--org <code>', 'the allocation’s org')
        .option('--year <year>', 'the allocation’s year')
        .option('--as-of <date>', 'default today'),
    );

  statusOptions(funds.command('status').description('funds per unit with idle flags | 经费执行情况'))
    .option('--json', 'print as JSON')
    .action((o: { db?: string; org?: string; year?: string; asOf?: string; json?: boolean }) =>
      withDb(o, async (db) => {
        const s = await readFundsStatus(db, OPERATOR_SCOPE, {
          orgCode: required(o.org, '--org'),
          year: year(o.year),
          asOf: o.asOf ?? new Date().toISOString().slice(0, 10),
        });
        process.stdout.write(o.json ? `${JSON.stringify(s, null, 2)}\n` : statusTable(s));
      }),
    );

  statusOptions(
    funds.command('export').description('allocation and settlement tables | 导出经费分配表、结算表'),
  )
    .option('--xlsx <file>', 'write the Excel tables')
    .option('--docx <file>', 'write the Word document')
    .option('--issuer <text>', 'issuing body of the Word document')
    .action(
      (o: {
        db?: string;
        org?: string;
        year?: string;
        asOf?: string;
        xlsx?: string;
        docx?: string;
        issuer?: string;
      }) =>
        withDb(o, async (db) => {
          const org = required(o.org, '--org');
          if (!o.xlsx && !o.docx) {
            throw GongweiError.badRequest(
              { zh: '请指定 --xlsx 或 --docx', en: 'name --xlsx or --docx' },
              '--xlsx',
            );
          }
          const s = await readFundsStatus(db, OPERATOR_SCOPE, {
            orgCode: org,
            year: year(o.year),
            asOf: o.asOf ?? new Date().toISOString().slice(0, 10),
          });
          const stored = await getOrg(db, WHOLE_TREE, org);
          if (!stored)
            throw GongweiError.notFound({ zh: `没有这个机构：${org}`, en: `no such org: ${org}` }, '--org');
          const name = stored.name;
          if (o.xlsx) writeFileSync(o.xlsx, await fundsXlsx(s, name));
          if (o.docx) writeFileSync(o.docx, await fundsDocx(s, name, o.issuer ?? defaultIssuer(stored)));
          process.stdout.write(`wrote ${[o.xlsx, o.docx].filter(Boolean).join(', ')}\n`);
        }),
    );
}
