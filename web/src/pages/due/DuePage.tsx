/**
 * 随访提醒: who is due or overdue in the chosen org on a day (GET /api/due), most overdue
 * first, one page of the server's list at a time; the whole list as Excel for a role with
 * personal.export (GET /api/due.xlsx), and a print layout (no menus, the table on A4).
 * Names are masked as the server answers them; a record number opens the record page, and
 * 录入 opens the service's entry form for that person (roles with records.write).
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { answer, api, ApiError, download } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import type { Language } from '../../i18n/i18n';
import { useScope, useScopedHref } from '../../scope/scope';
import { Allowed, useSignedIn } from '../../session/session';
import { isEntryForm } from '../entry/entry-form';
import { defaultDueDate } from './due-date';

type DueAnswer = paths['/api/due']['get']['responses'][200]['content']['application/json'];
type DueRow = DueAnswer['rows'][number];
type DueService = DueRow['service'];

const SERVICES: readonly DueService[] = [
  'hypertension_followup',
  'diabetes_followup',
  'elderly_checkup',
  'postpartum_visit',
  'postpartum_42d',
  'newborn_visit',
  'child_visit',
  'vaccination',
  'tb_followup',
  'mental_followup',
];
const PAGE_SIZE = 50;

/** The query string both the page and the Excel file are asked with. */
function filterQuery(
  org: string,
  asOf: string,
  services: readonly DueService[],
  windowDays: number,
  team: string | undefined,
): URLSearchParams {
  const q = new URLSearchParams({ org, asOf, windowDays: String(windowDays) });
  for (const s of services) q.append('service', s);
  if (team) q.set('team', team);
  return q;
}

/** The due list page. */
export default function DuePage(): ReactNode {
  const { t, i18n } = useTranslation('due');
  const language = i18n.language as Language;
  const { message } = App.useApp();
  const { orgCode, org, periodChoice } = useScope();
  const href = useScopedHref();
  const { can } = useSignedIn();
  const canRecord = can('records.write');
  const [picked, setPicked] = useState<string | null>(null);
  const asOf = picked ?? defaultDueDate(periodChoice, new Date());
  const [services, setServices] = useState<DueService[]>([]);
  const [windowDays, setWindowDays] = useState(0);
  const [page, setPage] = useState(1);
  const [team, setTeam] = useState<string | undefined>(undefined);
  // The family-doctor teams serving the org, to keep the list to one team's villages.
  const teams = useQuery({
    enabled: can('contracts.read'),
    queryKey: ['contract-teams', orgCode],
    queryFn: () => answer(api.GET('/api/contracts/teams', { params: { query: { org: orgCode } } })),
    retry: false,
  });

  const list = useQuery({
    queryKey: ['due', orgCode, asOf, services, windowDays, team, page],
    queryFn: () =>
      answer(
        api.GET('/api/due', {
          params: {
            query: {
              org: orgCode,
              asOf,
              windowDays,
              ...(services.length > 0 ? { service: services } : {}),
              ...(team ? { team } : {}),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    retry: false,
  });

  const localized = (text: { zh: string; en: string }): string => (language === 'en' ? text.en : text.zh);
  const date = (value: string | null): string => (value ? formatDate(value, language) : '—');
  const overdue = (days: number): ReactNode =>
    days > 0 ? (
      <Tag color="red">{t('overdueDays', { days })}</Tag>
    ) : days === 0 ? (
      <Tag color="orange">{t('dueToday')}</Tag>
    ) : (
      <Tag color="blue">{t('dueIn', { days: -days })}</Tag>
    );

  const columns: ColumnsType<DueRow> = [
    {
      title: t('name'),
      key: 'name',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.name}</span>
          <Link to={href('/records', { record: r.recordNo })} className="gw-due-record">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.recordNo}
            </Typography.Text>
          </Link>
        </Space>
      ),
    },
    { title: t('age'), key: 'age', render: (_, r) => (r.age === null ? '—' : t('ageValue', { age: r.age })) },
    { title: t('village'), key: 'village', render: (_, r) => r.orgName ?? r.orgCode },
    {
      title: t('service'),
      key: 'service',
      render: (_, r) => (
        <span>
          {localized(r.serviceName)}
          {r.detail ? ` · ${localized(r.detail)}` : ''}
        </span>
      ),
    },
    { title: t('dueDate'), key: 'dueDate', render: (_, r) => date(r.dueDate) },
    { title: t('overdue'), key: 'overdue', render: (_, r) => overdue(r.daysOverdue) },
    { title: t('lastService'), key: 'last', render: (_, r) => date(r.lastServiceDate) },
    { title: t('doctor'), key: 'doctor', render: (_, r) => r.doctor ?? '—' },
    { title: t('phone'), key: 'phone', render: (_, r) => r.phone ?? '—' },
    ...(canRecord
      ? [
          {
            title: t('entry'),
            key: 'entry',
            className: 'gw-print-hidden',
            render: (_: unknown, r: DueRow): ReactNode =>
              isEntryForm(r.service) ? (
                <Link
                  to={href('/entry', { form: r.service, record: r.recordNo })}
                  className="gw-due-entry"
                  data-testid={`due-entry-${r.service}-${r.recordNo}`}
                >
                  {t('recordIt')}
                </Link>
              ) : null,
          },
        ]
      : []),
  ];

  const exportExcel = (): void => {
    const q = filterQuery(orgCode, asOf, services, windowDays, team);
    void download(`/api/due.xlsx?${q.toString()}`, `随访提醒-${asOf}.xlsx`).catch((error: unknown) =>
      message.error(error instanceof ApiError ? error.messageIn(language) : String(error)),
    );
  };

  return (
    <div data-testid="due-page" className="gw-due">
      <Typography.Title level={3} className="gw-print-hidden">
        {t('title')}
      </Typography.Title>
      <Typography.Title level={4} className="gw-print-only">
        {t('printedOn', { org: org?.name ?? orgCode, date: date(asOf) })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="gw-print-hidden">
        {t('intro')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }} className="gw-print-hidden">
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
          aria-label={t('services')}
          className="gw-due-services"
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('allServices')}
          value={services}
          onChange={(v) => {
            setServices(v);
            setPage(1);
          }}
          options={SERVICES.map((s) => ({ value: s, label: t(`service.${s}`) }))}
        />
        {(teams.data?.length ?? 0) > 0 && (
          <Select
            aria-label={t('team')}
            className="gw-due-team"
            allowClear
            style={{ minWidth: 180 }}
            placeholder={t('allTeams')}
            value={team}
            onChange={(v: string | undefined) => {
              setTeam(v);
              setPage(1);
            }}
            options={(teams.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
          />
        )}
        <span>{t('windowDays')}</span>
        <InputNumber
          aria-label={t('windowDays')}
          min={0}
          max={90}
          value={windowDays}
          onChange={(v) => {
            setWindowDays(v ?? 0);
            setPage(1);
          }}
          addonAfter={t('days')}
          style={{ width: 120 }}
        />
        <Allowed permission="personal.export">
          <Button icon={<DownloadOutlined />} onClick={exportExcel}>
            {t('excel')}
          </Button>
        </Allowed>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('print')}
        </Button>
      </Space>
      {list.error ? (
        <Alert
          type="error"
          showIcon
          message={list.error instanceof ApiError ? list.error.messageIn(language) : String(list.error)}
        />
      ) : (
        <Table
          size="small"
          rowKey={(r) => `${r.recordNo}:${r.service}:${r.dueDate}:${r.detail?.zh ?? ''}`}
          loading={list.isPending}
          dataSource={list.data?.rows ?? []}
          columns={columns}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 900 }}
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
    </div>
  );
}
