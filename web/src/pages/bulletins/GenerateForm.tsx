import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, download } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatRate } from '../../format/figures';
import { periodLabel } from '../../scope/period-choice';
import { useScope } from '../../scope/scope';
import { BULLETIN_FORMATS, BULLETINS_KEY, bulletinFile, errorText, useLanguage } from './bulletin-data';

type GenerateBody = paths['/api/bulletins']['post']['requestBody']['content']['application/json'];
type Generated = paths['/api/bulletins']['post']['responses'][201]['content']['application/json'];

interface FormValues {
  format: (typeof BULLETIN_FORMATS)[number];
  issuer?: string;
  date?: Dayjs | null;
  dataTakenOn?: Dayjs | null;
  docNumber?: string;
  copyTo?: string;
  printedBy?: string;
  compareTo?: string;
  nameLowest?: number | null;
  threshold?: string;
}

/** The options the API takes, from the form: empty fields are left to the server's defaults. */
export function generateBody(orgCode: string, period: string, v: FormValues): GenerateBody {
  const text = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);
  const body: GenerateBody = { orgCode, period, format: v.format };
  const issuer = text(v.issuer);
  const docNumber = text(v.docNumber);
  const compareTo = text(v.compareTo);
  const threshold = text(v.threshold);
  const copyTo = text(v.copyTo);
  const printedBy = text(v.printedBy);
  if (issuer) body.issuer = issuer;
  if (copyTo) body.copyTo = copyTo;
  if (printedBy) body.printedBy = printedBy;
  if (v.dataTakenOn) body.dataTakenOn = v.dataTakenOn.format('YYYY-MM-DD');
  if (docNumber) body.docNumber = docNumber;
  if (compareTo) body.compareTo = compareTo;
  if (threshold) body.threshold = threshold;
  if (v.date) body.date = v.date.format('YYYY-MM-DD');
  if (v.nameLowest !== undefined && v.nameLowest !== null) body.nameLowest = v.nameLowest;
  return body;
}

/**
 * The parameters form (bulletins.write): the org and period of the page, the format and the
 * options the API accepts. A generated bulletin is archived by the server; an HTML one opens
 * in the preview, a Word one is offered for download. The units it names are listed.
 */
export function GenerateForm({ onPreview }: { onPreview(id: number): void }): ReactNode {
  const { t } = useTranslation('bulletins');
  const language = useLanguage();
  const { orgCode, org, period, periodChoice } = useScope();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [generated, setGenerated] = useState<Generated | null>(null);
  const generate = useMutation({
    mutationFn: (values: FormValues) =>
      answer(api.POST('/api/bulletins', { body: generateBody(orgCode, period, values) })),
    onSuccess: async (result) => {
      setGenerated(result);
      void message.success(t('form.generated', { title: result.title }));
      if (result.format === 'html') onPreview(result.id);
      await queries.invalidateQueries({ queryKey: [BULLETINS_KEY] });
    },
  });
  const named = generated ? Object.entries(generated.named).filter(([, units]) => units.length > 0) : [];

  return (
    <Card size="small" title={t('form.title')}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ format: 'docx' }}
        onFinish={(values) => generate.mutate(values)}
      >
        <Space wrap size="large" style={{ display: 'flex' }}>
          <Form.Item label={t('form.org')}>
            <Typography.Text strong>{org?.name ?? orgCode}</Typography.Text>
          </Form.Item>
          <Form.Item label={t('form.period')}>
            <Typography.Text strong>{periodLabel(periodChoice, language)}</Typography.Text>
          </Form.Item>
          <Form.Item name="format" label={t('form.format')}>
            <Radio.Group
              optionType="button"
              options={BULLETIN_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
            />
          </Form.Item>
        </Space>
        <Space wrap size="middle" align="start" style={{ display: 'flex' }}>
          <Form.Item name="issuer" label={t('form.issuer')} tooltip={t('form.issuerHint')}>
            <Input maxLength={100} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="docNumber" label={t('form.docNumber')} tooltip={t('form.docNumberHint')}>
            <Input maxLength={100} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="date" label={t('form.date')} tooltip={t('form.dateHint')}>
            <DatePicker placeholder={t('form.datePlaceholder')} />
          </Form.Item>
        </Space>
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'more',
              label: t('form.more'),
              children: (
                <Space wrap size="middle" align="start">
                  <Form.Item name="compareTo" label={t('form.compareTo')} tooltip={t('form.compareToHint')}>
                    <Input maxLength={40} style={{ width: 200 }} placeholder="620000=92.73%" />
                  </Form.Item>
                  <Form.Item name="nameLowest" label={t('form.nameLowest')}>
                    <InputNumber min={0} max={50} />
                  </Form.Item>
                  <Form.Item name="threshold" label={t('form.threshold')} tooltip={t('form.thresholdHint')}>
                    <Input maxLength={300} style={{ width: 280 }} placeholder="records=0.9,elderly=target" />
                  </Form.Item>
                  <Form.Item
                    name="dataTakenOn"
                    label={t('form.dataTakenOn')}
                    tooltip={t('form.dataTakenOnHint')}
                  >
                    <DatePicker placeholder={t('form.datePlaceholder')} />
                  </Form.Item>
                  <Form.Item name="copyTo" label={t('form.copyTo')} tooltip={t('form.copyToHint')}>
                    <Input maxLength={200} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name="printedBy" label={t('form.printedBy')} tooltip={t('form.printedByHint')}>
                    <Input maxLength={100} style={{ width: 240 }} />
                  </Form.Item>
                </Space>
              ),
            },
          ]}
        />
        <Button
          type="primary"
          htmlType="submit"
          icon={<FileWordOutlined />}
          loading={generate.isPending}
          data-action="generate"
        >
          {t('form.generate')}
        </Button>
      </Form>
      {generate.error && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={errorText(generate.error, language)}
        />
      )}
      {generated && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          message={generated.title}
          description={
            named.length > 0 && (
              <Space direction="vertical" size={4}>
                <Typography.Text>{t('named.title')}</Typography.Text>
                {named.map(([section, units]) => (
                  <div key={section}>
                    <Typography.Text type="secondary">
                      {t(`section.${section}` as 'section.records')}:{' '}
                    </Typography.Text>
                    {units.map((u) => (
                      <Tag key={u.org}>
                        {u.name} {formatRate(u.value)}
                      </Tag>
                    ))}
                  </div>
                ))}
              </Space>
            )
          }
          action={
            <Button
              icon={<DownloadOutlined />}
              data-action="download-generated"
              onClick={() => {
                const file = bulletinFile(generated);
                download(file.path, file.name).catch(
                  (error: unknown) => void message.error(errorText(error, language)),
                );
              }}
            >
              {t('download')}
            </Button>
          }
        />
      )}
    </Card>
  );
}
