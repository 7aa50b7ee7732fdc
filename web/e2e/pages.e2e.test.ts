import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { horizontalOverflow, seriousViolations } from './accessibility.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const PERIOD = 'org=620800&period=2020Q2';

/** The menu's pages as the signed-in role sees them: [path, label]. */
async function menuPages(page: Page): Promise<[string, string][]> {
  const links = page.locator('.ant-pro-sider-menu a, .ant-menu a');
  await links.first().waitFor();
  const count = await links.count();
  const pages: [string, string][] = [];
  for (let i = 0; i < count; i += 1) {
    const href = (await links.nth(i).getAttribute('href')) ?? '/';
    pages.push([new URL(href, 'http://x').pathname, (await links.nth(i).innerText()).trim()]);
  }
  return pages;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
}

describe.skipIf(unavailable !== null)('every page of the menu, as an administrator sees it', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  }, 180_000);
  afterAll(async () => site?.close());

  for (const language of ['zh-CN', 'en'] as const) {
    it(`${language}: no serious or critical accessibility violation at 1366×768`, async () => {
      const page = await site.signedInPage('admin', '620800', { language });
      await page.goto(site.url(`/?${PERIOD}`));
      const pages = await menuPages(page);
      expect(pages.length).toBeGreaterThan(0);
      const found: string[] = [];
      for (const [path, label] of pages) {
        await page.goto(site.url(`${path}?${PERIOD}`));
        await settle(page);
        await site.screenshot(page, `page${path.replaceAll('/', '-') || '-home'}.${language}`);
        for (const v of await seriousViolations(page))
          found.push(`${label} (${path}): ${v.impact} ${v.rule} — ${v.help} at ${v.targets.join(', ')}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    }, 300_000);
  }

  it('every page fits a 390×844 phone without scrolling sideways', async () => {
    const page = await site.signedInPage('admin', '620800', { viewport: { width: 390, height: 844 } });
    await page.goto(site.url(`/?${PERIOD}`));
    await settle(page);
    const overflowing: string[] = [];
    // On a phone the menu folds into a drawer; the pages are the same as on a desktop.
    const desktop = await site.signedInPage('admin', '620800');
    await desktop.goto(site.url(`/?${PERIOD}`));
    for (const [path] of await menuPages(desktop)) {
      await page.goto(site.url(`${path}?${PERIOD}`));
      await settle(page);
      await site.screenshot(page, `phone${path.replaceAll('/', '-') || '-home'}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) overflowing.push(`${path}: ${overflow}px wider than the screen`);
    }
    expect(overflowing).toEqual([]);
    await desktop.context().close();
    await page.context().close();
  }, 300_000);
});
