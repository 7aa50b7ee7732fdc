import { isIsoDate } from '../../domain/records/iso-date.js';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { GongweiError } from '../../domain/gongwei-error.js';
import { checkIdNumber, type IdCheck, type RegionPolicy } from '../../domain/id-number/id-number.js';
import { divisionRegions } from '../orgs/division-source.js';

interface IdOptions {
  today?: string;
  regionPolicy: RegionPolicy;
}

/**
 * `gongwei id <number>...`: checks ID numbers (GB 11643) and prints one JSON object per
 * number and line. `-` reads numbers from standard input, one per line. Invalid numbers
 * are a result, not a failure: the exit code is 0; only usage errors exit with 1.
 *
 * @example
 * gongwei id 11010519491231002X 110105491231002
 * cat numbers.txt | gongwei id -
 */
export function registerIdCommands(program: Command): void {
  program
    .command('id')
    .description('check citizen ID numbers (GB 11643) | 校验身份证号码')
    .argument('<numbers...>', 'ID numbers; "-" reads one per line from standard input')
    .option('--today <date>', 'date after which a birth date is invalid (YYYY-MM-DD; default: today)')
    .addOption(
      new Option(
        '--region-policy <policy>',
        'province: unknown province is an error; county: unknown county too',
      )
        .choices(['province', 'county'])
        .default('province'),
    )
    .action(async (numbers: string[], options: IdOptions) => {
      const today = options.today ?? new Date().toISOString().slice(0, 10);
      if (!isIsoDate(today)) {
        throw GongweiError.badRequest(
          { zh: `日期格式应为 YYYY-MM-DD：${today}`, en: `expected YYYY-MM-DD: ${today}` },
          '--today',
        );
      }
      const regions = divisionRegions();
      const print = (input: string): void => {
        const check: IdCheck = checkIdNumber(input, regions, { today, regionPolicy: options.regionPolicy });
        process.stdout.write(`${JSON.stringify(check)}\n`);
      };
      for (const number of numbers) {
        if (number !== '-') {
          print(number);
          continue;
        }
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        for await (const line of lines) {
          // Blank lines separate nothing in a list of numbers; skip them rather than print EMPTY.
          if (line.trim() !== '') print(line);
        }
      }
    });
}
