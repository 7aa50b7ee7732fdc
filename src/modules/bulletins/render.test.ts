import { formatPercent } from '../../domain/bulletins/chinese-format.js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../domain/bulletins/bulletin-model.js';
import type { BulletinInput } from '../../domain/bulletins/bulletin-input.js';
import { parseBulletinPeriod } from '../../domain/bulletins/bulletin-period.js';
import { pingliangInput } from '../../domain/bulletins/pingliang-bulletin.fixture.js';
import {
  CHART_SIZE,
  chartOption,
  chartSize,
  renderChartSvg,
  svgToPng,
  UPRIGHT_UNITS_AT_MOST,
} from './charts.js';
import { indicatorTableXlsx } from './export-xlsx.js';
import { renderBulletin } from './render-bulletin.js';
import { renderBulletinHtml } from './render-html.js';

/** The visible text of word/document.xml, one line per paragraph. */
async function docxText(content: Buffer): Promise<{ text: string; media: string[] }> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
  return { text, media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')) };
}

describe('Word bulletin', () => {
  const model = buildBulletin(pingliangInput());

  it('reads back with the title, headings, named units, annex rows and charts', async () => {
    const rendered = await renderBulletin(model, 'docx');
    expect(rendered.fileName).toBe('平凉市2020年第二季度基本公卫服务项目工作进度情况的通报.docx');
    const { text, media } = await docxText(rendered.content);
    const lines = text.split('\n');
    for (const heading of [
      '一、工作进度和存在问题',
      '（一）居民健康档案管理',
      '（二）重点管理人群服务工作',
      '二、下一步工作要求',
    ])
      expect(lines).toContain(heading);
    expect(text).toContain(model.title);
    expect(text).toContain('各县（市、区）卫健局：');
    expect(text).toContain('其中华亭市82.07%、崆峒区87.52%，低于90%');
    expect(text).toContain('其中崇信县39.98%、华亭市40.66%、泾川县43.02%');
    expect(text).toContain('平凉市卫生健康委员会');
    expect(text).toContain('2020年8月28日');
    // Annex: every row's every cell is in the document, in row order.
    for (const row of model.annex.rows) {
      const line = lines.findIndex((l) => l === row.name);
      expect(line, row.name).toBeGreaterThan(0);
    }
    const records = model.annex.groups.find((g) => g.key === 'records')!;
    const recordCells = model.annex.rows.flatMap((r) => [
      r.name,
      ...records.columns.map((c) => r.cells[c.indicator]!.text),
    ]);
    const start = lines.indexOf('单位');
    const tableLines = lines
      .slice(start, start + 1 + records.columns.length + recordCells.length)
      .filter((l) => l !== '');
    expect(tableLines.slice(1 + records.columns.length)).toEqual(recordCells);
    expect(media).toHaveLength(model.charts.length);
  });
});

describe('annex headers', () => {
  it('give a leading Latin word (HEARTS) a line of its own, so a narrow column cannot split it', async () => {
    const plain = buildBulletin(pingliangInput());
    const [first, ...rest] = plain.annex.groups;
    const hearts = {
      ...first!.columns[0]!,
      indicator: 'hypertension.hearts_under_care',
      name: 'HEARTS在治患者数',
    };
    const model = {
      ...plain,
      annex: { ...plain.annex, groups: [{ ...first!, columns: [...first!.columns, hearts] }, ...rest] },
    };
    const rendered = await renderBulletin(model, 'docx');
    const xml = await (await JSZip.loadAsync(rendered.content)).file('word/document.xml')!.async('string');
    const split = [
      ...xml.matchAll(/<w:t(?: [^>]*)?>HEARTS<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/>/g),
    ];
    expect(split).toHaveLength(1);
  });
});

describe('the closing block (版记)', () => {
  it('closes the document after the annexes, in the footer of a last page of its own', async () => {
    const model = buildBulletin(pingliangInput());
    const rendered = await renderBulletin(model, 'docx');
    const zip = await JSZip.loadAsync(rendered.content);
    const xml = await zip.file('word/document.xml')!.async('string');
    // Not in the body: the body ends with the issuer and the date, the annexes follow.
    expect(xml).not.toContain('印发');
    // The body's last section refers to the one footer, which holds the 版记.
    const last = xml.slice(xml.lastIndexOf('<w:sectPr'));
    const footerId = /<w:footerReference[^>]*r:id="([^"]+)"/.exec(last)?.[1];
    expect(footerId).toBeDefined();
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const target = new RegExp(`Id="${footerId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const footer = await zip.file(`word/${target}`)!.async('string');
    const footerText = [...footer.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(footerText).toContain(`${model.closing.printedBy}`);
    expect(footerText).toContain(`${model.closing.printedOn}`);
    // No earlier section has a footer: the block is on the last page only.
    expect(xml.match(/<w:footerReference/g)).toHaveLength(1);
  });
});

describe('charts', () => {
  const model = buildBulletin(pingliangInput());
  const elderly = model.charts.find((c) => c.section === 'elderly')!;

  it('renders SVG on the server with the units, the target and the overall rate', () => {
    const svg = renderChartSvg(elderly);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const name of elderly.categories) expect(svg).toContain(name);
    // The lines are named in the subtitle, the threshold without needless decimals…
    expect(svg).toContain('红色实线：目标 50%');
    expect(svg).toContain('灰色虚线：全市 49.05%');
    // …and each unit's rate under its name, never in the plot where a line could cross it.
    const option = chartOption(elderly);
    const series = option.series as { markLine?: { label?: { show?: boolean } }; label?: unknown }[];
    expect(series[0]!.markLine!.label!.show).toBe(false);
    expect(series[0]!.label).toBeUndefined();
    const axis = option.xAxis as { axisLabel: { formatter: (name: string) => string } };
    const first = elderly.categories[0]!;
    expect(axis.axisLabel.formatter(first)).toBe(`${first}\n{value|${formatPercent(elderly.values[0]!)}}`);
    expect(chartSize(elderly)).toEqual(CHART_SIZE);
  });

  it('lays the bars down when there are more units than fit under upright bars', () => {
    const names = Array.from({ length: UPRIGHT_UNITS_AT_MOST + 8 }, (_, i) => `第${i + 1}乡镇`);
    const many = {
      ...elderly,
      categories: names,
      values: names.map((_, i) => 0.4 + i / 100),
      targets: names.map((_, i) => (i % 2 === 0 ? 0.6 : 0.65)),
    };
    const option = chartOption(many);
    expect((option.yAxis as { type: string }).type).toBe('category');
    expect((option.xAxis as { type: string }).type).toBe('value');
    expect(chartSize(many).height).toBeGreaterThan(CHART_SIZE.height);
    const svg = renderChartSvg(many);
    for (const name of names) expect(svg).toContain(name);
    expect(svg).toContain('红色短线：各单位目标');
  });

  it('draws a rate above 100 % whole', () => {
    const over = { ...elderly, values: elderly.values.map((v, i) => (i === 0 ? 1.3 : v)) };
    const max = (chartOption(over).yAxis as { max: (e: { max: number }) => number }).max;
    expect(max({ max: 130 })).toBe(130);
    expect(max({ max: 64 })).toBe(100);
  });

  it('converts to a PNG of twice the size', () => {
    const png = svgToPng(renderChartSvg(elderly), 2);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(640);
  });
});

describe('Excel annex', () => {
  it('stores the engine values as numbers under two header rows', async () => {
    const model = buildBulletin(pingliangInput());
    const workbook = new ExcelJS.Workbook();
    const bytes = await indicatorTableXlsx(model.annex);
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('附件')!;
    expect(sheet.getCell(1, 1).value).toBe(model.annex.title);
    expect(sheet.getCell(2, 2).value).toBe('居民健康档案管理');
    const columns = model.annex.groups.flatMap((g) => g.columns);
    expect(sheet.getCell(3, 2).value).toBe(columns[0]!.name);
    model.annex.rows.forEach((row, i) => {
      expect(sheet.getCell(4 + i, 1).value).toBe(row.name);
      columns.forEach((c, j) =>
        expect(sheet.getCell(4 + i, 2 + j).value, `${row.name} ${c.indicator}`).toBe(
          row.cells[c.indicator]?.value ?? null,
        ),
      );
    });
    const rate = columns.findIndex((c) => c.indicator === 'records.effective_rate');
    expect(sheet.getCell(4, 2 + rate).numFmt).toBe('0.00%');
  });
});

/** Two townships of a small county: enough to show every part of the page. */
function smallInput(): BulletinInput {
  const row = (
    org: string,
    orgName: string,
    indicator: string,
    numerator: number,
    denominator: number | null,
    value: number | null,
  ) => ({
    org,
    orgName,
    level: org === '620881' ? 3 : 4,
    period: '2020-06',
    indicator,
    numerator,
    denominator,
    value,
  });
  return {
    org: { code: '620881', name: '华亭市', level: 3 },
    period: parseBulletinPeriod('2020-06'),
    children: [
      { code: '620881100', name: '东华镇' },
      { code: '620881101', name: '安口镇' },
    ],
    values: [
      row('620881', '华亭市', 'records.total', 2000, null, 2000),
      row('620881', '华亭市', 'records.duplicates', 12, null, 12),
      row('620881', '华亭市', 'records.effective', 1988, null, 1988),
      row('620881', '华亭市', 'records.effective_rate', 1988, 2300, 1988 / 2300),
      row('620881100', '东华镇', 'records.total', 1200, null, 1200),
      row('620881100', '东华镇', 'records.duplicates', 10, null, 10),
      row('620881100', '东华镇', 'records.effective', 1190, null, 1190),
      row('620881100', '东华镇', 'records.effective_rate', 1190, 1300, 1190 / 1300),
      row('620881101', '安口镇', 'records.total', 800, null, 800),
      row('620881101', '安口镇', 'records.duplicates', 2, null, 2),
      row('620881101', '安口镇', 'records.effective', 798, null, 798),
      row('620881101', '安口镇', 'records.effective_rate', 798, 1000, 0.798),
      row('620881', '华亭市', 'elderly.managed', 300, null, 300),
      row('620881', '华亭市', 'elderly.checked_up', 150, null, 150),
      row('620881', '华亭市', 'elderly.checkup_rate', 150, 300, 0.5),
      row('620881100', '东华镇', 'elderly.managed', 200, null, 200),
      row('620881100', '东华镇', 'elderly.checked_up', 110, null, 110),
      row('620881100', '东华镇', 'elderly.checkup_rate', 110, 200, 0.55),
      row('620881101', '安口镇', 'elderly.managed', 100, null, 100),
      row('620881101', '安口镇', 'elderly.checked_up', 40, null, 40),
      row('620881101', '安口镇', 'elderly.checkup_rate', 40, 100, 0.4),
    ],
    indicators: [
      { id: 'records.total', name: { zh: '档案总数', en: 'Records' }, unit: 'count' },
      { id: 'records.duplicates', name: { zh: '重复档案数', en: 'Duplicates' }, unit: 'count' },
      { id: 'records.effective', name: { zh: '有效档案数', en: 'Effective' }, unit: 'count' },
      { id: 'records.effective_rate', name: { zh: '有效建档率', en: 'Effective rate' }, unit: 'percent' },
      { id: 'elderly.managed', name: { zh: '老年人管理人数', en: 'Managed' }, unit: 'count' },
      { id: 'elderly.checked_up', name: { zh: '体检人数', en: 'Checked up' }, unit: 'count' },
      { id: 'elderly.checkup_rate', name: { zh: '体检率', en: 'Check-up rate' }, unit: 'percent' },
    ],
    findings: [
      { org: '620881', orgName: '华亭市', level: 3, rule: 'identical_checkups', severity: 'error', count: 7 },
      {
        org: '620881',
        orgName: '华亭市',
        level: 3,
        rule: 'arm_bp_difference',
        severity: 'warning',
        count: 3,
      },
    ],
    hotspots: { identical_checkups: [{ org: '620881100', label: '东华镇', count: 7 }] },
    targets: [],
    options: {
      issuer: '华亭市卫生健康局',
      date: '2020-07-05',
      naming: { elderly: { kind: 'lowest', count: 1 } },
    },
  };
}

describe('HTML bulletin', () => {
  it('matches the snapshot of a small county', async () => {
    const html = renderBulletinHtml(buildBulletin(smallInput()));
    await expect(html).toMatchFileSnapshot('./__snapshots__/small-county.html.snap');
  });

  it('escapes text and embeds charts as inline SVG', () => {
    const input = smallInput();
    const model = buildBulletin({ ...input, options: { ...input.options, issuer: '<b>局</b>' } });
    const html = renderBulletinHtml(model, model.charts.map(renderChartSvg));
    expect(html).toContain('&lt;b&gt;局&lt;/b&gt;');
    expect(html).not.toContain('<b>局</b>');
    expect(html.match(/<figure class="chart"[^>]*><svg/g)).toHaveLength(model.charts.length);
    expect(html).toContain('@page');
  });
});

describe('the funds section in Word and HTML', () => {
  const model = buildBulletin({
    ...pingliangInput(),
    funds: {
      year: 2020,
      asOf: '2020-06-30',
      allocatedOn: '2020-04-15',
      perCapitaFen: 7400,
      idleAfter: '2020-09-30',
      idleThresholdBp: 3000,
      lateAfterDays: 30,
      units: [
        {
          label: '泾川县城关镇',
          amountFen: 41_107_000,
          advanceFen: 28_774_900,
          disbursedFen: 10_000_000,
          balanceFen: 31_107_000,
          late: true,
          idle: false,
        },
      ],
    },
  });

  it('prints the heading, the amounts in 万元 and the requirement naming the late unit', async () => {
    const { text } = await docxText((await renderBulletin(model, 'docx')).content);
    expect(text.split('\n')).toContain('（三）经费拨付与沉淀');
    expect(text).toContain('全市共下达基本公共卫生服务经费41.11万元，截至2020年6月30日已拨付10.00万元');
    expect(text).toContain('泾川县城关镇（应预拨28.77万元，已拨付10.00万元）');
    expect(text).toContain('规范使用项目经费。');
    const html = renderBulletinHtml(model);
    expect(html).toContain('（三）经费拨付与沉淀');
    expect(html).toContain('泾川县城关镇要尽快将预拨经费足额拨付到位');
  });
});
