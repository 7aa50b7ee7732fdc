import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_SCOPE } from '../../src/cli/command-context.js';
import { listChildren } from '../../src/modules/orgs/org-repository.js';
import { browserTestsUnavailable, openSite, type Site } from './site.js';

const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`\n========== Browser tests: SKIPPED — ${unavailable} ==========\n`);

const TEST_TIMEOUT = 120_000;

/** Days overdue as the tag says them: 逾期N天 → N, 今天到期 → 0, N天后到期 → −N. */
function overdueDays(tag: string): number {
  const late = /逾期(\d+)天/.exec(tag);
  if (late) return Number(late[1]);
  const ahead = /(\d+)天后到期/.exec(tag);
  return ahead ? -Number(ahead[1]) : 0;
}

describe.skipIf(unavailable !== null)('the due list (随访提醒) in Chromium', () => {
  let site: Site;
  let township = '';
  beforeAll(async () => {
    site = await openSite();
    const [first] = await listChildren(site.db, OPERATOR_SCOPE, '620802');
    if (!first) throw new Error('the demo has no township under 620802');
    township = first.code;
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  it(
    'lists a township centre its due work as of the period end, most overdue first, names masked, and exports it',
    async () => {
      const page = await site.signedInPage('centre', township);
      await page.goto(site.url(`/due?org=${township}&period=2020Q2`));
      const rows = page.locator('[data-testid="due-page"] .ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor({ timeout: 30_000 });

      // The list is the server's for the period's last day.
      const answer = (await (
        await page.request.get(site.url(`/api/due?org=${township}&asOf=2020-06-30&limit=1`))
      ).json()) as { total: number };
      expect(answer.total).toBeGreaterThan(0);
      await expect
        .poll(() => page.locator('.ant-pagination-total-text').innerText())
        .toBe(`共 ${answer.total} 人次`);

      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText)),
      );
      expect(cells.length).toBe(Math.min(50, answer.total));
      const days = cells.map((c) => overdueDays(c[5]!));
      expect(days).toEqual([...days].sort((a, b) => b - a));
      // A list: every name masked, whatever the role.
      for (const c of cells) expect(c[0]).toMatch(/\*/);
      await site.screenshot(page, 'due.zh');

      await page.locator('.gw-due-services').click();
      await page.locator('.ant-select-item-option', { hasText: '高血压患者随访' }).click();
      await page.keyboard.press('Escape');
      await expect
        .poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('高血压')), {
          timeout: 20_000,
        })
        .toBe(true);

      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /导出Excel/ }).click(),
      ]);
      expect(
        readFileSync(await file.path())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);

      // Printed: the table without the menu and the filters, under its own title.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.ant-pro-sider').isVisible()).toBe(false);
      // …and the table starts at the page's left edge, where the menu was.
      expect((await page.locator('.gw-due').boundingBox())!.x).toBeLessThan(20);
      expect(await page.getByRole('button', { name: /打\s*印/ }).isVisible()).toBe(false);
      await expect
        .poll(() => page.locator('.gw-print-only').innerText())
        .toContain('随访提醒（截至2020年6月30日）');
      await site.screenshot(page, 'due.print');
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    "keeps the list to one family-doctor team's villages when a team is chosen",
    async () => {
      const page = await site.signedInPage('centre', township);
      const teams = (await (
        await page.request.get(site.url(`/api/contracts/teams?org=${township}`))
      ).json()) as { code: string; name: string }[];
      expect(teams.length).toBeGreaterThan(0);
      const chosen = teams[0]!;
      const whole = (await (
        await page.request.get(site.url(`/api/due?org=${township}&asOf=2020-06-30&limit=1`))
      ).json()) as { total: number };
      const ofTeam = (await (
        await page.request.get(
          site.url(`/api/due?org=${township}&asOf=2020-06-30&team=${chosen.code}&limit=1`),
        )
      ).json()) as { total: number };
      expect(ofTeam.total).toBeLessThanOrEqual(whole.total);
      await page.goto(site.url(`/due?org=${township}&period=2020Q2`));
      await page
        .locator('[data-testid="due-page"] .ant-table-tbody tr.ant-table-row')
        .first()
        .waitFor({ timeout: 30_000 });
      await page.locator('.gw-due-team').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: chosen.name,
        })
        .click();
      await expect
        .poll(() => page.locator('.ant-pagination-total-text').innerText(), { timeout: 20_000 })
        .toBe(`共 ${ofTeam.total} 人次`);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );

  it(
    'offers a team its list without the Excel export, which needs personal.export',
    async () => {
      const [village] = await listChildren(site.db, OPERATOR_SCOPE, township);
      const page = await site.signedInPage('team', village!.code, { language: 'en' });
      await page.goto(site.url(`/due?org=${village!.code}&period=2020Q2`));
      await page.getByTestId('due-page').waitFor();
      await page.locator('[data-testid="due-page"] .ant-table').waitFor();
      await expect.poll(() => page.getByRole('heading', { level: 3 }).innerText()).toBe('Due follow-ups');
      expect(await page.getByRole('button', { name: /Export to Excel/ }).count()).toBe(0);
      await page.context().close();
    },
    TEST_TIMEOUT,
  );
});
