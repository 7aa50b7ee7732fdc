/**
 * Charts of a bulletin: ECharts rendered on the server to SVG (for HTML) and, through
 * resvg, to PNG (for Word, which does not show SVG everywhere). CJK text in the PNG needs a
 * CJK font: we ship Noto Sans SC (Noto Sans Hans) through the npm package
 * `@embedpdf/fonts-sc` so nothing depends on the fonts installed on the machine
 * (docs/decisions/0008-bulletins.md). `GONGWEI_CJK_FONT` names another font file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../domain/bulletins/chart-specs.js';
import { formatPercent } from '../../domain/bulletins/chinese-format.js';

/** Size of every bulletin chart in CSS pixels (A4 text width at 96 dpi is about 600). */
export const CHART_SIZE = { width: 640, height: 320 } as const;

/** Font family the SVG names; resvg maps it to the shipped font. */
const FONT_FAMILY = 'Noto Sans SC, Noto Sans Hans, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif';

/** The CJK font file used for PNGs: GONGWEI_CJK_FONT, else the shipped Noto Sans Hans. */
export function cjkFontFile(): string | null {
  const override = process.env.GONGWEI_CJK_FONT;
  if (override && existsSync(override)) return override;
  try {
    const entry = fileURLToPath(import.meta.resolve('@embedpdf/fonts-sc'));
    const file = fileURLToPath(new URL('../fonts/NotoSansHans-Regular.otf', `file://${entry}`));
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

const pct = (v: number): string => formatPercent(v);

/** The ECharts option of one bar chart: bars per unit, target line or markers, overall rate. */
export function chartOption(spec: ChartSpec): echarts.EChartsOption {
  const targets = spec.targets.filter((t): t is number => t !== null);
  const uniformTarget =
    targets.length === spec.targets.length && targets.every((t) => t === targets[0]) ? targets[0] : undefined;
  const markLineData: Array<Record<string, unknown>> = [];
  if (uniformTarget !== undefined)
    markLineData.push({
      yAxis: uniformTarget * 100,
      name: '目标',
      label: { formatter: `目标 ${pct(uniformTarget)}`, position: 'insideStartTop' },
      lineStyle: { color: '#d4380d', type: 'solid' },
    });
  if (spec.overall)
    markLineData.push({
      yAxis: spec.overall.value * 100,
      name: spec.overall.label,
      label: { formatter: `${spec.overall.label} ${pct(spec.overall.value)}`, position: 'end' },
      lineStyle: { color: '#595959', type: 'dashed' },
    });
  const series: echarts.SeriesOption[] = [
    {
      type: 'bar',
      name: '完成率',
      data: spec.values.map((v) => (v === null ? null : Number((v * 100).toFixed(2)))),
      itemStyle: { color: '#1d5fa8' },
      label: {
        show: true,
        position: 'top',
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${p.value.toFixed(2)}%` : ''),
        fontSize: 10,
      },
      markLine: {
        symbol: 'none',
        silent: true,
        data: markLineData,
        label: { position: 'insideEndTop', fontSize: 10 },
      },
    },
  ];
  if (targets.length > 0 && uniformTarget === undefined)
    series.push({
      type: 'scatter',
      name: '目标',
      symbol: 'rect',
      symbolSize: [24, 3],
      itemStyle: { color: '#d4380d' },
      data: spec.targets.map((t) => (t === null ? null : t * 100)),
    });
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: spec.title, left: 'center', textStyle: { fontSize: 14, fontFamily: FONT_FAMILY } },
    grid: { left: 48, right: 88, top: 48, bottom: 48 },
    legend: { show: false },
    xAxis: { type: 'category', data: [...spec.categories], axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}

/** Renders a chart to an SVG string (server side, no DOM). */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(chartOption(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Converts an SVG to PNG at `scale` × its size, with the CJK font. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const font = cjkFontFile();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: {
      loadSystemFonts: font === null,
      ...(font ? { fontFiles: [font] } : {}),
      defaultFontFamily: 'Noto Sans SC',
      sansSerifFamily: 'Noto Sans SC',
    },
  });
  return resvg.render().asPng();
}
