import { DownloadOutlined, SaveOutlined, ThunderboltOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Radio,
  Segmented,
  Space,
  Typography,
  Upload,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, download, jsonOf } from '../../api/client';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { readTableFile } from '../targets/read-table';
import { ErrorLine, useLanguage } from '../targets/shared';
import { defaultAsOf } from './plan-dates';
import { pushRows, type PushBodyRow } from './push-table';
import { PushPlanTable } from './PushPlanTable';
import { SchedulesCard } from './SchedulesCard';
import { SnapshotsCard } from './SnapshotsCard';

type Source = 'database' | 'upload';
type Days = 'calendar' | 'working';

interface Request {
  readonly org: string;
  readonly period: string;
  readonly asOf: string;
  readonly deadline?: string;
  readonly days: Days;
  readonly holidays?: string;
}

function holidayList(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

/** Saves a file answered to a POST (the push plan of an uploaded table) under `name`. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * 攻坚计划: what each child unit of the chosen org still has to do per day until the deadline
 * (GET /api/plans/push: stored targets, done from the indicator engine), or the same for an
 * uploaded table (POST /api/plans/push); Excel and Word downloads; checkpoints kept by hand
 * or by a schedule. Phones come masked from the server as the role requires.
 */
export default function PlansPage(): ReactNode {
  const { t } = useTranslation('plans');
  const language = useLanguage();
  const queries = useQueryClient();
  const [note, context] = message.useMessage();
  const { orgCode, org, period, periodChoice } = useScope();
  const [source, setSource] = useState<Source>('database');
  const [asOf, setAsOf] = useState<Dayjs>(dayjs(defaultAsOf(periodChoice)));
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [days, setDays] = useState<Days>('calendar');
  const [holidays, setHolidays] = useState('');
  const [request, setRequest] = useState<Request | null>(null);
  const [uploaded, setUploaded] = useState<PushBodyRow[] | null>(null);

  const current: Request = {
    org: orgCode,
    period,
    asOf: asOf.format('YYYY-MM-DD'),
    ...(deadline ? { deadline: deadline.format('YYYY-MM-DD') } : {}),
    days,
    ...(holidays.trim() ? { holidays: holidayList(holidays).join(',') } : {}),
  };
  const shown = request && request.org === orgCode && request.period === period ? request : null;

  const fromDatabase = useQuery({
    queryKey: ['plans', 'push', shown],
    enabled: shown !== null,
    queryFn: () =>
      answer(
        api.GET('/api/plans/push', { params: { query: { ...(shown as Request), format: 'json' } } }),
      ).then(jsonOf),
  });
  const uploadBody = (
    rows: PushBodyRow[],
  ): {
    asOf: string;
    deadline: string;
    days: Days;
    holidays: string[];
    rows: PushBodyRow[];
  } => ({
    asOf: current.asOf,
    deadline: current.deadline ?? dayjs(asOf).endOf('month').format('YYYY-MM-DD'),
    days,
    holidays: holidayList(holidays),
    rows,
  });
  const fromUpload = useMutation({
    mutationFn: async (file: File) => {
      const rows = pushRows(await readTableFile(file));
      setUploaded(rows);
      return answer(
        api.POST('/api/plans/push', { params: { query: { format: 'json' } }, body: uploadBody(rows) }),
      ).then(jsonOf);
    },
  });
  const saveSnapshot = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/api/plans/push/snapshots', {
          body: {
            org: orgCode,
            period,
            asOf: current.asOf,
            ...(current.deadline ? { deadline: current.deadline } : {}),
            days,
            holidays: holidayList(holidays),
          },
        }),
      ),
    onSuccess: async (saved) => {
      void note.success(t('snapshotSaved', { id: saved.snapshotId }));
      await queries.invalidateQueries({ queryKey: ['plans', 'snapshots'] });
    },
  });
  const fileOf = useMutation({
    mutationFn: async (format: 'xlsx' | 'docx') => {
      if (source === 'database' && shown) {
        const query = new URLSearchParams({ ...shown, format });
        await download(`/api/plans/push?${query.toString()}`, `push-plan.${format}`);
        return;
      }
      if (uploaded) {
        const { data, error, response } = await api.POST('/api/plans/push', {
          params: { query: { format } },
          body: uploadBody(uploaded),
          parseAs: 'blob',
        });
        if (!response.ok || !data) throw error ?? new Error(String(response.status));
        saveBlob(data as Blob, `push-plan.${format}`);
      }
    },
  });

  const plan = source === 'database' ? fromDatabase.data : fromUpload.data;
  const date = (v: string): string => formatDate(v, language);
  const daysText = (d: Days): string => t(`days.${d}`);

  return (
    <div>
      {context}
      <Typography.Title level={3}>
        {org?.name ?? orgCode} · {t('title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap align="center">
          <Segmented<Source>
            value={source}
            onChange={setSource}
            options={[
              { value: 'database', label: t('source.database') },
              { value: 'upload', label: t('source.upload') },
            ]}
          />
          <span>{t('asOf')}</span>
          <DatePicker
            aria-label={t('asOf')}
            allowClear={false}
            value={asOf}
            onChange={(d) => d && setAsOf(d)}
          />
          <span>{t('deadline')}</span>
          <DatePicker
            aria-label={t('deadline')}
            placeholder={t('deadline.default')}
            value={deadline}
            onChange={setDeadline}
          />
          <Radio.Group value={days} onChange={(e) => setDays(e.target.value as Days)}>
            <Radio.Button value="calendar">{t('days.calendar')}</Radio.Button>
            <Radio.Button value="working">{t('days.working')}</Radio.Button>
          </Radio.Group>
          <Input
            aria-label={t('holidays')}
            placeholder={`${t('holidays')}: ${t('holidays.help')}`}
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
            style={{ width: 260 }}
          />
          {source === 'database' ? (
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={fromDatabase.isFetching}
              onClick={() => {
                setRequest(current);
                if (JSON.stringify(current) === JSON.stringify(shown)) void fromDatabase.refetch();
              }}
              data-action="build-plan"
            >
              {t('build')}
            </Button>
          ) : (
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(file) => {
                fromUpload.mutate(file);
                return false;
              }}
            >
              <Button
                type="primary"
                icon={<UploadOutlined />}
                loading={fromUpload.isPending}
                data-action="upload-plan"
              >
                {t('upload')}
              </Button>
            </Upload>
          )}
        </Space>
        {source === 'upload' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('upload.help')}
          </Typography.Paragraph>
        )}
      </Card>
      <div style={{ marginTop: 16 }}>
        <ErrorLine error={source === 'database' ? fromDatabase.error : fromUpload.error} />
        <ErrorLine error={saveSnapshot.error ?? fileOf.error} />
        {plan && (
          <Card
            size="small"
            extra={
              <Space wrap>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => fileOf.mutate('xlsx')}
                  loading={fileOf.isPending && fileOf.variables === 'xlsx'}
                  data-action="download-xlsx"
                >
                  {t('excel')}
                </Button>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => fileOf.mutate('docx')}
                  loading={fileOf.isPending && fileOf.variables === 'docx'}
                  data-action="download-docx"
                >
                  {t('word')}
                </Button>
                {source === 'database' && (
                  <Allowed permission="targets.write">
                    <Button
                      icon={<SaveOutlined />}
                      onClick={() => saveSnapshot.mutate()}
                      loading={saveSnapshot.isPending}
                      data-action="save-snapshot"
                    >
                      {t('saveSnapshot')}
                    </Button>
                  </Allowed>
                )}
              </Space>
            }
          >
            <Typography.Paragraph strong data-plan-summary="">
              {source === 'database' && fromDatabase.data
                ? t('summary', {
                    org: fromDatabase.data.orgName,
                    period: fromDatabase.data.period,
                    asOf: date(fromDatabase.data.asOf),
                    doneAsOf: date(fromDatabase.data.doneAsOf),
                    deadline: date(fromDatabase.data.deadline),
                    daysLeft: fromDatabase.data.daysLeft,
                    days: daysText(fromDatabase.data.days),
                  })
                : t('summaryUpload', {
                    asOf: date(plan.asOf),
                    deadline: date(plan.deadline),
                    daysLeft: plan.daysLeft,
                    days: daysText(plan.days),
                  })}
            </Typography.Paragraph>
            <Alert type="info" showIcon message={t('phonesMasked')} style={{ marginBottom: 8 }} banner />
            <PushPlanTable rows={plan.rows} name="push-plan" />
          </Card>
        )}
      </div>
      <SnapshotsCard />
      <SchedulesCard />
    </div>
  );
}
