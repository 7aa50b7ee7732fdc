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
import { formatPercent, formatThreshold } from '../../domain/bulletins/chinese-format.js';

/** Size of a bulletin chart of few units in CSS pixels (A4 text width at 96 dpi is about 600). */
export const CHART_SIZE = { width: 640, height: 320 } as const;

/** Above this many units the bars lie down: names of a county's townships do not fit below upright bars. */
export const UPRIGHT_UNITS_AT_MOST = 8;

/** Height of one lying bar's row, CSS pixels. */
const ROW_HEIGHT = 24;

/**
 * The size of one chart: {@link CHART_SIZE} for upright bars; for lying bars, a row per unit
 * under the title.
 *
 * @example chartSize(specOfSixteenTownships) // { width: 640, height: 488 }
 */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  if (spec.categories.length <= UPRIGHT_UNITS_AT_MOST) return { ...CHART_SIZE };
  return { width: CHART_SIZE.width, height: 104 + ROW_HEIGHT * spec.categories.length };
}

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

/**
 * The ECharts option of one bar chart: a bar per unit with its rate written under its name,
 * the target as a line (or a marker per unit when targets differ) and the org's own rate as
 * a dashed line. No text is drawn in the plot: the lines are explained in the subtitle and
 * the values sit on the axis, so a label can never be crossed by a line or hidden by a
 * marker, wherever the rates fall.
 */
export function chartOption(spec: ChartSpec): echarts.EChartsOption {
  const targets = spec.targets.filter((t): t is number => t !== null);
  const uniformTarget =
    targets.length === spec.targets.length && targets.every((t) => t === targets[0]) ? targets[0] : undefined;
  const markLineData: Array<Record<string, unknown>> = [];
  const legend: string[] = [];
  if (uniformTarget !== undefined) {
    markLineData.push({ yAxis: uniformTarget * 100, lineStyle: { color: '#d4380d', type: 'solid' } });
    legend.push(`红色实线：目标 ${formatThreshold(uniformTarget)}`);
  } else if (targets.length > 0) legend.push('红色短线：各单位目标');
  if (spec.overall) {
    markLineData.push({ yAxis: spec.overall.value * 100, lineStyle: { color: '#595959', type: 'dashed' } });
    legend.push(`灰色虚线：${spec.overall.label} ${pct(spec.overall.value)}`);
  }
  const series: echarts.SeriesOption[] = [
    {
      type: 'bar',
      name: '完成率',
      data: spec.values.map((v) => (v === null ? null : Number((v * 100).toFixed(2)))),
      itemStyle: { color: '#1d5fa8' },
      markLine: { symbol: 'none', silent: true, data: markLineData, label: { show: false } },
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
  const valueOf = new Map(spec.categories.map((c, i) => [c, spec.values[i] ?? null]));
  const valueText = (name: string): string => {
    const value = valueOf.get(name) ?? null;
    return value === null ? '—' : pct(value);
  };
  const title: echarts.TitleComponentOption = {
    text: spec.title,
    subtext: legend.join('    '),
    left: 'center',
    itemGap: 6,
    textStyle: { fontSize: 14, fontFamily: FONT_FAMILY },
    subtextStyle: { fontSize: 11, color: '#595959', fontFamily: FONT_FAMILY },
  };
  const top = legend.length > 0 ? 64 : 48;
  // A rate above 100 % (a denominator too low, remarked in the text) is drawn whole, not cut.
  const rates = {
    type: 'value' as const,
    min: 0,
    max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max / 10) * 10),
    axisLabel: { formatter: '{value}%' },
  };
  const valueStyle = { value: { fontSize: 11, color: '#1d5fa8' } };
  if (spec.categories.length > UPRIGHT_UNITS_AT_MOST)
    return {
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY },
      title,
      grid: { left: 16, right: 24, top, bottom: 32, containLabel: true },
      legend: { show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [...spec.categories],
        axisLabel: {
          interval: 0,
          fontSize: 11,
          formatter: (name: string) => `${name}  {value|${valueText(name)}}`,
          rich: valueStyle,
        },
      },
      xAxis: rates,
      series: series.map((one) =>
        one.type === 'bar'
          ? {
              ...one,
              markLine: {
                ...one.markLine,
                data: markLineData.map(({ yAxis, ...line }) => ({ ...line, xAxis: yAxis })),
              },
            }
          : { ...one, symbolSize: [3, 14] },
      ) as echarts.SeriesOption[],
    };
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    title,
    grid: { left: 48, right: 16, top, bottom: 56 },
    legend: { show: false },
    xAxis: {
      type: 'category',
      data: [...spec.categories],
      axisLabel: {
        interval: 0,
        fontSize: 11,
        lineHeight: 16,
        formatter: (name: string) => `${name}\n{value|${valueText(name)}}`,
        rich: { value: { ...valueStyle.value, lineHeight: 16 } },
      },
    },
    yAxis: rates,
    series,
  };
}

/** Renders a chart to an SVG string (server side, no DOM). */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...chartSize(spec) });
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
