/**
 * How the dashboard writes a figure in the indicator's unit: a rate with two decimals and %
 * (never above 100 % without the remark), a count the Chinese way; differences of rates in
 * 个百分点.
 */
import { Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatGap, formatRate, isOverHundred } from '../../format/figures';
import type { Language } from '../../i18n/i18n';
import type { Unit } from './dashboard-figures';

/** The UI's language as the figure formatters take it. */
export function languageOf(language: string): Language {
  return language === 'en' ? 'en' : 'zh-CN';
}

/** A value as text. */
export function valueText(unit: Unit, value: number | null, language: string): string {
  if (value === null) return '—';
  return unit === 'percent' ? formatRate(value) : formatCount(value, languageOf(language));
}

/** A difference as text: 个百分点 for rates, a signed count for counts. */
export function differenceText(unit: Unit, difference: number | null, language: string): string {
  if (difference === null) return '—';
  if (unit === 'percent') return formatGap(difference, 0, languageOf(language));
  const text = formatCount(Math.abs(difference), languageOf(language));
  return `${difference > 0 ? '+' : difference < 0 ? '-' : ''}${text}`;
}

/** A value with the remark a rate over 100 % must carry. */
export function ValueWithRemark({ unit, value }: { unit: Unit; value: number | null }): ReactNode {
  const { t, i18n } = useTranslation('common');
  return (
    <span className="gw-figure">
      {valueText(unit, value, i18n.language)}
      {unit === 'percent' && isOverHundred(value) && (
        <Tooltip title={t('rate.overHundred')}>
          <Typography.Text type="warning" aria-label={t('rate.overHundred')}>
            {' '}
            !
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}
