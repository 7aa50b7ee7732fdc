import { DownloadOutlined, EditOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, download } from '../../api/client';
import { formatDate } from '../../format/figures';
import { Allowed } from '../../session/session';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { saveFile } from '../import/save-file';
import { ASSESSMENT_KEY, points, type SchemeVersion } from './assessment-data';
import { SchemeView, withPoints, type SchemeDefinition } from './SchemeView';

type Imported = { created: boolean; scheme: SchemeVersion };

/**
 * The schemes and their versions: view one (sections, items, points, rules), download it as
 * JSON or .xlsx, and (assessment.write) upload a JSON or .xlsx scheme or change the points of
 * the shown version and save them as a new version.
 */
export function SchemesPanel(): ReactNode {
  const { t } = useTranslation('assessment');
  const language = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [shown, setShown] = useState<{ code: string; version: number } | null>(null);
  const [draft, setDraft] = useState<SchemeDefinition | null>(null);

  const versions = useQuery({
    queryKey: [ASSESSMENT_KEY, 'schemes'],
    queryFn: () => answer(api.GET('/api/assessment/schemes')),
  });
  const current =
    shown ??
    (versions.data?.at(-1)
      ? { code: versions.data.at(-1)!.code, version: versions.data.at(-1)!.version }
      : null);
  const scheme = useQuery({
    queryKey: [ASSESSMENT_KEY, 'scheme', current?.code, current?.version],
    queryFn: () =>
      answer(
        api.GET('/api/assessment/schemes/{code}', {
          params: { path: { code: current!.code }, query: { version: current!.version } },
        }),
      ),
    enabled: current !== null,
  });

  const saved = async (r: Imported): Promise<void> => {
    void message.success(
      r.created
        ? t('schemes.uploaded', { code: r.scheme.code, version: r.scheme.version })
        : t('schemes.unchanged'),
    );
    setDraft(null);
    setShown({ code: r.scheme.code, version: r.scheme.version });
    await queries.invalidateQueries({ queryKey: [ASSESSMENT_KEY, 'schemes'] });
  };
  const fail = (error: unknown): void => void message.error(errorText(error, language), 8);
  const saveJson = useMutation({
    mutationFn: (definition: unknown) =>
      answer(api.POST('/api/assessment/schemes', { body: definition as never })) as Promise<Imported>,
    onSuccess: saved,
    onError: fail,
  });
  const saveXlsx = useMutation({
    mutationFn: (file: File) =>
      answer(
        api.POST('/api/assessment/schemes/xlsx', {
          body: file as unknown as Record<string, never>,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
      ) as Promise<Imported>,
    onSuccess: saved,
    onError: fail,
  });
  const upload = async (file: File): Promise<void> => {
    if (file.name.toLowerCase().endsWith('.xlsx')) return void saveXlsx.mutate(file);
    try {
      saveJson.mutate(JSON.parse(await file.text()) as unknown);
    } catch (error) {
      fail(error);
    }
  };

  const columns: ColumnsType<SchemeVersion> = [
    { key: 'code', title: t('col.scheme'), render: (_, s) => `${s.code} v${s.version}` },
    { key: 'name', title: t('col.item'), render: (_, s) => (language === 'en' ? s.name.en : s.name.zh) },
    { key: 'max', title: t('col.points'), align: 'right', render: (_, s) => points(s.maxCenti) },
    {
      key: 'createdAt',
      title: t('col.createdAt'),
      render: (_, s) => `${formatDate(s.createdAt, language)} · ${s.createdBy}`,
    },
    {
      key: 'actions',
      title: t('col.actions'),
      render: (_, s) => (
        <Space size={4} wrap>
          <Button
            size="small"
            icon={<EyeOutlined />}
            onClick={() => {
              setDraft(null);
              setShown({ code: s.code, version: s.version });
            }}
          >
            {t('schemes.view')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() =>
              void answer(
                api.GET('/api/assessment/schemes/{code}', {
                  params: { path: { code: s.code }, query: { version: s.version } },
                }),
              )
                .then((r) =>
                  saveFile(
                    new Blob([`${JSON.stringify(r.definition, null, 2)}\n`], { type: 'application/json' }),
                    `${s.code}-v${s.version}.json`,
                  ),
                )
                .catch(fail)
            }
          >
            {t('schemes.json')}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() =>
              void download(
                `/api/assessment/schemes/${encodeURIComponent(s.code)}/scheme.xlsx?version=${s.version}`,
                `${s.code}-v${s.version}.xlsx`,
              ).catch(fail)
            }
          >
            {t('schemes.xlsx')}
          </Button>
        </Space>
      ),
    },
  ];

  const definition = scheme.data?.definition as SchemeDefinition | undefined;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('schemes.versions')}
        extra={
          <Allowed permission="assessment.write">
            <Upload
              accept=".json,.xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button
                size="small"
                icon={<UploadOutlined />}
                loading={saveJson.isPending || saveXlsx.isPending}
              >
                {t('schemes.upload')}
              </Button>
            </Upload>
          </Allowed>
        }
      >
        {versions.error ? (
          <Alert type="error" showIcon message={errorText(versions.error, language)} />
        ) : (
          <Table<SchemeVersion>
            size="small"
            data-table="schemes"
            rowKey={(s) => `${s.code}-${s.version}`}
            loading={versions.isPending}
            columns={columns}
            dataSource={versions.data ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          />
        )}
      </Card>
      {definition && current && (
        <Card
          size="small"
          title={`${language === 'en' ? definition.name.en : definition.name.zh} · v${current.version}`}
          extra={
            <Allowed permission="assessment.write">
              {draft ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setDraft(null)}>
                    {t('schemes.cancel')}
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    loading={saveJson.isPending}
                    onClick={() => saveJson.mutate(draft)}
                    data-action="save-scheme"
                  >
                    {t('schemes.save')}
                  </Button>
                </Space>
              ) : (
                <Button size="small" icon={<EditOutlined />} onClick={() => setDraft(definition)}>
                  {t('schemes.edit')}
                </Button>
              )}
            </Allowed>
          }
        >
          <SchemeView
            scheme={draft ?? definition}
            {...(draft
              ? { onPoints: (id: string, value: number) => setDraft(withPoints(draft, id, value)) }
              : {})}
          />
        </Card>
      )}
    </Space>
  );
}
