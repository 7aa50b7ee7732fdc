import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { seriousViolations } from './accessibility.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const CITY = '620800';
const INSPECTIONS = 'health_supervision.inspections';
// Polls wait long: the demo's figures are computed on the fly on a shared machine.
const WAIT = { timeout: 45_000, interval: 250 };
const TEST_TIMEOUT = 240_000;

interface Stored {
  orgCode: string;
  period: string;
  indicator: string;
  numerator: number | null;
  source: string;
}

describe.skipIf(unavailable !== null)('the reported indicators page (上报指标) in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  }, 180_000);
  afterAll(async () => site?.close());

  const listed = async (page: Page): Promise<Stored[]> =>
    (await (
      await page.request.get(site.url(`/api/reported-values?org=${CITY}&period=2020Q2`))
    ).json()) as Stored[];
  const cityOwn = async (page: Page): Promise<Stored[]> =>
    (await listed(page)).filter((r) => r.orgCode === CITY && r.indicator === INSPECTIONS);
  /** The answer of the next request of `method` to `path` (awaited rather than a toast). */
  const answerOf = (page: Page, method: string, path: string): Promise<Response> =>
    page.waitForResponse((r) => r.url().includes(path) && r.request().method() === method, {
      timeout: 60_000,
    });

  it(
    "lists the counties' reports, enters, changes and deletes the city's own, and imports a file all or nothing",
    async () => {
      const page = await site.signedInPage('bureau', CITY);
      await page.goto(site.url(`/reported?org=${CITY}&period=2020Q2`));
      const rows = page.locator('[data-table="reported"] tr.ant-table-row');
      const before = await listed(page);
      expect(before.length).toBeGreaterThan(0);
      await expect.poll(() => rows.count(), WAIT).toBe(Math.min(50, before.length));
      expect(await cityOwn(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await site.screenshot(page, 'reported.zh');

      // Enter the city's own inspections for 2020Q2 (the period the form opens with).
      const form = page.locator('[data-form="reported"]');
      await form.getByRole('combobox', { name: '指标' }).click();
      await page.keyboard.type('卫生监督协管巡查次数');
      await page.locator('.ant-select-item-option', { hasText: '卫生监督协管巡查次数' }).first().click();
      await form.getByLabel('分子').fill('12');
      await form.getByLabel('来源').fill('市级巡查登记');
      const saved = answerOf(page, 'POST', '/api/reported-values');
      await page.locator('[data-action="save-report"]').click();
      const first = await saved;
      expect(first.status(), await first.text()).toBe(200);
      expect(await first.json()).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      expect(await cityOwn(page)).toEqual([
        expect.objectContaining({ period: '2020Q2', numerator: 12, source: '市级巡查登记' }),
      ]);
      const cityRow = rows.filter({ has: page.locator(`[data-org="${CITY}"]`) });
      await expect.poll(() => cityRow.count(), WAIT).toBe(1);

      // Change it: the row fills the form, the new count replaces the old one.
      await cityRow.locator('[data-action="edit"]').click();
      await expect.poll(() => form.getByLabel('来源').inputValue()).toBe('市级巡查登记');
      await form.getByLabel('分子').fill('13');
      const changed = answerOf(page, 'POST', '/api/reported-values');
      await page.locator('[data-action="save-report"]').click();
      expect(await (await changed).json()).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      expect((await cityOwn(page)).map((r) => r.numerator)).toEqual([13]);
      // The table shows the change before the row is used again: a list arriving late re-renders
      // the row under an open confirmation, which then closes without sending (one clean-clone
      // run on a loaded machine waited 60 s for a DELETE that never went out).
      await expect.poll(() => cityRow.locator('[data-cell="numerator"]').innerText(), WAIT).toBe('13');

      // Delete it, confirmed; the history keeps the deletion.
      await cityRow.locator('[data-action="delete"]').click();
      const deleted = answerOf(page, 'DELETE', '/api/reported-values');
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      expect((await deleted).status()).toBe(204);
      expect(await cityOwn(page)).toEqual([]);
      await expect.poll(() => cityRow.count(), WAIT).toBe(0);
      const history = (await (
        await page.request.get(
          site.url(`/api/reported-values/history?org=${CITY}&period=2020Q2&indicator=${INSPECTIONS}`),
        )
      ).json()) as { action: string }[];
      expect(history.map((h) => h.action)).toEqual(['insert', 'update', 'delete']);

      // A file with one bad row is refused whole, the problem named by row and column; fixed, it lands.
      const header = '单位编码,时期,指标,分子,分母,数值,来源';
      const upload = (lines: string[]) =>
        page
          .locator('.ant-upload input[type="file"]')
          .first()
          .setInputFiles({
            name: 'shangbao.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from([header, ...lines].join('\n'), 'utf8'),
          });
      const good = `${CITY},2020Q2,卫生监督协管巡查次数,5,,,市级巡查登记`;
      const refusedAnswer = answerOf(page, 'POST', '/api/reported-values/import');
      await upload([good, `${CITY},2020Q2,传染病疫情报告率,9,8,,传染病报告信息管理系统`]);
      expect((await refusedAnswer).status()).toBe(400);
      await expect
        .poll(() => page.locator('[data-refusal="reported"]').innerText(), WAIT)
        .toContain('第3行「分子」');
      expect(await cityOwn(page)).toEqual([]);
      const imported = answerOf(page, 'POST', '/api/reported-values/import');
      await upload([good]);
      const importedAnswer = await imported;
      expect(importedAnswer.status(), await importedAnswer.text()).toBe(200);
      expect(await importedAnswer.json()).toEqual({ rows: 1, inserted: 1, updated: 0, unchanged: 0 });
      expect((await cityOwn(page)).map((r) => r.numerator)).toEqual([5]);
      await expect.poll(() => page.locator('[data-refusal="reported"]').count(), WAIT).toBe(0);
      await expect.poll(() => cityRow.count(), WAIT).toBe(1);
      await site.screenshot(page, 'reported.import');

      // Every period of the year: the half-years and the yearly survey too.
      const year = (await (
        await page.request.get(site.url(`/api/reported-values?org=${CITY}&year=2020`))
      ).json()) as Stored[];
      expect(year.length).toBeGreaterThan((await listed(page)).length);
      expect(new Set(year.map((r) => r.period))).toContain('2020H1');
      await page.locator('[data-control="show"]').getByText('2020年全部时期').click();
      await expect.poll(() => rows.count(), WAIT).toBe(Math.min(50, year.length));
      await expect.poll(() => rows.filter({ hasText: '2020H1' }).count(), WAIT).toBeGreaterThan(0);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the dashboard ranking of a reported indicator says where each figure comes from',
    async () => {
      const page = await site.signedInPage('bureau', CITY);
      await page.goto(site.url(`/?org=${CITY}&period=2020Q2`));
      // The select's chosen item lies over its search input: the select itself is clicked.
      await page.locator('div.ant-select[aria-label="指标"]').click();
      await page.keyboard.type('传染病疫情报告率');
      await page.locator('.ant-select-item-option', { hasText: '传染病疫情报告率' }).first().click();
      const ranking = page.locator('[data-testid="children-ranking"]');
      await expect.poll(() => ranking.locator('thead').innerText(), WAIT).toContain('来源');
      const rows = ranking.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(1);
      // Every county of the demo reports its own figure for 2020Q2.
      for (const text of await rows.allInnerTexts()) expect(text).toContain('本级上报');
      await site.screenshot(page, 'reported.dashboard');
      await page.context().close();
    },
    TEST_TIMEOUT,
  );
});
