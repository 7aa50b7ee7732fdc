import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

/** 华亭市, a county of the demo city. */
const COUNTY = '620881';
const AUDITS = `/audits?org=${COUNTY}&period=2020Q2`;
const BULLETINS = `/bulletins?org=${COUNTY}&period=2020Q2`;
const CJK = /[\u3400-\u9fff]/;
/**
 * The server runs in the test's own process: while it renders a Word bulletin (charts as
 * PNG) the browser driver waits with it, a minute on a loaded machine.
 */
const SLOW = 240_000;

/** Clicks the OK button of the open pop-up confirmation. */
async function confirmPopup(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

describe.skipIf(unavailable !== null)('质控 and 通报 in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  }, 180_000);
  afterAll(async () => site?.close());

  it('a county bureau runs the audits, resolves a finding and sees it resolved after a reload', async () => {
    const page = await site.signedInPage('bureau', COUNTY);
    await page.goto(site.url(AUDITS));
    await page.locator('[data-action=run-audits]').click();
    await confirmPopup(page);
    await page.locator('.ant-message-success').waitFor({ timeout: 60_000 });
    // The matrix: the county first, then its townships, a column per rule named in Chinese.
    const matrix = page.locator('[data-table=audit-matrix]');
    await expect.poll(() => matrix.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(2);
    expect(await matrix.locator('thead [data-rule=identical_checkups]').innerText()).toBe('体检数据雷同');
    const total = await matrix.locator('tbody tr.ant-table-row').first().innerText();
    expect(total).toContain('华亭市');
    await page.locator('[data-table=hotspots] tbody tr.ant-table-row').first().waitFor();
    await site.screenshot(page, 'audits.zh');

    await page.goto(site.url(`${AUDITS}&tab=worklist&status=open&rule=arm_bp_difference`));
    const row = page.locator('[data-table=findings] tbody tr[data-finding]').first();
    await row.waitFor();
    const id = await row.getAttribute('data-finding');
    await row.locator('[data-action=resolve]').click();
    await page.locator('.ant-modal textarea').fill('已电话核实，隔天重测');
    // The note is still in the form when OK is pressed (a re-render under load would clear it,
    // and the form would then refuse without asking the server).
    await expect.poll(() => page.locator('.ant-modal textarea').inputValue()).toBe('已电话核实，隔天重测');
    // The answer is awaited rather than the toast, which may come and go on a loaded machine.
    // The click has a bound of its own, shorter than the answer's: if it is the click that
    // waits (for a button covered or moving), its error says so, with Playwright's log of why.
    const resolveAnswer = page.waitForResponse(
      (r) => r.url().includes('/resolve') && r.request().method() === 'POST',
      { timeout: 90_000 },
    );
    await page.locator('.ant-modal .ant-btn-primary').click({ timeout: 45_000 });
    const answer = await resolveAnswer;
    expect(answer.status(), await answer.text()).toBeLessThan(300);
    // Gone from the open work list, and resolved by this user after a reload.
    await expect.poll(() => page.locator(`tr[data-finding="${id}"]`).count()).toBe(0);
    await page.goto(site.url(`${AUDITS}&tab=worklist&status=resolved&rule=arm_bp_difference`));
    await page.reload();
    const resolved = page.locator(`tr[data-finding="${id}"]`);
    await resolved.waitFor();
    expect(await resolved.locator('[data-status]').getAttribute('data-status')).toBe('resolved');
    expect(await resolved.innerText()).toContain('已电话核实');
    expect(await resolved.innerText()).toMatch(/e2ebureau/);
    // Masked by the server: no full ID number and no full name in the work list.
    expect(await page.locator('[data-table=findings]').innerText()).not.toMatch(/\d{17}[\dX]/);
    await site.screenshot(page, 'audits-worklist.zh');
    await resolved.locator('[data-action=reopen]').click();
    await confirmPopup(page);
    await expect.poll(() => page.locator(`tr[data-finding="${id}"]`).count()).toBe(0);
    await page.context().close();
  }, 240_000);

  it('lists the records an unused_records finding stands for, masked, with their total, in a dialog', async () => {
    // The findings of the audits the first test ran; before the merge below changes any record.
    const page = await site.signedInPage('bureau', COUNTY);
    await page.goto(site.url(`${AUDITS}&tab=worklist&status=open&rule=unused_records`));
    const row = page.locator('[data-table=findings] tbody tr[data-finding]').first();
    await row.waitFor();
    // One finding per org, saying how many of its records it stands for.
    const summary = /([\d,.]+万?) 份档案近12个月无更新无服务/.exec(await row.innerText());
    expect(summary, await row.innerText()).not.toBeNull();
    await row.locator('[data-action=unused-records]').click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('[data-table=unused-records]') });
    const records = dialog.locator('[data-table=unused-records] tbody tr.ant-table-row');
    await records.first().waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toMatch(
      /非动态使用档案（\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日）$/,
    );
    const names = await records.locator('td:nth-child(2)').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('*');
    expect(await dialog.innerText()).not.toMatch(/\d{17}[\dX]/);
    // No record has changed since the run: the list holds as many as the finding counted.
    expect(await dialog.locator('.ant-pagination-total-text').innerText()).toBe(`共 ${summary![1]} 份档案`);
    await site.screenshot(page, 'audits-unused-records.zh');
    // The whole list as a workbook, named after the org.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.locator('[data-action=export-unused-records]').click(),
    ]);
    expect(
      readFileSync(await file.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(file.suggestedFilename()).toMatch(/非动态使用档案.*\.xlsx$/);
    await dialog.locator('.ant-modal-footer .ant-btn').last().click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.context().close();
  }, 240_000);

  it('shows a duplicate set side by side with the merge preview, and merges only after confirmation', async () => {
    const page = await site.signedInPage('bureau', COUNTY);
    await page.goto(site.url(`${AUDITS}&tab=duplicates`));
    const set = page.locator('[data-set]').first();
    await set.locator('[data-table=merge-preview]').waitFor();
    const setId = await set.getAttribute('data-set');
    const preview = await set.locator('[data-table=merge-preview]').innerText();
    expect(preview).toContain('保留档案');
    expect(preview).not.toMatch(/\d{17}[\dX]/);
    await site.screenshot(page, 'audits-duplicates.zh');
    await set.locator('[data-action=merge]').click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.locator('[data-table=merge-preview]').waitFor();
    await dialog.locator('.ant-btn-dangerous').click();
    await page.locator('.ant-message-success').waitFor();
    await expect.poll(() => page.locator(`[data-set="${setId}"]`).count()).toBe(0);
    await page.context().close();
  }, 240_000);

  it(
    'generates a bulletin and downloads a valid .docx; an HTML one opens in the sandboxed preview',
    async () => {
      const page = await site.signedInPage('bureau', COUNTY);
      await page.goto(site.url(BULLETINS));
      await page.locator('[data-action=generate]').click({ timeout: SLOW });
      const fetch = page.locator('[data-action=download-generated]');
      await fetch.waitFor({ timeout: SLOW });
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), fetch.click()]);
      expect(file.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = readFileSync((await file.path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const zip = await JSZip.loadAsync(bytes);
      expect(Object.keys(zip.files)).toContain('word/document.xml');
      expect(await zip.file('word/document.xml')!.async('string')).toContain('华亭市');

      await page.getByText('网页（.html）').click();
      await page.locator('[data-action=generate]').click({ timeout: SLOW });
      const frame = page.locator('iframe.gw-bulletin-preview');
      await frame.waitFor({ timeout: SLOW });
      expect(await frame.getAttribute('sandbox')).toBe('');
      await expect
        .poll(() => page.frameLocator('iframe.gw-bulletin-preview').locator('body').innerText())
        .toContain('通报');
      await expect.poll(() => page.locator('[data-table=archive] tbody tr.ant-table-row').count()).toBe(2);

      await page.locator('[data-action=add-schedule]').click();
      await page.locator('.ant-message-success').last().waitFor();
      await expect.poll(() => page.locator('[data-table=schedules] tbody tr.ant-table-row').count()).toBe(1);
      await site.screenshot(page, 'bulletins.zh');
      await page.context().close();
    },
    3 * SLOW,
  );

  it('a viewer sees the counts, the archive and the schedules, but no run, resolve, merge or generate', async () => {
    const page = await site.signedInPage('viewer', COUNTY);
    await page.goto(site.url(`${AUDITS}&tab=worklist`));
    await page.locator('[data-table=audit-matrix] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-action=run-audits]').count()).toBe(0);
    expect(
      await page.locator('[data-action=resolve], [data-action=reopen], [data-action=merge]').count(),
    ).toBe(0);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['核查概况']);
    expect(await page.locator('[data-table=findings]').count()).toBe(0);
    await site.screenshot(page, 'audits-viewer.zh');
    await page.goto(site.url(BULLETINS));
    await page.locator('[data-table=archive] tbody tr.ant-table-row').first().waitFor();
    expect(
      await page
        .locator('[data-action=generate], [data-action=add-schedule], [data-action=stop-schedule]')
        .count(),
    ).toBe(0);
    expect(await page.locator('[data-action=download]').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 240_000);

  it('speaks English, and fits a phone', async () => {
    const page = await site.signedInPage('bureau', COUNTY, { language: 'en' });
    await page.goto(site.url(AUDITS));
    const matrix = page.locator('[data-table=audit-matrix]');
    await matrix.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await matrix.locator('thead [data-rule=identical_checkups]').innerText()).toBe(
      'Identical check-up data',
    );
    expect(await page.getByRole('tab').allInnerTexts()).toEqual([
      'Overview',
      'Work list',
      'Duplicate records',
    ]);
    expect(await matrix.locator('thead').innerText()).not.toMatch(CJK);
    await site.screenshot(page, 'audits.en');
    await page.goto(site.url(`${AUDITS}&tab=duplicates`));
    await page.locator('[data-table=merge-preview]').first().waitFor();
    await site.screenshot(page, 'audits-duplicates.en');
    await page.goto(site.url(`${AUDITS}&tab=worklist&status=open&rule=unused_records`));
    await page.locator('[data-table=findings] [data-action=unused-records]').first().click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('[data-table=unused-records]') });
    await dialog.locator('[data-table=unused-records] tbody tr.ant-table-row').first().waitFor();
    // Org names stay Chinese; every word the page adds is English.
    expect(await dialog.locator('thead').innerText()).not.toMatch(CJK);
    expect(await dialog.locator('.ant-modal-footer').innerText()).not.toMatch(CJK);
    expect(await dialog.locator('.ant-modal-title').innerText()).toMatch(
      /^Unused records of .+ \(.+ to .+\)$/,
    );
    await site.screenshot(page, 'audits-unused-records.en');
    await dialog.locator('.ant-modal-footer .ant-btn').last().click();
    await page.goto(site.url(BULLETINS));
    await page.locator('[data-table=archive] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-card-head').allInnerTexts()).toEqual(
      expect.arrayContaining(['Generate a bulletin', 'Archive']),
    );
    await site.screenshot(page, 'bulletins.en');
    await page.context().close();

    const phone = await site.signedInPage('bureau', COUNTY, { viewport: { width: 390, height: 844 } });
    await phone.goto(site.url(AUDITS));
    await phone.locator('[data-table=audit-matrix] tbody tr.ant-table-row').first().waitFor();
    await site.screenshot(phone, 'audits.phone.zh');
    await phone.goto(site.url(BULLETINS));
    await phone.locator('[data-action=generate]').waitFor();
    await site.screenshot(phone, 'bulletins.phone.zh');
    await phone.context().close();
  }, 240_000);
});
