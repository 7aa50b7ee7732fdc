import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_SCOPE } from '../../src/cli/command-context.js';
import { listChildren } from '../../src/modules/orgs/org-repository.js';
import { getResidentByRecordNo } from '../../src/modules/records/record-lookups-repository.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const FULL_ID = /\b\d{17}[\dX]\b/;

describe.skipIf(unavailable !== null)('import, records and administration in Chromium', () => {
  let site: Site;
  let village = '';
  let township = '';
  const folder = mkdtempSync(join(tmpdir(), 'gongwei-e2e-import-'));
  beforeAll(async () => {
    site = await openSite();
    const [firstTownship] = await listChildren(site.db, OPERATOR_SCOPE, '620802');
    if (!firstTownship) throw new Error('the demo has no township under 620802');
    const [firstVillage] = await listChildren(site.db, OPERATOR_SCOPE, firstTownship.code);
    if (!firstVillage) throw new Error(`the demo has no village under ${firstTownship.code}`);
    township = firstTownship.code;
    village = firstVillage.code;
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('imports a CSV with one bad row: the report names the row, its column and reason; then lands the rest', async () => {
    const recordNo = (seq: number) => `${village}${String(90_000 + seq).padStart(5, '0')}`;
    const file = join(folder, '新建档.csv');
    writeFileSync(
      file,
      '\ufeff' +
        [
          '档案编号,身份证号,姓名,性别,出生日期,本人电话,建档日期',
          `${recordNo(1)},620802195501010011,导入甲,男,1955-01-01,13809331234,2020-03-15`,
          `${recordNo(2)},620802195601010022,导入乙,女,1956-01-01,13809331235,2020-02-30`,
          `${recordNo(3)},620802195701010033,导入丙,男,1957-01-01,13809331236,2020-03-16`,
        ].join('\r\n') +
        '\r\n',
    );
    const page = await site.signedInPage('centre', township);
    await page.goto(site.url(`/import?org=${township}&period=2020Q2`));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: /检\s*查/ }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const row = report.locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain('建档日期');
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('建档日期');
    expect(cells[2]).toBe('2020-02-30');
    expect(cells[3]).toMatch(/日期/);
    expect(await report.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await getResidentByRecordNo(site.db.kysely, OPERATOR_SCOPE, recordNo(1))).toBeNull();
    await site.screenshot(page, 'import.zh');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载拒收行' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('新建档.csv.rejected.csv');
    const rejectedText = readFileSync((await saved.path())!, 'utf8');
    expect(rejectedText).toContain(recordNo(2));
    expect(rejectedText).not.toContain(recordNo(1));

    await page.getByRole('button', { name: '导入有效行' }).click();
    await expect.poll(() => report.innerText(), { timeout: 20_000 }).toContain('导入结果');
    expect(await getResidentByRecordNo(site.db.kysely, OPERATOR_SCOPE, recordNo(1))).not.toBeNull();
    expect(await getResidentByRecordNo(site.db.kysely, OPERATOR_SCOPE, recordNo(3))).not.toBeNull();
    expect(await getResidentByRecordNo(site.db.kysely, OPERATOR_SCOPE, recordNo(2))).toBeNull();
    await page.context().close();
  }, 180_000);

  it('finds a resident in scope, masked in the list, and opens the record with its services', async () => {
    const resident = await site.db.kysely
      .selectFrom('residents')
      .innerJoin('services', 'services.resident_id', 'residents.id')
      .select(['residents.record_no', 'residents.id_number', 'residents.name'])
      .where('residents.org_code', 'like', `${township}%`)
      .where('residents.id_number', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    const page = await site.signedInPage('centre', township);
    await page.goto(site.url(`/records?org=${township}&period=2020Q2`));
    await page.getByPlaceholder('输入档案编号、身份证号或姓名（精确匹配）').fill(resident.record_no);
    await page.getByPlaceholder('输入档案编号、身份证号或姓名（精确匹配）').press('Enter');
    const list = page.locator('tr.ant-table-row').first();
    await expect.poll(() => list.innerText(), { timeout: 20_000 }).toContain(resident.record_no);
    const listed = await list.innerText();
    expect(listed).not.toContain(resident.id_number!);
    expect(listed).not.toContain(resident.name);
    expect(listed).toContain(`${[...resident.name][0]}**`);
    await site.screenshot(page, 'records-search.zh');

    await page.locator('a', { hasText: resident.record_no }).click();
    const view = page.getByTestId('record-view');
    await expect
      .poll(() => view.getByTestId('record-id-number').innerText(), { timeout: 20_000 })
      .toBe(resident.id_number);
    await expect.poll(() => view.getByTestId('service').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await site.screenshot(page, 'record.zh');
    await page.context().close();

    const english = await site.signedInPage('centre', township, { language: 'en' });
    await english.goto(site.url(`/records?org=${township}&period=2020Q2&record=${resident.record_no}`));
    await expect.poll(() => english.getByTestId('service').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await english.getByTestId('record-view').innerText()).toContain('Services');
    await site.screenshot(english, 'record.en');
    await english.goto(site.url(`/import?org=${township}&period=2020Q2`));
    await english.getByRole('heading', { name: 'Import data' }).waitFor();
    await site.screenshot(english, 'import.en');
    await english.context().close();
  }, 180_000);

  it('a viewer sees no personal data and no import, records or administration menu', async () => {
    const page = await site.signedInPage('viewer', '620800');
    await page.goto(site.url('/?org=620800&period=2020Q2'));
    const menu = await page.locator('.ant-pro-sider-menu, .ant-menu').first().innerText();
    expect(menu).toContain('首页');
    for (const hidden of ['系统管理', '档案', '导入']) expect(menu).not.toContain(hidden);
    await page.goto(site.url('/records?org=620800&period=2020Q2&q=%E5%BC%A0'));
    await expect
      .poll(() => page.locator('.ant-result-title').textContent(), { timeout: 20_000 })
      .toBe('无权访问');
    expect(await page.locator('body').innerText()).not.toMatch(FULL_ID);
    await page.goto(site.url('/admin?org=620800&period=2020Q2'));
    await expect
      .poll(() => page.locator('.ant-result-title').textContent(), { timeout: 20_000 })
      .toBe('无权访问');
    const status = await page.evaluate(async () => (await fetch('/api/residents?q=x')).status);
    expect(status).toBe(403);
    await page.context().close();
  }, 180_000);

  it('the city administrator sees users, tokens and the access trail; a token secret is shown once', async () => {
    const page = await site.signedInPage('admin', '620800');
    await page.goto(site.url('/admin?org=620800&period=2020Q2'));
    await expect
      .poll(() => page.locator('tr.ant-table-row').first().innerText(), { timeout: 20_000 })
      .toContain('e2e');
    await site.screenshot(page, 'admin-users.zh');
    await page.getByRole('tab', { name: '接口令牌' }).click();
    await page.getByRole('button', { name: '新建令牌' }).click();
    // Scoped to the dialog, so that a field of the users tab can never take the name; the
    // answer is awaited, so that a refusal fails here with its status and words.
    const dialog = page.getByRole('dialog', { name: '新建令牌' });
    await dialog.getByLabel('名称').fill('lab-system');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/tokens') && r.request().method() === 'POST',
      { timeout: 60_000 },
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const answer = await created;
    expect(answer.status(), await answer.text()).toBe(201);
    await expect
      .poll(() => page.getByTestId('token-secret').innerText(), { timeout: 20_000 })
      .toMatch(/^gwt_/);
    // The secret's own dialog, closed by its footer button; then no dialog may cover the tabs
    // (the token form's dialog may still be fading out on a loaded machine).
    const secretDialog = page.locator('.ant-modal', { has: page.getByTestId('token-secret') });
    await secretDialog.locator('.ant-modal-footer button').click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count(), { timeout: 20_000 }).toBe(0);
    await page.getByRole('tab', { name: '访问日志' }).click();
    await expect
      .poll(() => page.locator('.ant-tabs-tabpane-active tr.ant-table-row').first().innerText())
      .toContain('token.create');
    await site.screenshot(page, 'admin-trail.zh');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Users' }).waitFor();
    await site.screenshot(page, 'admin.en');
    await page.context().close();

    const phone = await site.signedInPage('admin', '620800', { viewport: { width: 390, height: 844 } });
    await phone.goto(site.url('/admin?org=620800&period=2020Q2'));
    await phone.getByRole('tab', { name: '用户' }).waitFor();
    await site.screenshot(phone, 'admin.phone.zh');
    await phone.context().close();
  }, 180_000);
});
