import { Card, Col, Row } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedUnit, Unit } from './dashboard-figures';
import { EChart } from './EChart';
import { valueText } from './figure-text';

/** A value as the charts plot it: a rate in percent, a count as it is. */
function plotted(unit: Unit, value: number | null): number | null {
  if (value === null) return null;
  return unit === 'percent' ? Math.round(value * 10_000) / 100 : value;
}

/**
 * The children of the org as bars with the target and the level above as lines, and the
 * org's value month by month through the year.
 */
export function DashboardCharts({
  indicatorName,
  unit,
  children,
  parent,
  target,
  milestone,
  year,
  months,
}: {
  indicatorName: string;
  unit: Unit;
  children: readonly RankedUnit[];
  parent: { name: string; value: number | null };
  target: number | null;
  milestone: number | null;
  year: number;
  months: readonly { month: string; value: number | null }[];
}): ReactNode {
  const { t, i18n } = useTranslation('dashboard');
  const suffix = unit === 'percent' ? '%' : '';
  const label = (value: number): string =>
    valueText(unit, unit === 'percent' ? value / 100 : value, i18n.language);

  const bars = useMemo(() => {
    const lines = [
      target !== null && {
        name: t('targetLine'),
        yAxis: plotted(unit, target),
        lineStyle: { color: '#cf1322' },
      },
      milestone !== null && {
        name: t('milestoneLine'),
        yAxis: plotted(unit, milestone),
        lineStyle: { color: '#d48806', type: 'dashed' },
      },
      parent.value !== null && {
        name: parent.name,
        yAxis: plotted(unit, parent.value),
        lineStyle: { color: '#1677ff', type: 'dotted' },
      },
    ].filter(Boolean);
    return {
      title: { text: t('barTitle', { indicator: indicatorName }), textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => label(v) },
      grid: { left: 48, right: 96, bottom: 64, top: 48 },
      xAxis: {
        type: 'category',
        data: children.map((c) => c.orgName),
        axisLabel: { interval: 0, rotate: children.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', axisLabel: { formatter: `{value}${suffix}` } },
      series: [
        {
          type: 'bar',
          name: indicatorName,
          data: children.map((c) => ({
            value: plotted(unit, c.value),
            itemStyle: { color: c.belowMilestone || c.belowParent ? '#fa8c16' : '#1677ff' },
          })),
          markLine: {
            symbol: 'none',
            label: { formatter: (p: { name: string; value: number }) => `${p.name} ${label(p.value)}` },
            data: lines,
          },
        },
      ],
    };
  }, [children, parent.name, parent.value, target, milestone, unit, indicatorName, i18n.language]);

  const line = useMemo(
    () => ({
      title: { text: t('lineTitle', { indicator: indicatorName, year }), textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => label(v) },
      grid: { left: 48, right: 24, bottom: 32, top: 48 },
      xAxis: {
        type: 'category',
        data: months.map((m) => (i18n.language === 'en' ? m.month : `${Number(m.month.slice(5))}月`)),
      },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: `{value}${suffix}` } },
      series: [
        {
          type: 'line',
          name: indicatorName,
          data: months.map((m) => plotted(unit, m.value)),
          connectNulls: false,
          label: { show: true, formatter: (p: { value: number }) => label(p.value) },
        },
      ],
    }),
    [months, unit, indicatorName, year, i18n.language],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small">
          <EChart option={bars} label={t('barTitle', { indicator: indicatorName })} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small">
          <EChart option={line} label={t('lineTitle', { indicator: indicatorName, year })} />
        </Card>
      </Col>
    </Row>
  );
}
