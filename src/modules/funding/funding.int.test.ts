import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { defaultIssuer } from '../../domain/bulletins/level-words.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { allocateFunds } from './allocate-funds.js';
import { fundsDocx, fundsXlsx } from './export-funds.js';
import { insertFundingWorld } from './funding.fixture.js';
import { readFundsStatus } from './funds-status.js';
import { importDisbursementsFile, recordDisbursements } from './record-disbursements.js';

const WHO = { by: 'bureau1', at: '2020-07-01T08:00:00.000Z' };
const KONGTONG = subtreeScope({ code: '620802', level: 3, countyCode: '620802' });

describeEachDialect('funding: allocation, disbursements and status', (t) => {
  beforeAll(async () => {
    await insertFundingWorld(t.db);
  });

  it('allocates 74 yuan per resident down to the townships, summing exactly', async () => {
    const { allocation } = await allocateFunds(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020 }, WHO);
    const population = 1001 + 2000 + 3333 + 1234 + 4321;
    expect(allocation.population).toBe(population);
    expect(allocation.totalFen).toBe(7400 * population);
    expect(allocation.units.map((u) => [u.code, u.amountFen])).toEqual([
      ['620802100', 3001 * 7400],
      ['620802101', 3333 * 7400],
      ['620821100', 5555 * 7400],
    ]);
    expect(allocation.units[0]).toMatchObject({ earmarkFen: 3001 * 500 });
  });

  it('refuses a second allocation of the same year', async () => {
    await expect(
      allocateFunds(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020 }, WHO),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it('refuses a whole batch with one bad row, storing nothing', async () => {
    const bad = recordDisbursements(
      t.db,
      WHOLE_TREE,
      { orgCode: '620800', year: 2020 },
      [
        { paidOn: '2020-07-10', payer: '平凉市财政局', payeeCode: '620802100', amount: '100000.00' },
        { paidOn: '2020-07-10', payer: '平凉市财政局', payeeCode: '620802999', amount: '1.001' },
      ],
      WHO,
    );
    await expect(bad).rejects.toBeInstanceOf(GongweiError);
    await expect(bad).rejects.toMatchObject({
      issues: [{ field: '第2行「收款单位编码」' }, { field: '第2行「金额（元）」' }],
    });
    const s = await readFundsStatus(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020, asOf: '2020-12-31' });
    expect(s.totals.disbursedFen).toBe(0);
  });

  it('imports a CSV with Chinese headers and reports balances, late and idle units', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'funds-'));
    const file = join(dir, 'bofu.csv');
    writeFileSync(
      file,
      [
        '拨付日期,付款单位,收款单位编码,金额（元）,用途',
        '2020-07-15,崆峒区财政局,620802100,"222,074.00",预拨',
        '2020年8月1日,崆峒区财政局,620802101,50000,预拨',
        '2020-11-20,泾川县财政局,620821100,411070.00,预拨',
      ].join('\n'),
    );
    expect(
      await importDisbursementsFile(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020 }, file, WHO),
    ).toBe(3);
    const s = await readFundsStatus(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020, asOf: '2020-10-31' });
    const [a, b, c] = s.units;
    // 620802100: 3001 × 74 = 222074.00 paid in full
    expect(a).toMatchObject({ disbursedFen: 22207400, balanceFen: 0, idle: false, late: false });
    // 620802101: 246642.00 allocated, 50000 paid: advance not paid on, balance above 30 % after 9-30
    expect(b).toMatchObject({
      disbursedFen: 5000000,
      balanceFen: 24664200 - 5000000,
      idle: true,
      late: true,
    });
    // 620821100: paid after the as-of date: nothing counted yet
    expect(c).toMatchObject({
      disbursedFen: 0,
      daysSinceAllocation: 122,
      idle: true,
      late: true,
      lastPaidOn: null,
    });
    expect(s.totals).toMatchObject({ idleUnits: 2, lateUnits: 2, amountFen: 7400 * 11889 });
    expect(c!.score).toBeNull();
    expect(c!.settledFen).toBeNull();
  });

  it('confines the status to the caller’s county', async () => {
    const s = await readFundsStatus(t.db, KONGTONG, { orgCode: '620800', year: 2020, asOf: '2020-12-31' });
    expect(s.units.map((u) => u.unitCode)).toEqual(['620802100', '620802101']);
    await expect(
      recordDisbursements(
        t.db,
        KONGTONG,
        { orgCode: '620800', year: 2020 },
        [{ paidOn: '2020-07-10', payer: 'x', payeeCode: '620821100', amount: 1 }],
        WHO,
      ),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('writes the allocation table as Excel and Word with the figures of the status', async () => {
    const s = await readFundsStatus(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020, asOf: '2020-10-31' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fundsXlsx(s, '平凉市')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('经费分配')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const baishui = rows.find((r) => r[1] === '白水镇')!;
    // 3333 residents × 74 yuan
    expect(baishui.slice(2, 5)).toEqual([3333, 74, 246642]);
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total[2]).toBe(11889);
    expect(total[4]).toBe(11889 * 74);

    const zip = await JSZip.loadAsync(
      await fundsDocx(s, '平凉市', defaultIssuer({ name: '平凉市', level: 2 })),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('平凉市卫生健康委员会');
    expect(text).toContain('246,642.00');
    expect(text).toContain('白水镇');
  });
});
