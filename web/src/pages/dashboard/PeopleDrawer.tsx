/**
 * The people behind a number (GET /api/indicators/{id}/people): those counted, or those in
 * the denominator but not counted, paged, masked as the server answers for the role; an
 * Excel export of the whole list for a role with personal.export.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Segmented, Space, Table, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError, download } from '../../api/client';
import type { paths } from '../../api/schema';
import { Allowed } from '../../session/session';

type Person =
  paths['/api/indicators/{id}/people']['get']['responses'][200]['content']['application/json']['people'][number];

/** Which list a drawer opens on. */
export type PeopleSet = 'numerator' | 'gap';

/** What a drawer lists: an indicator of an org for a period. */
export interface PeopleRequest {
  readonly indicator: string;
  readonly indicatorName: string;
  readonly org: string;
  readonly orgName: string;
  readonly period: string;
  readonly periodName: string;
  readonly set: PeopleSet;
}

const PAGE_SIZE = 20;

/** The drawer; closed when `request` is null. */
export function PeopleDrawer({
  request,
  onClose,
}: {
  request: PeopleRequest | null;
  onClose: () => void;
}): ReactNode {
  const { t, i18n } = useTranslation('dashboard');
  const { message } = App.useApp();
  const [set, setSet] = useState<PeopleSet>(request?.set ?? 'numerator');
  const [page, setPage] = useState(1);
  const [shownFor, setShownFor] = useState(request);
  if (shownFor !== request) {
    // A new number opened: start on its own list, first page.
    setShownFor(request);
    setSet(request?.set ?? 'numerator');
    setPage(1);
  }

  const people = useQuery({
    queryKey: ['people', request?.indicator, request?.org, request?.period, set, page],
    queryFn: () =>
      answer(
        api.GET('/api/indicators/{id}/people', {
          params: {
            path: { id: request!.indicator },
            query: { org: request!.org, period: request!.period, set, page, pageSize: PAGE_SIZE },
          },
        }),
      ),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

  const exportList = async (): Promise<void> => {
    if (!request) return;
    const query = new URLSearchParams({ org: request.org, period: request.period, set });
    try {
      await download(
        `/api/indicators/${encodeURIComponent(request.indicator)}/people/export?${query.toString()}`,
        'people.xlsx',
      );
    } catch (error) {
      void message.error(error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
    }
  };

  const columns = [
    { title: t('people.recordNo'), dataIndex: 'recordNo', key: 'recordNo' },
    { title: t('people.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('people.sex'),
      dataIndex: 'sex',
      key: 'sex',
      render: (sex: string | null) => (sex === 'M' || sex === 'F' ? t(`sex.${sex}`) : (sex ?? '—')),
    },
    { title: t('people.age'), dataIndex: 'age', key: 'age', render: (age: number | null) => age ?? '—' },
    { title: t('people.idNumber'), dataIndex: 'idNumber', key: 'idNumber' },
    { title: t('people.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('people.org'), dataIndex: 'orgName', key: 'orgName' },
  ];

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      width={Math.min(960, typeof window === 'undefined' ? 960 : window.innerWidth)}
      title={
        request
          ? t('people.title', {
              org: request.orgName,
              indicator: request.indicatorName,
              period: request.periodName,
            })
          : ''
      }
      extra={
        <Allowed permission="personal.export">
          <Button icon={<DownloadOutlined />} onClick={() => void exportList()} data-testid="people-export">
            {t('people.export')}
          </Button>
        </Allowed>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented<PeopleSet>
          value={set}
          onChange={(next) => {
            setSet(next);
            setPage(1);
          }}
          options={[
            { value: 'numerator', label: t('people.numerator') },
            { value: 'gap', label: t('people.gap') },
          ]}
        />
        {people.error && (
          <Alert
            type="warning"
            showIcon
            message={
              people.error instanceof ApiError ? people.error.messageIn(i18n.language) : String(people.error)
            }
          />
        )}
        <Space>
          <Typography.Text strong data-testid="people-total">
            {t('people.total', { n: people.data?.total ?? 0 })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('people.masked')}</Typography.Text>
        </Space>
        <Table<Person>
          rowKey="residentId"
          size="small"
          loading={people.isFetching}
          columns={columns}
          dataSource={people.data?.people ?? []}
          scroll={{ x: 720 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: people.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
        />
      </Space>
    </Drawer>
  );
}
