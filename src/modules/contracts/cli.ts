import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { OPERATOR, OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { CONTRACT_INDICATORS } from '../../domain/contracts/contract-indicators.js';
import {
  CONTRACT_STATUS_NAMES,
  CONTRACT_STATUSES,
  KEY_POPULATION_NAMES,
  KEY_POPULATIONS,
  type ContractStatus,
  type KeyPopulation,
} from '../../domain/contracts/contract-rules.js';
import { SERVICE_PACKAGES } from '../../domain/contracts/service-packages.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { parsePeriod } from '../../domain/periods/period.js';
import { contractIndicatorsOfOrg } from './contract-indicator-values.js';
import { importContractsFile, importRefused, type ContractImportReport } from './import-contracts.js';
import { listContracts, type ContractListRow } from './list-contracts.js';
import { teamsOf } from './list-teams.js';

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

function asFormat(text: string): Format {
  if (!(FORMATS as readonly string[]).includes(text))
    throw GongweiError.badRequest(
      { zh: '--format 应为 table、csv 或 json', en: '--format is table, csv or json' },
      '--format',
    );
  return text as Format;
}

function asDate(text: string, flag: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!ok)
    throw GongweiError.badRequest(
      { zh: `日期应为 YYYY-MM-DD：${text}`, en: `a date YYYY-MM-DD: ${text}` },
      flag,
    );
  return text;
}

function oneOf<T extends string>(
  text: string | undefined,
  values: readonly T[],
  flag: string,
): T | undefined {
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text))
    throw GongweiError.badRequest(
      { zh: `${flag} 应为：${values.join('、')}`, en: `${flag} is one of ${values.join(', ')}` },
      flag,
    );
  return text as T;
}

function wholeNumber(text: string, flag: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw GongweiError.badRequest({ zh: `${flag} 应为 0–${max}`, en: `${flag} is 0–${max}` }, flag);
  return n;
}

/** What an import printed: the counts, then each refused row's column and reason. */
function importSummary(report: ContractImportReport): string {
  const lines = [
    `${report.kind === 'teams' ? '团队' : '签约'}导入 ${report.file}（${report.encoding}）：读取 ${report.rowsRead} 行，` +
      `新增 ${report.inserted}，更新 ${report.updated}` +
      (report.kind === 'contracts' ? `，续约 ${report.renewals}` : '') +
      `，拒绝 ${report.rejected}`,
  ];
  for (const r of report.rejections) lines.push(`第${r.row}行 ${r.column}：${r.reason.zh}（${r.value}）`);
  if (report.ignoredColumns.length > 0) lines.push(`未识别的列：${report.ignoredColumns.join('、')}`);
  return `${lines.join('\n')}\n`;
}

const LIST_COLUMNS = [
  '签约编号',
  '档案编号',
  '姓名',
  '身份证号',
  '团队',
  '签约日期',
  '到期日期',
  '服务包',
  '重点人群',
  '续约',
  '状态',
];

function listRecord(r: ContractListRow): (string | null)[] {
  return [
    r.contractNo,
    r.recordNo,
    r.name,
    r.idNumber,
    r.teamCode,
    r.signedDate,
    r.endDate,
    SERVICE_PACKAGES.find((p) => p.code === r.packageCode)?.name.zh ?? r.packageCode,
    r.keyPopulations.map((g) => KEY_POPULATION_NAMES[g].zh).join('、'),
    r.renewal ? '是' : '否',
    CONTRACT_STATUS_NAMES[r.status].zh,
  ];
}

function percent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/**
 * `gongwei contracts teams|import|list|indicators`: family-doctor teams and contracts
 * (家庭医生签约, docs/contracts.md). The local operator holds every permission on the whole
 * tree; the contract list masks residents as the API does for a role with personal.read (a
 * list of people is masked for everyone). Every run is written to the access trail.
 */
export function registerContractCommands(program: Command): void {
  const contracts = program
    .command('contracts')
    .description('family-doctor teams and contracts | 家庭医生签约');

  withDbOption(
    contracts
      .command('import')
      .description('import teams or contracts from .csv/.xlsx, all or nothing | 导入团队或签约')
      .argument('<kind>', 'teams | contracts')
      .argument('<file>', '.csv (UTF-8 or GBK) or .xlsx with the Chinese headers of docs/contracts.md')
      .option('--today <date>', 'the day a signing may not be after (default: today)')
      .option('--format <format>', 'table or json', 'table'),
  ).action((kind: string, file: string, o: { db?: string; today?: string; format: string }) => {
    const which = oneOf(kind, ['teams', 'contracts'] as const, '<kind>')!;
    const format = asFormat(o.format);
    return withDb(o, async (db) => {
      const report = await importContractsFile(db, OPERATOR_SCOPE, which, file, {
        today: o.today === undefined ? undefined : asDate(o.today, '--today'),
      });
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : importSummary(report),
      );
      if (!report.landed) throw importRefused(report);
    });
  });

  withDbOption(
    contracts
      .command('teams')
      .description('the family-doctor teams, below an org when given | 家庭医生团队')
      .option('--org <code>', 'a county, township or village')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action((o: { db?: string; org?: string; format: string }) => {
    const format = asFormat(o.format);
    return withDb(o, async (db) => {
      const teams = await teamsOf(db, OPERATOR_SCOPE, o.org, '--org');
      if (format === 'json') return void process.stdout.write(`${JSON.stringify(teams, null, 2)}\n`);
      const rows = teams.map((t) => [
        t.code,
        t.name,
        t.institutionCode,
        t.members.map((m) => `${m.name}:${m.role}`).join(';'),
        t.villages.join(';'),
      ]);
      const header = ['团队编号', '团队名称', '机构编码', '团队成员', '服务村居'];
      process.stdout.write(
        format === 'csv'
          ? stringify([header, ...rows])
          : `${[header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n')}\n`,
      );
    });
  });

  withDbOption(
    contracts
      .command('list')
      .description('the contracts of an org, newest first, residents masked | 签约名单')
      .requiredOption('--org <code>', 'a village, township or above')
      .option('--as-of <date>', 'the day statuses are judged on (default: today)')
      .option('--status <status>', CONTRACT_STATUSES.join(' | '))
      .option('--team <code>', "a team's code: only its contracts")
      .option('--key-population <group>', KEY_POPULATIONS.join(' | '))
      .option('--limit <n>', 'at most this many rows', '100')
      .option('--offset <n>', 'skip this many rows', '0')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(
    (o: {
      db?: string;
      org: string;
      asOf?: string;
      status?: string;
      team?: string;
      keyPopulation?: string;
      limit: string;
      offset: string;
      format: string;
    }) => {
      const format = asFormat(o.format);
      const asOf = asDate(o.asOf ?? new Date().toISOString().slice(0, 10), '--as-of');
      const query = {
        org: o.org,
        asOf,
        status: oneOf<ContractStatus>(o.status, CONTRACT_STATUSES, '--status'),
        teamCode: o.team,
        keyPopulation: oneOf<KeyPopulation>(o.keyPopulation, KEY_POPULATIONS, '--key-population'),
        limit: Math.max(1, wholeNumber(o.limit, '--limit', 100_000)),
        offset: wholeNumber(o.offset, '--offset', 10_000_000),
        fields: { org: '--org', team: '--team' },
      };
      return withDb(o, async (db) => {
        const page = await listContracts(db, OPERATOR_SCOPE, OPERATOR.permissions, query);
        if (format === 'json')
          return void process.stdout.write(
            `${JSON.stringify({ asOf, total: page.total, rows: page.rows }, null, 2)}\n`,
          );
        const rows = page.rows.map(listRecord);
        process.stdout.write(
          format === 'csv'
            ? stringify([LIST_COLUMNS, ...rows])
            : `${[`签约名单 ${o.org} ${asOf} · 共 ${page.total} 条`, LIST_COLUMNS.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n')}\n`,
        );
      });
    },
  );

  withDbOption(
    contracts
      .command('indicators')
      .description('contract indicators of an org and its children for a period | 签约指标')
      .requiredOption('--org <code>', 'a province, city, county, township or village')
      .requiredOption('--period <period>', "'2020', '2020H1', '2020Q2', '2020-06' or '2020-06-1'")
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action((o: { db?: string; org: string; period: string; format: string }) => {
    const format = asFormat(o.format);
    const period = parsePeriod(o.period);
    return withDb(o, async (db) => {
      const answer = await contractIndicatorsOfOrg(db, OPERATOR_SCOPE, o.org, period, '--org');
      if (format === 'json')
        return void process.stdout.write(
          `${JSON.stringify({ period: period.text, rows: answer.rows }, null, 2)}\n`,
        );
      const header = ['机构编码', '机构', ...CONTRACT_INDICATORS.map((i) => i.name.zh)];
      const rows = answer.rows.map((r) => [
        r.orgCode,
        r.orgName,
        ...r.values.map((v) =>
          format === 'csv'
            ? v.value === null
              ? ''
              : v.value.toFixed(2)
            : `${percent(v.value)} (${v.numerator}/${v.denominator})`,
        ),
      ]);
      process.stdout.write(
        format === 'csv'
          ? stringify([header, ...rows])
          : `${[`签约指标 ${o.org} ${period.text}`, header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n')}\n`,
      );
    });
  });
}
