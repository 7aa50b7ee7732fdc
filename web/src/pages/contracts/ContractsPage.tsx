/**
 * 家庭医生签约: the contract indicators of the chosen org and its children for the chosen
 * period (rates as percent), the contract list of the org (one server page at a time, the
 * residents masked as the server answers them, each contract's status on a day) and the
 * family-doctor teams of the org.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import type { Language } from '../../i18n/i18n';
import { useScope } from '../../scope/scope';
import { defaultDueDate } from '../due/due-date';
import { useSignedIn } from '../../session/session';
import { ContractImportPanel } from './ContractImportPanel';
import { ContractIndicatorsTable } from './ContractIndicatorsTable';

type ListAnswer = paths['/api/contracts']['get']['responses'][200]['content']['application/json'];
type ContractRow = ListAnswer['rows'][number];
type Status = ContractRow['status'];
type TeamRow = paths['/api/contracts/teams']['get']['responses'][200]['content']['application/json'][number];

const STATUSES: readonly Status[] = ['active', 'pending', 'expired', 'terminated'];
const STATUS_COLORS: Readonly<Record<Status, string>> = {
  active: 'green',
  pending: 'blue',
  expired: 'default',
  terminated: 'red',
};
const PAGE_SIZE = 50;

function errorText(error: unknown, language: Language): string {
  return error instanceof ApiError ? error.messageIn(language) : String(error);
}

/** The contracts page. */
export default function ContractsPage(): ReactNode {
  const { t, i18n } = useTranslation('contracts');
  const language = i18n.language as Language;
  const { orgCode, org, period, periodChoice } = useScope();
  const { can } = useSignedIn();
  const [picked, setPicked] = useState<string | null>(null);
  // The list's day: the period's last day (never after today) until one is picked.
  const asOf = picked ?? defaultDueDate(periodChoice, new Date());
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [team, setTeam] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);

  const indicators = useQuery({
    queryKey: ['contract-indicators', orgCode, period],
    queryFn: () =>
      answer(api.GET('/api/contracts/indicators', { params: { query: { org: orgCode, period } } })),
    retry: false,
  });
  // Teams and contracts are people: only for contracts.read (the viewer sees the rates only).
  const people = can('contracts.read');
  const teams = useQuery({
    enabled: people,
    queryKey: ['contract-teams', orgCode],
    queryFn: () => answer(api.GET('/api/contracts/teams', { params: { query: { org: orgCode } } })),
    retry: false,
  });
  const list = useQuery({
    enabled: people,
    queryKey: ['contracts', orgCode, asOf, status, team, page],
    queryFn: () =>
      answer(
        api.GET('/api/contracts', {
          params: {
            query: {
              org: orgCode,
              asOf,
              ...(status ? { status } : {}),
              ...(team ? { team } : {}),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    retry: false,
  });

  const contractColumns: ColumnsType<ContractRow> = [
    { title: t('contractNo'), dataIndex: 'contractNo', key: 'contractNo' },
    {
      title: t('resident'),
      key: 'resident',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.recordNo}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('idNumber'), key: 'idNumber', render: (_, r) => r.idNumber ?? '—' },
    { title: t('team'), key: 'team', render: (_, r) => r.teamName },
    { title: t('signedDate'), key: 'signed', render: (_, r) => formatDate(r.signedDate, language) },
    { title: t('endDate'), key: 'end', render: (_, r) => formatDate(r.endDate, language) },
    { title: t('package'), key: 'package', render: (_, r) => t(`package.${r.packageCode}`) },
    {
      title: t('keyPopulations'),
      key: 'groups',
      render: (_, r) =>
        r.keyPopulations.length === 0
          ? '—'
          : r.keyPopulations.map((g) => (
              <Tag key={g} style={{ marginBottom: 2 }}>
                {t(`group.${g}`)}
              </Tag>
            )),
    },
    { title: t('renewal'), key: 'renewal', render: (_, r) => (r.renewal ? t('yes') : '—') },
    {
      title: t('status'),
      key: 'status',
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`status.${r.status}`)}</Tag>,
    },
  ];

  const teamColumns: ColumnsType<TeamRow> = [
    { title: t('teamCode'), dataIndex: 'code', key: 'code' },
    { title: t('teamName'), dataIndex: 'name', key: 'name' },
    { title: t('institution'), dataIndex: 'institutionCode', key: 'institution' },
    {
      title: t('members'),
      key: 'members',
      render: (_, r) =>
        r.members.map((m) => (
          <Tag key={`${m.name}:${m.role}`} style={{ marginBottom: 2 }}>
            {m.name} · {t(`role.${m.role}`)}
          </Tag>
        )),
    },
    {
      title: t('villages'),
      key: 'villages',
      render: (_, r) => (
        <span title={r.villages.join('、')}>{t('villageCount', { count: r.villages.length })}</span>
      ),
    },
  ];

  const contractsTab = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('asOf')}</span>
        <DatePicker
          aria-label={t('asOf')}
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(d) => {
            if (d) setPicked(d.format('YYYY-MM-DD'));
            setPage(1);
          }}
        />
        <Select
          aria-label={t('status')}
          className="gw-contract-status"
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('allStatuses')}
          value={status}
          onChange={(v: Status | undefined) => {
            setStatus(v);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          aria-label={t('team')}
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('allTeams')}
          value={team}
          onChange={(v: string | undefined) => {
            setTeam(v);
            setPage(1);
          }}
          options={(teams.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
        />
      </Space>
      {list.error ? (
        <Alert type="error" showIcon message={errorText(list.error, language)} />
      ) : (
        <Table
          size="small"
          rowKey="contractNo"
          loading={list.isPending}
          dataSource={list.data?.rows ?? []}
          columns={contractColumns}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t('total', { count }),
            onChange: setPage,
          }}
        />
      )}
    </>
  );

  return (
    <div data-testid="contracts-page">
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'indicators',
            label: t('tab.indicators'),
            children: (
              <>
                <Typography.Paragraph strong>
                  {t('indicatorsOf', {
                    org: org?.name ?? orgCode,
                    period: indicators.data
                      ? language === 'en'
                        ? indicators.data.periodLabel.en
                        : indicators.data.periodLabel.zh
                      : period,
                  })}
                </Typography.Paragraph>
                {indicators.error ? (
                  <Alert type="error" showIcon message={errorText(indicators.error, language)} />
                ) : (
                  <ContractIndicatorsTable answer={indicators.data} loading={indicators.isPending} />
                )}
              </>
            ),
          },
          ...(people ? [{ key: 'contracts', label: t('tab.contracts'), children: contractsTab }] : []),
          ...(people
            ? [
                {
                  key: 'teams',
                  label: t('tab.teams'),
                  children: teams.error ? (
                    <Alert type="error" showIcon message={errorText(teams.error, language)} />
                  ) : (
                    <Table
                      size="small"
                      rowKey="code"
                      loading={teams.isPending}
                      dataSource={teams.data ?? []}
                      columns={teamColumns}
                      locale={{ emptyText: t('noTeams') }}
                      pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    />
                  ),
                },
              ]
            : []),
          ...(can('contracts.write')
            ? [{ key: 'import', label: t('tab.import'), children: <ContractImportPanel /> }]
            : []),
        ]}
      />
    </div>
  );
}
