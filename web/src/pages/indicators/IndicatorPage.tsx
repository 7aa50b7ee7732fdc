import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { periodLabel } from '../../scope/period-choice';
import { useScope, useScopedHref } from '../../scope/scope';
import { ValueWithRemark } from '../dashboard/figure-text';
import { useCatalogue, useValues, type CatalogueEntry, type Value } from './catalogue-data';

type ParameterNote = CatalogueEntry['parameterNotes'][number];

/** An indicator's page: its names, formula, period rule, parameters and source in both languages, and its values. */
export default function IndicatorPage(): ReactNode {
  const { t, i18n } = useTranslation('indicators');
  const { id = '' } = useParams();
  const { orgCode, period, periodChoice } = useScope();
  const href = useScopedHref();
  const catalogue = useCatalogue();
  const entry = catalogue.data?.find((e) => e.id === id);
  const values = useValues(orgCode, period, entry ? id : undefined);
  const back = (
    <Link to={href('/indicators')}>
      <ArrowLeftOutlined /> {t('back')}
    </Link>
  );
  if (catalogue.isPending) return <Card loading />;
  if (!entry) return <Result status="404" title={t('unknown', { id })} extra={back} />;

  const both = (text: { zh: string; en: string }): ReactNode => (
    <Space direction="vertical" size={0}>
      <span lang="zh-CN">{text.zh}</span>
      <Typography.Text type="secondary" lang="en">
        {text.en}
      </Typography.Text>
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.language === 'en' ? entry.name.en : entry.name.zh}
      </Typography.Title>
      <Card size="small">
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'id', label: t('id'), children: <Typography.Text code>{entry.id}</Typography.Text> },
            { key: 'zh', label: t('nameZh'), children: <span lang="zh-CN">{entry.name.zh}</span> },
            { key: 'en', label: t('nameEn'), children: <span lang="en">{entry.name.en}</span> },
            {
              key: 'programme',
              label: t('programme'),
              children: t(`program.${entry.program}` as 'program.records'),
            },
            { key: 'unit', label: t('unit'), children: t(`unit.${entry.unit}`) },
            { key: 'period', label: t('periodRule'), children: t(`period.${entry.period}`) },
            { key: 'formula', label: t('formula'), children: both(entry.formula) },
            { key: 'source', label: t('source'), children: both(entry.source) },
          ]}
        />
      </Card>
      <Card size="small" title={t('parameters')}>
        {entry.parameterNotes.length === 0 ? (
          <Empty description={t('noParameters')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Table<ParameterNote>
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={entry.parameterNotes}
            columns={[
              {
                title: t('parameter'),
                dataIndex: 'name',
                key: 'name',
                render: (name: string) => <Typography.Text code>{name}</Typography.Text>,
              },
              { title: t('defaultValue'), dataIndex: 'default', key: 'default' },
              { title: t('meaning'), key: 'note', render: (_: unknown, p) => both(p.note) },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('values', { period: periodLabel(periodChoice, i18n.language) })}>
        <Table
          rowKey="org"
          size="small"
          pagination={false}
          loading={values.isPending}
          dataSource={values.data ?? []}
          columns={[
            { title: t('orgColumn'), dataIndex: 'orgName', key: 'orgName' },
            { title: t('numerator'), dataIndex: 'numerator', key: 'numerator', align: 'right' },
            {
              title: t('denominator'),
              dataIndex: 'denominator',
              key: 'denominator',
              align: 'right',
              render: (d: number | null) => d ?? '—',
            },
            {
              title: t('valueColumn'),
              key: 'value',
              align: 'right',
              render: (_: unknown, v) => <ValueWithRemark unit={entry.unit} value={v.value} />,
            },
            // Reported indicators (docs/reported-indicators.md) say where each figure comes from:
            // the org's own report, or the sum of the reports below it, and what the reader should
            // know about a period's figure (a missing quarter, the survey's period).
            ...((values.data ?? []).some(
              (v) => v.source !== undefined || (entry.period === 'reported' && v.remark),
            )
              ? [
                  {
                    title: t('sourceColumn'),
                    key: 'source',
                    render: (_: unknown, v: Value) => (
                      <Space size={4} wrap>
                        {v.source === undefined ? (
                          '—'
                        ) : (
                          <Tooltip title={v.reportSource}>
                            <Tag color={v.source === 'reported' ? 'blue' : 'default'}>
                              {t(`source.${v.source}`)}
                            </Tag>
                          </Tooltip>
                        )}
                        {entry.period === 'reported' && v.remark && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {i18n.language === 'en' ? v.remark.en : v.remark.zh}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
