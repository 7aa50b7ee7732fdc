/**
 * The contract indicators of an org and its children (GET /api/contracts/indicators): one
 * row per org, the org itself first and in bold, one column per indicator with the rate as a
 * percent and the numerator over the denominator beneath it.
 */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { formatCount, formatRate } from '../../format/figures';
import type { Language } from '../../i18n/i18n';

/** The answer the table shows. */
export type ContractIndicatorsAnswer =
  paths['/api/contracts/indicators']['get']['responses'][200]['content']['application/json'];
type OrgRow = ContractIndicatorsAnswer['rows'][number];

/** The table of an answer; `loading` while it is asked. */
export function ContractIndicatorsTable(props: {
  readonly answer: ContractIndicatorsAnswer | undefined;
  readonly loading?: boolean;
}): ReactNode {
  const { t, i18n } = useTranslation('contracts');
  const language = i18n.language as Language;
  const answer = props.answer;
  const first = answer?.rows[0]?.orgCode;
  const columns: ColumnsType<OrgRow> = [
    {
      title: t('org'),
      key: 'org',
      fixed: 'left',
      width: 140,
      render: (_, r) => (r.orgCode === first ? <strong>{r.orgName}</strong> : r.orgName),
    },
    ...(answer?.indicators ?? []).map((indicator): ColumnsType<OrgRow>[number] => ({
      title: (
        <span title={language === 'en' ? indicator.definition.en : indicator.definition.zh}>
          {language === 'en' ? indicator.name.en : indicator.name.zh}
        </span>
      ),
      key: indicator.id,
      align: 'right',
      width: 120,
      render: (_, r) => {
        const v = r.values.find((x) => x.id === indicator.id);
        if (!v) return '—';
        return (
          <span data-indicator={indicator.id}>
            <span className="gw-contract-rate">{v.value === null ? '—' : formatRate(v.value / 100)}</span>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v.denominator === 0
                ? t('noValue')
                : `${formatCount(v.numerator, language)}/${formatCount(v.denominator, language)}`}
            </Typography.Text>
          </span>
        );
      },
    })),
  ];
  return (
    <Table
      size="small"
      rowKey="orgCode"
      loading={props.loading}
      dataSource={answer?.rows ?? []}
      columns={columns}
      locale={{ emptyText: t('empty') }}
      scroll={{ x: 140 + 120 * (answer?.indicators.length ?? 0) }}
      pagination={false}
    />
  );
}
