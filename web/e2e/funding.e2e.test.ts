import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_SCOPE } from '../../src/cli/command-context.js';
import { listChildren } from '../../src/modules/orgs/org-repository.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const TEST_TIMEOUT = 150_000;

interface Status {
  units: { unitCode: string; unitName: string; idle: boolean; late: boolean; score: unknown }[];
  totals: { idleUnits: number; lateUnits: number };
}

describe.skipIf(unavailable !== null)('the funds page (经费) in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  it(
    "shows the city's 2020 allocation with its late and idle centres, the settlement, the Excel file, and records a payment",
    async () => {
      const page = await site.signedInPage('bureau', '620800');
      await page.goto(site.url('/funding?org=620800&period=2020Q2'));
      const rows = page.locator('[data-table="allocation"] .ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 30_000 });

      // The page reads the status on the year's last day, as the API answers it.
      const status = (await (
        await page.request.get(site.url('/api/funds/status?org=620800&year=2020&asOf=2020-12-31'))
      ).json()) as Status;
      expect(status.totals.idleUnits).toBeGreaterThan(1);
      expect(status.totals.lateUnits).toBeGreaterThan(0);
      await expect
        .poll(() => page.locator('[data-summary="funds"]').innerText())
        .toContain(`迟拨${status.totals.lateUnits}个单位，沉淀${status.totals.idleUnits}个单位`);
      expect(await rows.count()).toBe(Math.min(50, status.units.length));
      const idleShown = await page.locator('[data-table="allocation"] [data-flag="idle"]').allInnerTexts();
      const idleOnPage = status.units.slice(0, 50).filter((u) => u.idle).length;
      expect(idleShown).toHaveLength(idleOnPage);
      for (const text of idleShown)
        expect(text).toMatch(/沉淀\s*2020-09-30后结余[\d,]+\.\d{2}元，超过分配额的30%/);
      await site.screenshot(page, 'funding.zh');

      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /下载Excel/ }).click(),
      ]);
      expect(
        readFileSync(await file.path())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      expect(file.suggestedFilename()).toBe('平凉市2020年基本公卫经费.xlsx');

      // Settlement: 崆峒区's centres were assessed for 2020H1, the others wait.
      await page.getByRole('tab', { name: '考核清算' }).click();
      const settlement = page.locator('[data-table="settlement"] .ant-table-tbody tr.ant-table-row');
      await settlement.first().waitFor();
      const scored = status.units.slice(0, 50).filter((u) => u.score !== null).length;
      expect(scored).toBeGreaterThan(0);
      expect(await settlement.filter({ hasText: '/ 100.00' }).count()).toBe(scored);
      await site.screenshot(page, 'funding.settlement');

      // A payment of 1234.5 yuan to the first centre is stored as 123450 fen and listed.
      await page.getByRole('tab', { name: '拨付记录' }).click();
      const form = page.locator('[data-form="disbursement"]');
      await form.waitFor();
      const first = status.units[0]!;
      await form.getByLabel('拨付日期').click();
      await form.getByLabel('拨付日期').fill('2020-12-20');
      await page.keyboard.press('Enter');
      await form.getByLabel('付款单位').fill('平凉市卫生健康委员会');
      await form.getByLabel('收款单位').click();
      await page.keyboard.type(first.unitName);
      await page.locator('.ant-select-item-option', { hasText: first.unitName }).first().click();
      await form.getByLabel('金额（元）').fill('1234.5');
      // The answer is awaited rather than the toast, which may come and go on a loaded machine.
      const saved = page.waitForResponse(
        (r) => r.url().includes('/api/funds/disbursements') && r.request().method() === 'POST',
        { timeout: 60_000 },
      );
      await form.getByRole('button', { name: /保\s*存/ }).click();
      const answer = await saved;
      expect(answer.status(), await answer.text()).toBeLessThan(300);
      const listed = (await (
        await page.request.get(site.url('/api/funds/disbursements?org=620800&year=2020'))
      ).json()) as { unitCode: string; paidOn: string; amountFen: number; payer: string }[];
      expect(listed.filter((d) => d.paidOn === '2020-12-20')).toEqual([
        expect.objectContaining({
          unitCode: first.unitCode,
          amountFen: 123_450,
          payer: '平凉市卫生健康委员会',
        }),
      ]);
      await expect
        .poll(() =>
          page.locator('[data-table="disbursements"] tr', { hasText: '2020年12月20日' }).allInnerTexts(),
        )
        .toEqual([expect.stringContaining('1,234.50')]);
      await site.screenshot(page, 'funding.payments');

      // A file with one bad row is refused whole, the problem named by row and column; fixed, it lands.
      const header = '拨付日期,付款单位,收款单位编码,金额（元）,用途';
      const upload = (rows: string[]) =>
        page
          .locator('[data-form="disbursement"] ~ * input[type="file"], .ant-upload input[type="file"]')
          .first()
          .setInputFiles({
            name: 'bofu.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from([header, ...rows].join('\n'), 'utf8'),
          });
      await upload([
        `2020-12-21,平凉市卫生健康委员会,${first.unitCode},100.00,结算`,
        '2020-12-21,平凉市卫生健康委员会,620899999,1.001,结算',
      ]);
      await expect
        .poll(() => page.locator('[data-refusal="disbursements"]').innerText())
        .toContain('第3行「收款单位编码」');
      await upload([`2020-12-21,平凉市卫生健康委员会,${first.unitCode},100.00,结算`]);
      await page.getByText('已导入1条拨付记录').waitFor();
      expect(await page.locator('[data-refusal="disbursements"]').count()).toBe(0);
      await expect
        .poll(() =>
          page.locator('[data-table="disbursements"] tr', { hasText: '2020年12月21日' }).allInnerTexts(),
        )
        .toEqual([expect.stringContaining('100.00')]);
      await site.screenshot(page, 'funding.import');
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    "shows a health centre its own line of the city's allocation, in English, without the payment form",
    async () => {
      const [township] = await listChildren(site.db, OPERATOR_SCOPE, '620821');
      const page = await site.signedInPage('centre', township!.code, { language: 'en' });
      await page.goto(site.url(`/funding?org=${township!.code}&period=2020Q2`));
      const rows = page.locator('[data-table="allocation"] .ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 30_000 });
      expect(await rows.count()).toBe(1);
      await expect
        .poll(() => page.getByText(/allocation of 2020/).innerText())
        .toBe('平凉市: allocation of 2020 (74 yuan per resident, made on 20 Apr 2020)');
      await expect.poll(() => page.getByRole('heading', { level: 3 }).innerText()).toContain('Funds');
      await page.getByRole('tab', { name: 'Payments' }).click();
      await page.locator('[data-table="disbursements"]').waitFor();
      expect(await page.locator('[data-form="disbursement"]').count()).toBe(0);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );
});
