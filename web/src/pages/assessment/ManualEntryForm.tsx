import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { useScope } from '../../scope/scope';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { ASSESSMENT_KEY, points } from './assessment-data';
import type { SchemeDefinition } from './SchemeView';

interface Entry {
  itemId: string;
  unitCode: string;
  score: number;
  evidence: string;
}

/**
 * An assessor enters the score of a manual item (on-site check, survey) for a child of the
 * chosen org and the chosen period, with the evidence; the newest entry counts in the next run.
 */
export function ManualEntryForm(): ReactNode {
  const { t } = useTranslation('assessment');
  const language = useLanguage();
  const { orgCode, period } = useScope();
  const { message } = App.useApp();
  const [form] = Form.useForm<Entry>();
  const scheme = useQuery({
    queryKey: [ASSESSMENT_KEY, 'scheme', 'national-basic', 'newest'],
    queryFn: () =>
      answer(
        api.GET('/api/assessment/schemes/{code}', {
          params: { path: { code: 'national-basic' }, query: {} },
        }),
      ),
  });
  const children = useQuery({
    queryKey: ['org-children', orgCode],
    queryFn: () => answer(api.GET('/api/orgs/{code}/children', { params: { path: { code: orgCode } } })),
  });
  const save = useMutation({
    mutationFn: (entry: Entry) =>
      answer(
        api.POST('/api/assessment/manual-scores', {
          body: { schemeCode: 'national-basic', period, ...entry },
        }),
      ),
    onSuccess: (r) => {
      void message.success(t('manual.saved', { score: points(r.scoreCenti) }));
      form.resetFields(['score', 'evidence']);
    },
    onError: (error) => void message.error(errorText(error, language), 8),
  });
  const definition = scheme.data?.definition as SchemeDefinition | undefined;
  const manualItems = (definition?.sections ?? []).flatMap((s) => s.items.filter((i) => i.kind === 'manual'));
  const required = [{ required: true, message: t('manual.required') }];
  return (
    <Card size="small" title={t('manual.title')}>
      <Typography.Paragraph type="secondary">{period}</Typography.Paragraph>
      <Form<Entry> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 560 }}>
        <Form.Item name="itemId" label={t('manual.item')} rules={required}>
          <Select
            options={manualItems.map((i) => ({
              value: i.id,
              label: `${language === 'en' ? i.name.en : i.name.zh} (${i.points})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="unitCode" label={t('manual.unit')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(children.data ?? []).map((o) => ({ value: o.code, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="score" label={t('manual.score')} rules={required}>
          <InputNumber min={0} max={1000} step={0.5} precision={2} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('manual.evidence')}
          rules={required}
          extra={t('manual.evidenceHint')}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('manual.save')}
        </Button>
      </Form>
    </Card>
  );
}
