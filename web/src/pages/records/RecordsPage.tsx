import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { answer, api, ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import type { Language } from '../../i18n/i18n';
import { useScope } from '../../scope/scope';

type Found =
  paths['/api/residents']['get']['responses'][200]['content']['application/json']['residents'][number];
type Service =
  paths['/api/residents/{recordNo}/history']['get']['responses'][200]['content']['application/json']['services'][number];

function ErrorAlert({ error }: { error: unknown }): ReactNode {
  const { i18n } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={error instanceof ApiError ? error.messageIn(i18n.language) : String(error)}
    />
  );
}

/** One resident: the record as the server answers it (full only for personal.read), enrolments, services. */
function RecordView({ recordNo, onBack }: { recordNo: string; onBack: () => void }): ReactNode {
  const { t, i18n } = useTranslation('records');
  const language = i18n.language as Language;
  const date = (value: string | null): string => (value ? formatDate(value, language) : '—');
  const resident = useQuery({
    queryKey: ['resident', recordNo],
    queryFn: () => answer(api.GET('/api/residents/{recordNo}', { params: { path: { recordNo } } })),
    retry: false,
  });
  const history = useQuery({
    queryKey: ['resident-history', recordNo],
    queryFn: () => answer(api.GET('/api/residents/{recordNo}/history', { params: { path: { recordNo } } })),
    retry: false,
  });
  const r = resident.data;
  const serviceLine = (s: Service): string => {
    const parts: string[] = [];
    if (s.sbp !== null && s.dbp !== null) parts.push(t('bp', { sbp: s.sbp, dbp: s.dbp }));
    if (s.fastingGlucose !== null) parts.push(t('glucose', { value: s.fastingGlucose }));
    if (s.heartRate !== null) parts.push(t('heartRate', { value: s.heartRate }));
    if (s.weight !== null) parts.push(t('weight', { value: s.weight }));
    if (s.controlled !== null) parts.push(s.controlled ? t('controlled') : t('uncontrolled'));
    if (s.institution) parts.push(s.institution);
    if (s.doctor) parts.push(t('doctor', { name: s.doctor }));
    return parts.join(' · ');
  };

  return (
    <div data-testid="record-view">
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} style={{ marginBottom: 16 }}>
        {t('back')}
      </Button>
      {resident.error && <ErrorAlert error={resident.error} />}
      <Card title={`${t('record')} ${recordNo}`} style={{ marginBottom: 16 }}>
        {resident.isPending ? (
          <Skeleton active />
        ) : r ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('name')}>{r.name}</Descriptions.Item>
            <Descriptions.Item label={t('sex')}>{r.sex ? t(`sex.${r.sex}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('birthDate')}>{date(r.birthDate)}</Descriptions.Item>
            <Descriptions.Item label={t('idNumber')}>
              <span data-testid="record-id-number">{r.idNumber ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('ethnicity')}>{r.ethnicity ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('org')}>{r.orgCode}</Descriptions.Item>
            <Descriptions.Item label={t('phone')}>{r.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('contactName')}>{r.contactName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('contactPhone')}>{r.contactPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('electronic')}>{r.electronic ? t('yes') : t('no')}</Descriptions.Item>
            <Descriptions.Item label={t('recordCreated')}>{date(r.recordCreated)}</Descriptions.Item>
            <Descriptions.Item label={t('recordUpdated')}>{date(r.recordUpdated)}</Descriptions.Item>
            {r.deathDate && <Descriptions.Item label={t('deathDate')}>{date(r.deathDate)}</Descriptions.Item>}
            {r.movedOutDate && (
              <Descriptions.Item label={t('movedOutDate')}>{date(r.movedOutDate)}</Descriptions.Item>
            )}
          </Descriptions>
        ) : null}
      </Card>
      {history.error && <ErrorAlert error={history.error} />}
      <Card title={t('enrollments')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey={(e) => `${e.program}:${e.startDate}`}
          loading={history.isPending}
          dataSource={history.data?.enrollments ?? []}
          pagination={false}
          locale={{ emptyText: t('noEnrollments') }}
          scroll={{ x: 500 }}
          columns={[
            {
              title: t('program'),
              key: 'program',
              render: (_, e) => t(`program.${e.program}` as 'program.hypertension'),
            },
            { title: t('startDate'), key: 'start', render: (_, e) => date(e.startDate) },
            { title: t('endDate'), key: 'end', render: (_, e) => date(e.endDate) },
            { title: t('endReason'), key: 'reason', render: (_, e) => e.endReason ?? '—' },
          ]}
        />
      </Card>
      <Card title={t('services')}>
        {history.isPending ? (
          <Skeleton active />
        ) : (history.data?.services.length ?? 0) === 0 ? (
          <Empty description={t('noServices')} />
        ) : (
          <Timeline
            items={history.data!.services.map((s) => ({
              key: s.id,
              children: (
                <div data-testid="service">
                  <Typography.Text strong>{date(s.serviceDate)}</Typography.Text>{' '}
                  <Tag>{t(`service.${s.type}` as 'service.vaccination')}</Tag>
                  <div>
                    <Typography.Text type="secondary">{serviceLine(s)}</Typography.Text>
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}

/** 档案: find a resident of the scope (masked list) and open the record. */
export default function RecordsPage(): ReactNode {
  const { t } = useTranslation('records');
  const { orgCode } = useScope();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const recordNo = params.get('record');
  const setParam = (name: string, value: string | null): void =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
      return next;
    });

  const found = useQuery({
    queryKey: ['residents-search', orgCode, text],
    queryFn: () =>
      answer(api.GET('/api/residents', { params: { query: { q: text, org: orgCode, limit: 50 } } })),
    enabled: text.trim() !== '',
    retry: false,
  });

  if (recordNo) return <RecordView recordNo={recordNo} onBack={() => setParam('record', null)} />;

  return (
    <div>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Input.Search
        aria-label={t('searchHint')}
        placeholder={t('searchHint')}
        enterButton={t('search')}
        defaultValue={text}
        allowClear
        style={{ maxWidth: 520, marginBottom: 16 }}
        onSearch={(value) => setParam('q', value.trim())}
      />
      {found.error && <ErrorAlert error={found.error} />}
      {found.data && (
        <>
          <Typography.Paragraph>
            {found.data.total === 0 ? t('none') : t('found', { count: found.data.total })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('masked')}</Typography.Paragraph>
          <Table<Found>
            size="small"
            rowKey="recordNo"
            dataSource={found.data.residents}
            pagination={false}
            scroll={{ x: 800 }}
            onRow={(r) => ({ onClick: () => setParam('record', r.recordNo), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('recordNo'),
                key: 'recordNo',
                render: (_, r) => (
                  <Typography.Link onClick={() => setParam('record', r.recordNo)}>
                    {r.recordNo}
                  </Typography.Link>
                ),
              },
              { title: t('name'), dataIndex: 'name' },
              { title: t('sex'), key: 'sex', render: (_, r) => (r.sex ? t(`sex.${r.sex}`) : '—') },
              {
                title: t('age'),
                key: 'age',
                render: (_, r) => (r.age === null ? '—' : t('ageYears', { n: r.age })),
              },
              { title: t('idNumber'), key: 'id', render: (_, r) => r.idNumber ?? '—' },
              { title: t('org'), key: 'org', render: (_, r) => r.orgName ?? r.orgCode },
              {
                title: t('status'),
                key: 'status',
                render: (_, r) =>
                  r.deathDate ? (
                    <Tag>{t('status.dead')}</Tag>
                  ) : r.movedOutDate ? (
                    <Tag>{t('status.movedOut')}</Tag>
                  ) : (
                    <Tag color="green">{t('status.active')}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
