import { Option, type Command } from 'commander';
import { withDb, withDbOption } from '../../cli/command-context.js';
import { phaseProgress } from '../../cli/progress.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { DEMO_SCALES, type DemoScale } from './generator/calibration.js';
import { generateDemo, type DemoSummary } from './generate-demo.js';

const PHASES: Readonly<Record<string, { zh: string; en: string }>> = {
  orgs: { zh: '导入区划', en: 'division tree' },
  population: { zh: '人口', en: 'population' },
  records: { zh: '档案与服务', en: 'records and services' },
  funds: { zh: '经费与考核', en: 'funds and assessment' },
  reported: { zh: '上报指标', en: 'reported values' },
};

/**
 * `gongwei demo`: builds the synthetic Pingliang first half of 2020 (DESIGN, demo scenario).
 *
 * @example
 * gongwei demo --db data/demo.sqlite --scale small --seed 2020
 */
export function registerDemoCommand(program: Command): void {
  withDbOption(program.command('demo'))
    .description('build the synthetic Pingliang 2020 H1 demo city | 生成平凉市2020年上半年演示数据')
    .addOption(
      new Option(
        '--scale <scale>',
        'small ≈ 1/50 of the city (under a minute), county ≈ 1/8, city ≈ 1.91 M records',
      )
        .choices(Object.keys(DEMO_SCALES))
        .default('small'),
    )
    .option('--seed <n>', 'random seed: the same seed gives the same city', '2020')
    .option('--json', 'print the summary as JSON')
    // For tests and the benchmark: any share of the real city, e.g. 0.0005.
    .addOption(new Option('--fraction <share>').hideHelp())
    .action((options: { db?: string; scale: DemoScale; seed: string; json?: boolean; fraction?: string }) =>
      withDb(
        options,
        async (db) => {
          if (!/^-?\d{1,9}$/.test(options.seed.trim())) {
            throw GongweiError.badRequest(
              { zh: `应为整数：${options.seed}`, en: `an integer is expected: ${options.seed}` },
              '--seed',
            );
          }
          const fraction = options.fraction === undefined ? undefined : Number(options.fraction);
          if (fraction !== undefined && !(fraction > 0 && fraction <= 1)) {
            throw GongweiError.badRequest(
              {
                zh: `应为0到1之间的数：${options.fraction}`,
                en: `a share in (0, 1] is expected: ${options.fraction}`,
              },
              '--fraction',
            );
          }
          // A bar per phase at a terminal, one line per phase otherwise (logs, CI).
          const progress = phaseProgress(PHASES);
          try {
            const summary = await generateDemo(db, {
              scale: options.scale,
              seed: Number(options.seed),
              onProgress: progress.update,
              ...(fraction === undefined ? {} : { fraction }),
            });
            progress.stop();
            process.stdout.write(
              options.json
                ? `${JSON.stringify({ ...summary, db: db.location })}\n`
                : formatSummary(summary, db.location),
            );
          } finally {
            progress.stop();
          }
        },
        { create: true },
      ),
    );
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The summary as printed for people, Chinese first. */
function formatSummary(s: DemoSummary, location: string): string {
  const p = s.planted;
  return [
    `平凉市演示数据已生成 demo city built: ${location}`,
    `  规模 scale ${s.scale}, 种子 seed ${s.seed}, 用时 ${s.seconds} 秒 seconds`,
    `  机构 orgs ${count(s.orgs)}, 人口 population ${count(s.population)}`,
    `  档案 residents ${count(s.residents)}, 专项管理 enrolments ${count(s.enrollments)}, 服务 services ${count(s.services)}`,
    `  家庭医生团队 teams ${count(s.teams)}, 签约 contracts ${count(s.contracts)}`,
    `  埋设的问题 planted: 重复档案 duplicates ${p.duplicateRecords}, 身份证号异常 bad ID numbers ${p.badIdNumbers}, ` +
      `体检雷同 identical check-ups ${p.identicalCheckups}, 左右臂血压差>10 arm BP ${p.armBpDifferences}, ` +
      `死亡/迁出后服务 services after death/move-out ${p.servicesAfterDeathOrMoveOut}, 非动态档案 unused records ${p.unusedRecords}`,
    `  经费 funds 2020: 卫生院 centres ${s.funds.units}, 拨付记录 payments ${s.funds.payments}, ` +
      `2020H1考核 assessment run #${s.funds.assessmentRunId}`,
    `  上报指标 reported values (2020Q2, 2020H1): ${s.reported}`,
    '',
  ].join('\n');
}
