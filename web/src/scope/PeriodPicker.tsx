import { Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIODS_PER_YEAR, periodLabel, type PeriodKind } from './period-choice';
import { useScope } from './scope';

const KINDS: readonly PeriodKind[] = ['year', 'half', 'quarter', 'month', 'dekad'];

/** The period picker: year, then 全年 / 半年 / 季度 / 月 / 旬, then which one. */
export function PeriodPicker(): ReactNode {
  const { t, i18n } = useTranslation();
  const { periodChoice: choice, setPeriod } = useScope();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 + 1 }, (_, i) => thisYear - i);

  return (
    <Space.Compact aria-label={t('period.label')}>
      <Select
        aria-label={t('period.yearLabel')}
        value={choice.year}
        style={{ width: 96 }}
        options={years.map((year) => ({ value: year, label: t('period.yearN', { n: year }) }))}
        onChange={(year: number) => setPeriod({ ...choice, year })}
      />
      <Select
        aria-label={t('period.kindLabel')}
        value={choice.kind}
        style={{ width: 84 }}
        options={KINDS.map((kind) => ({ value: kind, label: t(`period.${kind}`) }))}
        onChange={(kind: PeriodKind) =>
          setPeriod({ year: choice.year, kind, index: Math.min(choice.index, PERIODS_PER_YEAR[kind]) })
        }
      />
      {choice.kind !== 'year' && (
        <Select
          aria-label={t(`period.${choice.kind}`)}
          value={choice.index}
          style={{ width: 140 }}
          options={Array.from({ length: PERIODS_PER_YEAR[choice.kind] }, (_, i) => ({
            value: i + 1,
            label: periodLabel({ ...choice, index: i + 1 }, i18n.language).replace(/^\d{4}年?\s?/, ''),
          }))}
          onChange={(index: number) => setPeriod({ ...choice, index })}
        />
      )}
    </Space.Compact>
  );
}
