/**
 * `gongwei access-log verify | export | archive`: the operator's commands on the access
 * trail. Each parses its options, calls one use-case, prints; refusals are GongweiErrors
 * naming the option (exit code 1).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { CHAIN_START } from '../../domain/access/trail-chain.js';
import {
  retentionCutoff,
  retentionMonths,
  trailInstant,
  trailTimeRange,
} from '../../domain/access/trail-rules.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { archiveTrail, exportTrail, TRAIL_EXPORT_FORMATS, type TrailExportFormat } from './export-trail.js';
import { verifyWithArchives, type BrokenLink, type ChainCheck } from './verify-trail.js';

const REASONS: Record<BrokenLink['reason'], { zh: string; en: string }> = {
  previous_hash: {
    zh: 'previous_hash 不是上一行的 hash（有行被删除、插入或调换）',
    en: 'its previous_hash is not the hash of the row before (a row removed, inserted or moved)',
  },
  hash: {
    zh: '内容与其 hash 不符（该行被修改）',
    en: 'its content does not match its hash (the row was edited)',
  },
  archive_link: {
    zh: '表中该行与归档文件最后一行的 hash 不同',
    en: "the table's copy differs from the archive's last row",
  },
};

/** The refusal naming the first broken link (exit code 1). */
function brokenError(broken: BrokenLink, checked: number): GongweiError {
  const where = broken.source === 'table' ? '' : `（${broken.source}）`;
  const whereEn = broken.source === 'table' ? '' : ` (${broken.source})`;
  const hint =
    checked === 0 && broken.reason === 'previous_hash' && broken.source === 'table'
      ? {
          zh: '；若此前的行已归档移出，请用 --archive 指定归档文件',
          en: '; if the rows before it were archived and removed, pass them with --archive',
        }
      : { zh: '', en: '' };
  return new GongweiError('conflict', {
    zh: `访问日志链接断裂：第一处在 id ${broken.id}${where}，${REASONS[broken.reason].zh}${hint.zh}`,
    en: `access trail broken: first at id ${broken.id}${whereEn}: ${REASONS[broken.reason].en}${hint.en}`,
  });
}

function lastOf(check: ChainCheck): string {
  return check.last ? `last id ${check.last.id}, hash ${check.last.hash}` : `empty, hash ${CHAIN_START}`;
}

/** `--out FILE` as a stream, or standard output; `close` waits until the file is written. */
function outputOf(file: string | undefined): { out: Writable; close: () => Promise<void> } {
  if (file === undefined) return { out: process.stdout, close: async () => {} };
  const out = createWriteStream(file, { encoding: 'utf8' });
  return {
    out,
    close: async () => {
      out.end();
      await once(out, 'finish');
    },
  };
}

function formatOf(text: string): TrailExportFormat {
  if ((TRAIL_EXPORT_FORMATS as readonly string[]).includes(text)) return text as TrailExportFormat;
  throw GongweiError.badRequest(
    {
      zh: `格式应为 csv 或 jsonl：${text.slice(0, 20)}`,
      en: `the format is csv or jsonl: ${text.slice(0, 20)}`,
    },
    '--format',
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Registers `gongwei access-log …`. */
export function registerAccessLogCommands(program: Command): void {
  const accessLog = program
    .command('access-log')
    .description('the append-only access trail: verify, export, archive | 访问日志');

  withDbOption(accessLog.command('verify'))
    .description('check the hash chain; name the first broken row | 校验访问日志的哈希链')
    .option(
      '--archive <file>',
      'archive file(s) holding rows taken out of the table, oldest first (repeat the option)',
      collect,
      [],
    )
    .action((o: { db?: string; archive: string[] }) =>
      withDb(o, async (db) => {
        const { archives, table } = await verifyWithArchives(db, o.archive);
        const broken = archives.broken ?? table.broken;
        if (broken) throw brokenError(broken, archives.rows + table.rows);
        const fromArchives = archives.rows > 0 ? ` + ${archives.rows} archived` : '';
        process.stdout.write(
          `OK: ${table.rows} rows${fromArchives}, the chain holds (${lastOf(table.last ? table : archives)})\n` +
            `完好：${table.rows} 行${archives.rows > 0 ? `，另有归档 ${archives.rows} 行` : ''}，哈希链完整\n`,
        );
      }),
    );

  withDbOption(accessLog.command('export'))
    .description('write the rows between two dates (inclusive) | 导出访问日志')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD, server time zone) or timestamp with zone')
    .requiredOption('--to <date>', 'last day, inclusive, or timestamp with zone')
    .option('--format <format>', 'csv | jsonl', 'csv')
    .option('--out <file>', 'file to write (default: standard output)')
    .action((o: { db?: string; from: string; to: string; format: string; out?: string }) =>
      withDb(o, async (db) => {
        const format = formatOf(o.format);
        const range = trailTimeRange({ from: o.from, to: o.to }, { from: '--from', to: '--to' });
        const { out, close } = outputOf(o.out);
        const rows = await exportTrail(db, OPERATOR_SCOPE, range, format, out);
        await close();
        process.stderr.write(`${rows} rows exported | 已导出 ${rows} 行\n`);
      }),
    );

  withDbOption(accessLog.command('archive'))
    .description(
      'write the chain up to a date to a file, for keeping offline; removes nothing | 归档访问日志（不删除）',
    )
    .requiredOption('--before <date>', 'rows stamped before this day (YYYY-MM-DD) or timestamp')
    .requiredOption('--out <file>', 'the archive file (JSON lines)')
    .option(
      '--retention-months <n>',
      'rows younger than this stay in the database: the date must be older (≥ 6; default GONGWEI_TRAIL_RETENTION_MONTHS or 6)',
    )
    .action((o: { db?: string; before: string; out: string; retentionMonths?: string }) =>
      withDb(o, async (db) => {
        const months = retentionMonths(
          o.retentionMonths ?? process.env.GONGWEI_TRAIL_RETENTION_MONTHS,
          o.retentionMonths === undefined ? 'GONGWEI_TRAIL_RETENTION_MONTHS' : '--retention-months',
        );
        const before = trailInstant(o.before, '--before');
        const cutoff = retentionCutoff(new Date(), months).toISOString();
        if (before > cutoff)
          throw GongweiError.badRequest(
            {
              zh: `只能归档 ${months} 个月之前的访问日志（${cutoff} 之前）`,
              en: `only rows older than the ${months}-month retention can be archived (before ${cutoff})`,
            },
            '--before',
          );
        const archive = await archiveTrail(db, before, o.out);
        process.stdout.write(
          `${archive.rows} rows archived to ${o.out}: ids ${archive.first.id}..${archive.last.id}, ` +
            `first linking to ${archive.first.previousHash}, last hash ${archive.last.hash}\n` +
            `已归档 ${archive.rows} 行；数据库中的行未删除（删除步骤见 docs/access-trail.md）\n`,
        );
      }),
    );
}
