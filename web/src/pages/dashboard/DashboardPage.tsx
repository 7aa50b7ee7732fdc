import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import { formatRate, isOverHundred } from '../../format/figures';
import { useScope } from '../../scope/scope';

/** The indicators the dashboard opens with. */
export const KEY_INDICATORS = [
  'records.effective_rate',
  'hypertension.management_rate',
  'diabetes.management_rate',
  'elderly.management_rate',
] as const;

/** 首页: the key indicators of the chosen org and period. */
export default function DashboardPage(): ReactNode {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const { orgCode, period, org } = useScope();
  const values = useQuery({
    queryKey: ['indicators', orgCode, period, 0, KEY_INDICATORS.join(',')],
    queryFn: () =>
      answer(
        api.GET('/api/indicators', {
          params: { query: { org: orgCode, period, depth: 0, ids: KEY_INDICATORS.join(',') } },
        }),
      ),
  });
  const catalogue = useQuery({
    queryKey: ['catalogue'],
    queryFn: () => answer(api.GET('/api/indicators/catalogue')),
    staleTime: Infinity,
  });
  const nameOf = (id: string): string => {
    const entry = catalogue.data?.find((e) => e.id === id);
    if (!entry) return id;
    return i18n.language === 'en' ? entry.name.en : entry.name.zh;
  };

  return (
    <div>
      <Typography.Title level={3}>
        {org?.name ?? orgCode} · {t('keyIndicators')}
      </Typography.Title>
      {values.error && (
        <Alert
          type="error"
          showIcon
          message={
            values.error instanceof ApiError ? values.error.messageIn(i18n.language) : String(values.error)
          }
        />
      )}
      <Row gutter={[16, 16]}>
        {KEY_INDICATORS.map((id) => {
          const row = values.data?.find((v) => v.indicator === id && v.org === orgCode);
          return (
            <Col key={id} xs={24} sm={12} lg={6}>
              <Card data-indicator={id}>
                {values.isPending ? (
                  <Skeleton active paragraph={false} />
                ) : (
                  <Statistic
                    title={nameOf(id)}
                    value={formatRate(row?.value ?? null)}
                    className="gw-figure"
                    suffix={
                      isOverHundred(row?.value ?? null) ? (
                        <Tooltip title={t('common:rate.overHundred')}>
                          <Typography.Text type="warning">!</Typography.Text>
                        </Tooltip>
                      ) : null
                    }
                  />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
