import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { periodLabel } from '../../scope/period-choice';
import { useScope, useScopedHref } from '../../scope/scope';
import { ValueWithRemark } from '../dashboard/figure-text';
import { useCatalogue, useValues, type CatalogueEntry } from './catalogue-data';

/**
 * 指标: the whole catalogue with the values of the chosen org and its children for the
 * period, filterable by programme; each indicator opens its page.
 */
export default function IndicatorsPage(): ReactNode {
  const { t, i18n } = useTranslation('indicators');
  const { orgCode, period, periodChoice, org } = useScope();
  const href = useScopedHref();
  const [programme, setProgramme] = useState<string>('all');
  const catalogue = useCatalogue();
  const values = useValues(orgCode, period);
  const en = i18n.language === 'en';

  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of values.data ?? []) if (!seen.has(v.org)) seen.set(v.org, v.orgName);
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [values.data]);
  const valueOf = (id: string, code: string) =>
    values.data?.find((v) => v.indicator === id && v.org === code)?.value ?? null;
  const programmes = [...new Set((catalogue.data ?? []).map((e) => e.program))];
  const rows = (catalogue.data ?? []).filter((e) => programme === 'all' || e.program === programme);
  const error = catalogue.error ?? values.error;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {org?.name ?? orgCode} · {periodLabel(periodChoice, i18n.language)} · {t('title')}
      </Typography.Title>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          message={error instanceof ApiError ? error.messageIn(i18n.language) : String(error)}
        />
      )}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('programme')}</Typography.Text>
          <Select
            aria-label={t('programme')}
            value={programme}
            style={{ width: 200 }}
            onChange={setProgramme}
            data-testid="programme-filter"
            options={[
              { value: 'all', label: t('allProgrammes') },
              ...programmes.map((p) => ({ value: p, label: t(`program.${p}` as 'program.records') })),
            ]}
          />
          <Typography.Text type="secondary" data-testid="catalogue-count">
            {t('count', { n: rows.length })}
          </Typography.Text>
        </Space>
        <Table<CatalogueEntry>
          rowKey="id"
          size="small"
          loading={catalogue.isPending || values.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 360 + units.length * 110 }}
          data-testid="catalogue"
          columns={[
            {
              title: t('indicator'),
              key: 'name',
              fixed: 'left',
              width: 240,
              render: (_: unknown, e) => (
                <Link to={href(`/indicators/${encodeURIComponent(e.id)}`)} data-indicator-link={e.id}>
                  {en ? e.name.en : e.name.zh}
                </Link>
              ),
            },
            {
              title: t('programme'),
              key: 'program',
              width: 120,
              render: (_: unknown, e) => <Tag>{t(`program.${e.program}` as 'program.records')}</Tag>,
            },
            ...units.map((u) => ({
              title: u.name,
              key: u.code,
              width: 110,
              align: 'right' as const,
              render: (_: unknown, e: CatalogueEntry) => (
                <ValueWithRemark unit={e.unit} value={valueOf(e.id, u.code)} />
              ),
            })),
          ]}
        />
      </Card>
    </Space>
  );
}
