import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_SCOPE } from '../../src/cli/command-context.js';
import { listChildren } from '../../src/modules/orgs/org-repository.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const CJK = /[\u3400-\u9fff]/;

describe.skipIf(unavailable !== null)('the web UI shell in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  }, 180_000);
  afterAll(async () => site?.close());

  it('signs in the city bureau and shows the dashboard of its city with the menu of its role', async () => {
    const page = await site.signedInPage('bureau', '620800');
    await page.goto(site.url('/?org=620800&period=2020Q2'));
    await expect.poll(() => page.locator('h3').first().textContent()).toContain('平凉市');
    const menu = await page.locator('.ant-pro-sider-menu, .ant-menu').first().innerText();
    expect(menu).toContain('首页');
    await site.screenshot(page, 'dashboard.zh');
    await page.context().close();
  });

  it('a wrong password is refused on the log-in page, with the reason', async () => {
    const username = await site.addUser('viewer', '620800');
    const page = await site.browser.newPage();
    await page.goto(site.url('/'));
    await page.locator('#username').fill(username);
    await page.locator('#password').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/密码|password/i);
    await site.screenshot(page, 'login.zh');
    await page.close();
  });

  it('a township centre sees its township; another county in the address gives the refusal page', async () => {
    const [township] = await listChildren(site.db, OPERATOR_SCOPE, '620802');
    if (!township) throw new Error('the demo has no township under 620802');
    const page = await site.signedInPage('centre', township.code);
    await page.goto(site.url(`/?org=${township.code}&period=2020Q2`));
    await expect.poll(() => page.locator('h3').first().textContent()).toContain(township.name);
    await page.goto(site.url('/?org=620821&period=2020Q2'));
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('无权访问');
    expect(await page.locator('[data-indicator]').count()).toBe(0);
    await site.screenshot(page, 'refusal.zh');
    await page.context().close();
  });

  it('switched to English, the chrome holds no Chinese and the choice survives a reload', async () => {
    const page = await site.signedInPage('bureau', '620800');
    await page.goto(site.url('/?org=620800&period=2020Q2'));
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.locator('.ant-pro-layout').waitFor();
    const menu = await page.locator('.ant-pro-sider-menu, .ant-menu').first().innerText();
    expect(menu).toContain('Dashboard');
    const actions = await page.locator('.ant-pro-global-header, .ant-pro-top-nav-header').first().innerText();
    // Org and user names are data and stay Chinese, and the switch names 中文 in its own
    // script; everything else in the frame is English.
    const displayName = await page.locator('.ant-pro-global-header-header-actions-avatar').innerText();
    expect(actions.replace('平凉市', '').replace(displayName, '').replace('中文', '')).not.toMatch(CJK);
    expect(menu).not.toMatch(CJK);
    await site.screenshot(page, 'dashboard.en');
    await page.context().close();
  });

  it('signing out returns to the log-in page and the API refuses the old cookie', async () => {
    const page = await site.signedInPage('viewer', '620800');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#username').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(status).toBe(401);
    await page.context().close();
  });
});
