/**
 * `npm run measure:web`: what the web UI costs a user on the small demo — the gzipped size of
 * the entry bundle and of each page's chunk (web/dist, so run `npm run build` first), and the
 * dashboard's time to first render in Chromium, read from the browser's performance API:
 * first contentful paint, and the moment the key indicator cards hold their values. Prints a
 * table and, with `--json FILE`, writes the figures as JSON. Measured, never asserted.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtWebUiFolder } from '../src/server/web-ui.js';
import { openSite } from '../web/e2e/site.js';

const ENTRY_BUDGET_KB = 500;
const RUNS = 5;

const folder = builtWebUiFolder();
if (!folder) throw new Error('web/dist is missing: run `npm run build` first');
const entryName = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(folder, 'index.html'), 'utf8'))?.[1];
const chunks = readdirSync(join(folder, 'assets'))
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
  .map((name) => {
    const bytes = readFileSync(join(folder, 'assets', name));
    return {
      name,
      kb: statSync(join(folder, 'assets', name)).size / 1024,
      gzipKb: gzipSync(bytes).length / 1024,
    };
  })
  .sort((a, b) => b.gzipKb - a.gzipKb);
const entry = chunks.find((c) => c.name === entryName);

const site = await openSite();
const firstPaints: number[] = [];
const cardsShown: number[] = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const page = await site.signedInPage('bureau', '620800');
    await page.goto(site.url('/?org=620800&period=2020Q2'));
    await page.locator('[data-indicator] [data-testid="card-value"]').first().waitFor();
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      now: performance.now(),
    }));
    firstPaints.push(timing.fcp);
    cardsShown.push(timing.now);
    await page.context().close();
  }
} finally {
  await site.close();
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const figures = {
  date: new Date().toISOString(),
  entry: entry
    ? { name: entry.name, gzipKb: Number(entry.gzipKb.toFixed(1)), budgetKb: ENTRY_BUDGET_KB }
    : null,
  chunks: chunks.map((c) => ({
    name: c.name,
    kb: Number(c.kb.toFixed(1)),
    gzipKb: Number(c.gzipKb.toFixed(1)),
  })),
  dashboard: {
    runs: RUNS,
    firstContentfulPaintMs: Math.round(median(firstPaints)),
    keyIndicatorsShownMs: Math.round(median(cardsShown)),
  },
};
console.log('\nWeb UI on the small demo (1/200), Chromium headless, loopback');
console.table([
  { figure: 'entry bundle (gzip)', value: `${figures.entry?.gzipKb ?? '?'} KB of ${ENTRY_BUDGET_KB} KB` },
  {
    figure: 'dashboard first contentful paint (median)',
    value: `${figures.dashboard.firstContentfulPaintMs} ms`,
  },
  {
    figure: 'dashboard key indicators shown (median)',
    value: `${figures.dashboard.keyIndicatorsShownMs} ms`,
  },
]);
console.table(figures.chunks.slice(0, 12));
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0 && process.argv[jsonAt + 1])
  writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(figures, null, 2));
