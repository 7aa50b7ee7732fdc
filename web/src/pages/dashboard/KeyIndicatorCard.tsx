import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standing, Unit } from './dashboard-figures';
import { differenceText, ValueWithRemark, valueText } from './figure-text';

/** One key indicator: value (opens the people behind it), target, milestone due, gap, change. */
export function KeyIndicatorCard({
  id,
  name,
  unit,
  standing,
  loading,
  selected,
  onSelect,
  onOpenPeople,
}: {
  id: string;
  name: string;
  unit: Unit;
  standing: Standing | null;
  loading: boolean;
  selected: boolean;
  onSelect: () => void;
  /** Null when the role may not see people. */
  onOpenPeople: (() => void) | null;
}): ReactNode {
  const { t, i18n } = useTranslation('dashboard');
  const { colorPrimary } = theme.useToken().token;
  const value = <ValueWithRemark unit={unit} value={standing?.value ?? null} />;
  const gapType = standing?.gap != null && standing.gap < 0 ? 'danger' : undefined;
  const change = standing?.change ?? null;
  return (
    <Card
      data-indicator={id}
      hoverable
      onClick={onSelect}
      style={selected ? { borderColor: colorPrimary, boxShadow: `0 0 0 1px ${colorPrimary}` } : undefined}
      styles={{ body: { padding: 16 } }}
    >
      <Typography.Text type="secondary">{name}</Typography.Text>
      {loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <div style={{ fontSize: 28, lineHeight: '40px' }} data-testid="card-value">
            {onOpenPeople ? (
              <Button
                type="link"
                style={{ fontSize: 28, padding: 0, height: 40 }}
                aria-label={`${valueText(unit, standing?.value ?? null, i18n.language)} ${t('openPeople')}: ${name}`}
                onClick={(event) => {
                  event.stopPropagation();
                  onOpenPeople();
                }}
              >
                {value}
              </Button>
            ) : (
              value
            )}
          </div>
          <Descriptions
            size="small"
            column={1}
            colon
            items={[
              {
                key: 'target',
                label: t('target'),
                children:
                  standing?.target == null ? (
                    <Typography.Text type="secondary">{t('noTarget')}</Typography.Text>
                  ) : (
                    <ValueWithRemark unit={unit} value={standing.target} />
                  ),
              },
              {
                key: 'milestone',
                label: t('milestone'),
                children:
                  standing?.milestone == null ? (
                    '—'
                  ) : (
                    <ValueWithRemark unit={unit} value={standing.milestone} />
                  ),
              },
              {
                key: 'gap',
                label: t('gap'),
                children: (
                  <Typography.Text type={gapType} className="gw-figure">
                    {differenceText(unit, standing?.gap ?? null, i18n.language)}
                  </Typography.Text>
                ),
              },
              {
                key: 'change',
                label: t('change'),
                children:
                  change === null ? (
                    <Typography.Text type="secondary">{t('previousMissing')}</Typography.Text>
                  ) : (
                    <Typography.Text className="gw-figure" type={change < 0 ? 'danger' : 'success'}>
                      {change > 0 ? <ArrowUpOutlined /> : change < 0 ? <ArrowDownOutlined /> : null}{' '}
                      {differenceText(unit, change, i18n.language)}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
