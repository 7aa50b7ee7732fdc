/**
 * 经费: the funds of the chosen org for a year — the allocation down to the health centres with
 * what was paid, the balance and the late and idle flags with their reasons; the payments
 * recorded (and, with funds.write, a form to record one); the settlement by the assessment score
 * once a run of the year exists; the tables as Excel and Word. A county or a township sees its
 * part of the allocation that covers it (usually the city's).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, download } from '../../api/client';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { AllocationTable } from './AllocationTable';
import { DisbursementsPanel } from './DisbursementsPanel';
import { coveringAllocation, defaultYear, FUNDING_KEY, perCapita, unitsUnder, yuan } from './funding-data';
import { SettlementTable } from './SettlementTable';

/** The day the status is read on: today, or the year's last day once the year is over. */
function defaultAsOf(year: number): string {
  const today = dayjs().format('YYYY-MM-DD');
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

/** The funds page. */
export default function FundingPage(): ReactNode {
  const { t } = useTranslation('funding');
  const language = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const { orgCode, org, period } = useScope();
  const [pickedYear, setPickedYear] = useState<number | null>(null);
  const [pickedAsOf, setPickedAsOf] = useState<string | null>(null);

  const allocations = useQuery({
    queryKey: [FUNDING_KEY, 'allocations'],
    queryFn: () => answer(api.GET('/api/funds/allocations')),
  });
  const years = [...new Set((allocations.data ?? []).map((a) => a.year))].sort((a, b) => b - a);
  const year = pickedYear ?? defaultYear(period, years);
  const asOf = pickedAsOf ?? defaultAsOf(year);
  const covering = allocations.data ? coveringAllocation(allocations.data, orgCode, year) : null;

  const status = useQuery({
    queryKey: [FUNDING_KEY, 'status', covering?.orgCode, year, asOf],
    queryFn: () =>
      answer(api.GET('/api/funds/status', { params: { query: { org: covering!.orgCode, year, asOf } } })),
    enabled: covering !== null,
  });
  // A county or a centre reads the city's allocation: its heading names the city.
  const coveringOrg = useQuery({
    queryKey: ['org', covering?.orgCode],
    queryFn: () => answer(api.GET('/api/orgs/{code}', { params: { path: { code: covering!.orgCode } } })),
    enabled: covering !== null && covering.orgCode !== orgCode,
  });
  const allocate = useMutation({
    mutationFn: () => answer(api.POST('/api/funds/allocations', { body: { orgCode, year } })),
    onSuccess: async (r) => {
      void message.success(t('allocated', { units: r.units }));
      await queries.invalidateQueries({ queryKey: [FUNDING_KEY] });
    },
    onError: (error) => void message.error(errorText(error, language)),
  });

  const orgName = org?.name ?? orgCode;
  const units = status.data ? unitsUnder(status.data, orgCode) : [];
  const late = units.filter((u) => u.late).length;
  const idle = units.filter((u) => u.idle).length;
  const fetchFile = (format: 'xlsx' | 'docx'): void => {
    const q = new URLSearchParams({ org: covering!.orgCode, year: String(year), asOf });
    void download(`/api/funds/status.${format}?${q.toString()}`, `funds-${year}.${format}`).catch(
      (error: unknown) => message.error(errorText(error, language)),
    );
  };
  const yearOptions = [...new Set([...years, Number(period.slice(0, 4))])].sort((a, b) => b - a);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="funding-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {orgName} · {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <Space wrap>
        <span>{t('year')}</span>
        <Select
          aria-label={t('year')}
          className="gw-funding-year"
          style={{ width: 110 }}
          value={year}
          onChange={(y) => {
            setPickedYear(y);
            setPickedAsOf(null);
          }}
          options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
        />
        <span>{t('asOf')}</span>
        <DatePicker
          aria-label={t('asOf')}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => {
            if (d) setPickedAsOf(d.format('YYYY-MM-DD'));
          }}
        />
        {covering && (
          <>
            <Button icon={<DownloadOutlined />} onClick={() => fetchFile('xlsx')}>
              {t('xlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => fetchFile('docx')}>
              {t('docx')}
            </Button>
          </>
        )}
      </Space>
      {allocations.error && <Alert type="error" showIcon message={errorText(allocations.error, language)} />}
      {allocations.data && !covering && (
        <Card size="small">
          <Empty description={t('noAllocation', { year, org: orgName })}>
            <Allowed permission="funds.write">
              <Button type="primary" loading={allocate.isPending} onClick={() => allocate.mutate()}>
                {t('allocate', { year })}
              </Button>
            </Allowed>
          </Empty>
        </Card>
      )}
      {status.error && <Alert type="error" showIcon message={errorText(status.error, language)} />}
      {status.data && covering && (
        <>
          <Typography.Text strong>
            {t('allocationOf', {
              org: covering.orgCode === orgCode ? orgName : (coveringOrg.data?.name ?? covering.orgCode),
              year,
              standard: perCapita(status.data.allocation.perCapitaFen),
              date: formatDate(status.data.allocation.allocatedOn, language),
            })}
          </Typography.Text>
          <Alert
            type={late + idle > 0 ? 'warning' : 'success'}
            showIcon
            data-summary="funds"
            message={t('summary', {
              late,
              idle,
              disbursed: yuan(units.reduce((a, u) => a + u.disbursedFen, 0)),
              balance: yuan(units.reduce((a, u) => a + u.balanceFen, 0)),
            })}
          />
          <Tabs
            items={[
              {
                key: 'allocation',
                label: t('tab.allocation'),
                children: <AllocationTable status={status.data} units={units} />,
              },
              {
                key: 'disbursements',
                label: t('tab.disbursements'),
                children: <DisbursementsPanel orgCode={covering.orgCode} year={year} units={units} />,
              },
              {
                key: 'settlement',
                label: t('tab.settlement'),
                children: <SettlementTable units={units} />,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
