import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_SCOPE } from '../../src/cli/command-context.js';
import { listChildren } from '../../src/modules/orgs/org-repository.js';
import { setTargets } from '../../src/modules/targets/set-targets.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const CITY = '620800';
/** A page of the small demo on a busy two-core machine takes its time. */
const TEST_TIMEOUT = 180_000;
const KEY = [
  'records.effective_rate',
  'hypertension.management_rate',
  'diabetes.management_rate',
  'elderly.management_rate',
];

/** Rates of the targets the test sets (the demo's orgs carry no urban/rural type for the defaults). */
const RATES: Readonly<Record<string, number>> = {
  'hypertension.management_rate': 0.45,
  'diabetes.management_rate': 0.4,
  'elderly.management_rate': 0.7,
};

/** What the signed-in browser's API answers (the same session and scope the page uses). */
async function apiJson<T>(page: Page, path: string): Promise<T> {
  return page
    .evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, body: (await response.json()) as unknown };
    }, path)
    .then(({ status, body }) => {
      if (status !== 200) throw new Error(`${path}: ${status}`);
      return body as T;
    });
}

interface Value {
  org: string;
  indicator: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

describe.skipIf(unavailable !== null)('the dashboard and the indicator catalogue in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
    // Targets for the city and its counties, the urban/rural defaults spread over twelve months.
    const counties = await listChildren(site.db, OPERATOR_SCOPE, CITY);
    await setTargets(
      site.db,
      OPERATOR_SCOPE,
      [CITY, ...counties.map((c) => c.code)].flatMap((orgCode) =>
        KEY.filter((k) => k !== 'records.effective_rate').map((indicator) => ({
          orgCode,
          indicator,
          year: 2020,
          rate: RATES[indicator],
        })),
      ),
      { by: 'e2e', at: new Date().toISOString() },
    );
  }, 240_000);
  afterAll(async () => site?.close());

  it(
    'opens a first visit on the latest period with data, not on the quarter of today',
    async () => {
      const page = await site.signedInPage('bureau', CITY);
      await expect
        .poll(() => page.locator('h3').first().textContent(), { timeout: 20_000 })
        .toContain('2020年第二季度');
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the API’s value of records.effective_rate, and its people, as many as the numerator',
    async () => {
      const page = await site.signedInPage('bureau', CITY);
      await page.goto(site.url(`/?org=${CITY}&period=2020Q2`));
      const [value] = await apiJson<Value[]>(
        page,
        `/api/indicators?org=${CITY}&period=2020Q2&depth=0&ids=records.effective_rate`,
      );
      const card = page.locator('[data-indicator="records.effective_rate"] [data-testid="card-value"]');
      const expected = `${(value!.value! * 100).toFixed(2)}%`;
      await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain(expected);
      // Every card carries a target once targets are set, and the ranking names the counties.
      await expect
        .poll(() => page.locator('[data-indicator="elderly.management_rate"]').textContent())
        .toMatch(/年度目标.*\d+\.\d{2}%/);
      await expect
        .poll(() => page.locator('[data-testid="children-ranking"] tbody tr').count())
        .toBeGreaterThan(3);
      await site.screenshot(page, 'dash-home.zh');

      await card.getByRole('button').click();
      const total = page.locator('[data-testid="people-total"]');
      await expect.poll(() => total.textContent(), { timeout: 20_000 }).toBe(`共 ${value!.numerator} 人`);
      const rows = page.locator('.ant-drawer .ant-table-tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(Math.min(20, value!.numerator));
      const pager = await page.locator('.ant-drawer .ant-pagination-item').last().textContent();
      expect(Number(pager)).toBe(Math.ceil(value!.numerator / 20));
      // The list is masked as the server answers it, for every role.
      const drawer = await page.locator('.ant-drawer').innerText();
      expect(drawer).not.toMatch(/\d{17}[\dX]/);
      expect(drawer).not.toMatch(/1[3-9]\d{9}/);
      await site.screenshot(page, 'dash-drawer.zh');

      // The bureau may export: the whole list as a workbook.
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="people-export"]').click(),
      ]);
      const path = await file.path();
      expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a viewer the figures but no person: nothing opens, no ID number, phone or name',
    async () => {
      const page = await site.signedInPage('viewer', CITY);
      await page.goto(site.url(`/?org=${CITY}&period=2020Q2`));
      const card = page.locator('[data-indicator="records.effective_rate"] [data-testid="card-value"]');
      await expect.poll(() => card.textContent(), { timeout: 20_000 }).toMatch(/\d+\.\d{2}%/);
      await expect
        .poll(() => page.locator('[data-testid="children-ranking"] tbody tr').count())
        .toBeGreaterThan(3);
      expect(await card.getByRole('button').count()).toBe(0);
      expect(await page.locator('[data-testid="children-ranking"] button').count()).toBe(0);
      expect(await page.locator('.ant-drawer').count()).toBe(0);
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/\d{17}[\dX]/);
      expect(text).not.toMatch(/1[3-9]\d{9}/);
      expect(text).not.toMatch(/[\u4e00-\u9fff]\*\*/);
      const refused = await page.evaluate(
        async (org) => (await fetch(`/api/indicators/records.total/people?org=${org}&period=2020Q2`)).status,
        CITY,
      );
      expect(refused).toBe(403);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'lists the whole catalogue with the values of the city and its counties, filterable by programme',
    async () => {
      const page = await site.signedInPage('bureau', CITY);
      await page.goto(site.url(`/indicators?org=${CITY}&period=2020Q2`));
      const catalogue = await apiJson<{ id: string; program: string }[]>(page, '/api/indicators/catalogue');
      const rows = page.locator('[data-testid="catalogue"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(catalogue.length);
      for (const { id } of catalogue)
        expect(await page.locator(`[data-indicator-link="${id}"]`).count()).toBe(1);
      await expect
        .poll(() => page.locator('[data-testid="catalogue"] thead').innerText())
        .toContain('崆峒区');
      await site.screenshot(page, 'indicators.zh');

      await page.locator('[data-testid="programme-filter"]').click();
      await page.locator('.ant-select-item-option[title="高血压"]').click();
      const hypertension = catalogue.filter((e) => e.program === 'hypertension').length;
      await expect.poll(() => rows.count()).toBe(hypertension);

      await page.locator('[data-indicator-link="hypertension.control_rate"]').click();
      await expect.poll(() => page.locator('h3').first().textContent()).toBe('高血压患者控制率');
      const body = await page.locator('main, .ant-pro-layout-content').first().innerText();
      expect(body).toContain('计算公式');
      expect(body).toContain('controlledSystolicBelow');
      await site.screenshot(page, 'indicator.zh');
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'reads the same in English, and fits a phone',
    async () => {
      const page = await site.signedInPage('bureau', CITY, { language: 'en' });
      await page.goto(site.url(`/?org=${CITY}&period=2020Q2`));
      await expect
        .poll(() => page.locator('h3').first().textContent(), { timeout: 20_000 })
        .toContain('2020 Q2');
      await expect
        .poll(() => page.locator('[data-testid="children-ranking"] tbody tr').count())
        .toBeGreaterThan(3);
      await expect
        .poll(() => page.locator('[data-indicator="elderly.management_rate"]').textContent())
        .toMatch(/Annual target/);
      await site.screenshot(page, 'dash-home.en');
      await page.goto(site.url(`/indicators?org=${CITY}&period=2020Q2`));
      await expect
        .poll(() => page.locator('[data-testid="catalogue"] tbody tr.ant-table-row').count(), {
          timeout: 30_000,
        })
        .toBeGreaterThan(10);
      await site.screenshot(page, 'indicators.en');
      await page.goto(site.url(`/indicators/hypertension.control_rate?org=${CITY}&period=2020Q2`));
      await expect.poll(() => page.locator('h3').first().textContent()).toBe('Hypertension control rate');
      await site.screenshot(page, 'indicator.en');
      // A reported indicator says where each figure comes from: the counties' own reports, the city's sum.
      await page.goto(site.url(`/indicators/infectious_disease.report_rate?org=${CITY}&period=2020Q2`));
      const rows = page.locator('tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
      await expect.poll(() => rows.first().innerText()).toContain('sum of the units below');
      expect(await rows.nth(1).innerText()).toContain('reported here');
      await site.screenshot(page, 'indicator-reported.en');
      await page.context().close();

      const phone = await site.signedInPage('bureau', CITY, { viewport: { width: 390, height: 844 } });
      await phone.goto(site.url(`/?org=${CITY}&period=2020Q2`));
      await expect
        .poll(() => phone.locator('[data-testid="children-ranking"] tbody tr').count(), { timeout: 20_000 })
        .toBeGreaterThan(3);
      await site.screenshot(phone, 'dash-home.phone.zh');
      await phone.context().close();
    },
    TEST_TIMEOUT,
  );
});
