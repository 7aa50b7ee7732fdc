import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_SCOPE } from '../../src/cli/command-context.js';
import { listChildren } from '../../src/modules/orgs/org-repository.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const TEST_TIMEOUT = 120_000;

describe.skipIf(unavailable !== null)('the family-doctor contracts page (家庭医生签约) in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  it(
    'shows a county its rates and those of its townships as percent, the masked list, and the teams',
    async () => {
      const county = '620802';
      const page = await site.signedInPage('bureau', county);
      await page.goto(site.url(`/contracts?org=${county}&period=2020Q2`));
      await page.getByTestId('contracts-page').waitFor();
      const rows = page.locator('[data-testid="contracts-page"] .ant-tabs-tabpane-active tr.ant-table-row');
      await rows.first().waitFor({ timeout: 30_000 });

      // The table is the server's: the county first, then each township.
      const answer = (await (
        await page.request.get(site.url(`/api/contracts/indicators?org=${county}&period=2020Q2`))
      ).json()) as { rows: { orgCode: string; values: { id: string; value: number | null }[] }[] };
      const townships = await listChildren(site.db, OPERATOR_SCOPE, county);
      expect(answer.rows.map((r) => r.orgCode)).toEqual([county, ...townships.map((t) => t.code)]);
      await expect.poll(() => rows.count()).toBe(answer.rows.length);
      const keyRate = answer.rows[0]!.values.find((v) => v.id === 'contract_rate_key')!.value!;
      expect(keyRate).toBeGreaterThan(50);
      expect(keyRate).toBeLessThan(85);
      const firstRow = await rows.first().innerText();
      expect(firstRow).toContain(`${keyRate.toFixed(2)}%`);
      await site.screenshot(page, 'contracts.indicators');

      await page.getByRole('tab', { name: '签约名单' }).click();
      const contracts = page.locator(
        '[data-testid="contracts-page"] .ant-tabs-tabpane-active tr.ant-table-row',
      );
      await contracts.first().waitFor({ timeout: 30_000 });
      const cells = await contracts.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText)),
      );
      expect(cells.length).toBe(50);
      // A list: every name masked, every ID number masked.
      for (const c of cells) {
        expect(c[1]).toMatch(/^.\*\*/);
        expect(c[2]).toMatch(/^\d{6}\*+/);
      }
      await expect
        .poll(() => page.locator('.ant-pagination-total-text').first().innerText())
        .toMatch(/^共 [\d,]+ 份$/);
      await site.screenshot(page, 'contracts.list');

      await page.getByRole('tab', { name: '家庭医生团队' }).click();
      const teams = page.locator('[data-testid="contracts-page"] .ant-tabs-tabpane-active tr.ant-table-row');
      await teams.first().waitFor({ timeout: 30_000 });
      expect(await teams.first().innerText()).toMatch(/家庭医生团队/);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'offers a viewer the rates in English, and no list of people',
    async () => {
      const [township] = await listChildren(site.db, OPERATOR_SCOPE, '620802');
      const page = await site.signedInPage('viewer', township!.code, { language: 'en' });
      await page.goto(site.url(`/contracts?org=${township!.code}&period=2020Q2`));
      await page.getByTestId('contracts-page').waitFor();
      await expect
        .poll(() => page.getByRole('heading', { level: 3 }).innerText())
        .toBe('Family-doctor contracts');
      const rates = page.locator('[data-testid="contracts-page"] .ant-tabs-tabpane-active tr.ant-table-row');
      await rates.first().waitFor({ timeout: 30_000 });
      expect(await rates.first().innerText()).toMatch(/%/);
      // Aggregates only, never personal data: no contract list, no teams, no import.
      for (const tab of ['Contracts', 'Teams', 'Import'])
        expect(await page.getByRole('tab', { name: tab }).count()).toBe(0);
      const status = await page.evaluate(
        async (org) => (await fetch(`/api/contracts?org=${org}`)).status,
        township!.code,
      );
      expect(status).toBe(403);
      await site.screenshot(page, 'contracts.viewer.en');
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'lets a health centre import a contracts file: a bad row is named and nothing is stored',
    async () => {
      const [township] = await listChildren(site.db, OPERATOR_SCOPE, '620802');
      const [village] = await listChildren(site.db, OPERATOR_SCOPE, township!.code);
      const dir = mkdtempSync(join(tmpdir(), 'gongwei-contracts-e2e-'));
      const file = join(dir, '签约.csv');
      writeFileSync(
        file,
        `签约编号,档案编号,团队编号,签约日期\nQYE2E1,${village!.code}99999,T${township!.code}-1,2020-06-01\n`,
      );
      const page = await site.signedInPage('centre', township!.code);
      const total = async (): Promise<number> =>
        (
          (await (
            await page.request.get(site.url(`/api/contracts?org=${township!.code}&limit=1`))
          ).json()) as { total: number }
        ).total;
      const before = await total();
      await page.goto(site.url(`/contracts?org=${township!.code}&period=2020Q2`));
      await page.getByRole('tab', { name: '导入' }).click();
      await page.locator('.gw-contract-import-kind').click();
      await page.locator('.ant-select-item-option[title="签约"]').click();
      await page.locator('[data-testid="contracts-page"] input[type="file"]').setInputFiles(file);
      const refused = page.locator('.ant-tabs-tabpane-active tr.ant-table-row');
      await refused.first().waitFor({ timeout: 30_000 });
      const cells = await refused.first().locator('td').allInnerTexts();
      expect(cells.slice(0, 2)).toEqual(['2', '档案编号']);
      expect(await page.getByText('1 行被拒绝，未导入任何数据').count()).toBe(1);
      expect(await total()).toBe(before);
      await site.screenshot(page, 'contracts.import');
      await page.context().close();
      rmSync(dir, { recursive: true, force: true });
    },
    TEST_TIMEOUT,
  );
});
