import { Option, type Command } from 'commander';
import { OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { fileProgress } from '../../cli/progress.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { IMPORT_KINDS, isImportKind } from '../../domain/import/columns.js';
import { formatReportTable } from '../../domain/import/import-report.js';
import { importFile } from './import-file.js';

interface ImportCommandOptions {
  db?: string;
  format: 'json' | 'table';
  acceptValid?: boolean;
}

// Files smaller than this finish before a bar would be worth drawing.
const PROGRESS_MIN_BYTES = 1024 * 1024;

/**
 * `gongwei import <kind> <file>`: imports residents, enrolments, services or population
 * from CSV (UTF-8 or GBK) or .xlsx. Exit code 1 when rows were refused and nothing landed.
 *
 * @example
 * gongwei import residents 居民档案.csv
 * gongwei import services 随访.xlsx --accept-valid --format json
 */
export function registerImportCommand(program: Command): void {
  withDbOption(program.command('import'))
    .description(
      'import records from CSV or .xlsx (columns: docs/import.md) | 导入居民档案、纳入管理、服务记录或人口数据',
    )
    .argument('<kind>', `what the file holds: ${IMPORT_KINDS.join(' | ')}`)
    .argument('<file>', '.csv (UTF-8 or GBK) or .xlsx file')
    .addOption(new Option('--format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option(
      '--accept-valid',
      'land the valid rows and write the refused ones to <file>.rejected.csv | 仅导入有效行，拒收行另存',
    )
    .action((kindArgument: string, file: string, options: ImportCommandOptions) => {
      const kind = kindArgument === 'enrolments' ? 'enrollments' : kindArgument;
      if (!isImportKind(kind))
        throw GongweiError.badRequest(
          {
            zh: `未知的导入类型 ${kindArgument}（可用 ${IMPORT_KINDS.join('、')}）`,
            en: `unknown kind ${kindArgument} (${IMPORT_KINDS.join(', ')})`,
          },
          '<kind>',
        );
      return withDb(options, async (db) => {
        // A bar at a terminal, one line per tenth of the file otherwise (logs, CI).
        const progress = fileProgress({ zh: '导入', en: 'importing' });
        const report = await importFile(db, OPERATOR_SCOPE, kind, file, {
          acceptValid: options.acceptValid === true,
          onProgress: (done, total) => {
            if (total >= PROGRESS_MIN_BYTES) progress.update(done, total);
          },
        }).finally(progress.stop);
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : `${formatReportTable(report)}\n`,
        );
        if (!report.landed) process.exitCode = 1;
      });
    });
}
