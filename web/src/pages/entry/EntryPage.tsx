/**
 * 录入: the entry forms, sized for a phone (390×844, one column, no sideways scroll). The
 * list of forms; a service form per type, its fields taken from the service type's schema;
 * the resident's basic record. As the user types, the browser runs the same validation and
 * entry checks as the server (src/domain); on submit the server checks again (with the
 * stored check-ups the identical-check needs) and saves with the acknowledged warnings.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, List, Select, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { answer, api, ApiError } from '../../api/client';
import type { EntryFinding } from '../../../../src/domain/records/entry-checks/index';
import {
  CHOICES,
  checkInBrowser,
  ENTRY_FORMS,
  formFields,
  isEntryForm,
  serviceBody,
  type EnteredForm,
  type EntryForm,
} from './entry-form';
import { ResidentFinder } from './ResidentFinder';
import { useSignedIn } from '../../session/session';

type Key = Parameters<ReturnType<typeof useTranslation<'entry'>>['t']>[0];

function Findings({
  findings,
  type,
  language,
}: {
  findings: readonly EntryFinding[];
  type: 'error' | 'warning';
  language: string;
}): ReactNode {
  if (findings.length === 0) return null;
  const text = (f: EntryFinding): string =>
    `${f.field}：${language.startsWith('en') ? f.reason.en : f.reason.zh}`;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`entry-${type}`}>
      {findings.map((f) => (
        <li key={`${f.check}:${f.field}`}>{text(f)}</li>
      ))}
    </ul>
  );
}

/** One service form. */
export function ServiceForm({
  form,
  today,
  recordNo = '',
  findResidents = false,
}: {
  form: EntryForm;
  today: string;
  /** The person's record number when the form is opened for one (from the due list). */
  recordNo?: string;
  /** Offer 查找居民 (roles with personal.read). */
  findResidents?: boolean;
}): ReactNode {
  const { t, i18n } = useTranslation('entry');
  const [entered, setEntered] = useState<EnteredForm>({
    recordNo,
    serviceDate: today,
    institution: '',
    doctor: '',
    values: {},
  });
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [server, setServer] = useState<{ refusals: EntryFinding[]; warnings: EntryFinding[] } | null>(null);
  const fields = formFields(form);
  const local = useMemo(() => checkInBrowser(form, entered, today), [form, entered, today]);
  const shown = server ?? local;
  const touched = entered.recordNo !== '' || Object.keys(entered.values).length > 0;
  const set = (patch: Partial<EnteredForm>): void => {
    setServer(null);
    setEntered((e) => ({ ...e, ...patch }));
  };
  const save = useMutation({
    mutationFn: async () => {
      const service = serviceBody(form, entered);
      const checked = await answer(api.POST('/api/services/check', { body: service as never }));
      setServer({
        refusals: checked.refusals as EntryFinding[],
        warnings: checked.warnings as EntryFinding[],
      });
      const pending = checked.warnings.filter((w) => !acknowledged.includes(w.check));
      if (checked.refusals.length > 0 || pending.length > 0) return null;
      return answer(
        api.POST('/api/services/entry', { body: { service: service as never, acknowledge: acknowledged } }),
      );
    },
  });
  const language = i18n.language;
  return (
    <Form layout="vertical" onFinish={() => save.mutate()} style={{ maxWidth: 560 }}>
      {findResidents && <ResidentFinder onPick={(picked) => set({ recordNo: picked })} />}
      <Form.Item label={t('recordNo')} htmlFor="entry-recordNo" extra={t('recordNoHint')}>
        <Input
          id="entry-recordNo"
          inputMode="numeric"
          value={entered.recordNo}
          onChange={(e) => set({ recordNo: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('serviceDate')} htmlFor="entry-serviceDate">
        <Input
          id="entry-serviceDate"
          type="date"
          value={entered.serviceDate}
          onChange={(e) => set({ serviceDate: e.target.value })}
        />
      </Form.Item>
      {fields.map((column) => {
        const id = `entry-${column.field}`;
        const label = language.startsWith('en')
          ? `${column.field} (${column.description.en})`
          : `${column.header}（${column.description.zh}）`;
        const value = entered.values[column.field] ?? '';
        const onValue = (v: string): void => set({ values: { ...entered.values, [column.field]: v } });
        const choices = CHOICES[column.type];
        const error = shown.refusals.find((f) => f.field === `payload.${column.field}`);
        return (
          <Form.Item
            key={column.field}
            label={label}
            htmlFor={id}
            validateStatus={touched && error ? 'error' : undefined}
            help={
              touched && error ? (language.startsWith('en') ? error.reason.en : error.reason.zh) : undefined
            }
          >
            {choices ? (
              <Select
                id={id}
                allowClear
                value={value === '' ? undefined : value}
                onChange={(v: string | undefined) => onValue(v ?? '')}
                options={choices.map((c) => ({
                  value: c,
                  label: t((column.type === 'controlled' ? `choice.controlled.${c}` : `choice.${c}`) as Key),
                }))}
              />
            ) : (
              <Input
                id={id}
                inputMode={
                  column.type === 'integer' ? 'numeric' : column.type === 'number' ? 'decimal' : undefined
                }
                type={column.type === 'date' ? 'date' : 'text'}
                value={value}
                onChange={(e) => onValue(e.target.value)}
              />
            )}
          </Form.Item>
        );
      })}
      <Form.Item label={t('institution')} htmlFor="entry-institution">
        <Input
          id="entry-institution"
          value={entered.institution}
          onChange={(e) => set({ institution: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('doctor')} htmlFor="entry-doctor">
        <Input id="entry-doctor" value={entered.doctor} onChange={(e) => set({ doctor: e.target.value })} />
      </Form.Item>
      {touched && shown.refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('refused')}
          description={<Findings findings={shown.refusals} type="error" language={language} />}
        />
      )}
      {touched && shown.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('warned')}
          description={
            <Space direction="vertical">
              <Findings findings={shown.warnings} type="warning" language={language} />
              {shown.warnings.map((w) => (
                <Checkbox
                  key={w.check}
                  data-testid={`ack-${w.check}`}
                  checked={acknowledged.includes(w.check)}
                  onChange={(e) =>
                    setAcknowledged((a) =>
                      e.target.checked ? [...a, w.check] : a.filter((c) => c !== w.check),
                    )
                  }
                >
                  {t('acknowledge')} ({w.check})
                </Checkbox>
              ))}
            </Space>
          }
        />
      )}
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={save.error instanceof ApiError ? save.error.messageIn(language) : String(save.error)}
        />
      )}
      {save.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="entry-saved"
          message={t('saved')}
          description={
            <Space wrap>
              {/* The hook of the due lists (随访提醒, built beside this page): back to the list after saving. */}
              <Link to="/due">{t('toDue')}</Link>
              <Link to="/indicators">{t('toIndicators')}</Link>
            </Space>
          }
        />
      )}
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('save')}
      </Button>
    </Form>
  );
}

/** The resident's basic record (建档), written with POST /api/residents. */
export function ResidentForm({ today }: { today: string }): ReactNode {
  const { t, i18n } = useTranslation('entry');
  const [v, setV] = useState<Record<string, string>>({ recordCreated: today });
  const save = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/api/residents', {
          body: [
            {
              recordNo: (v.recordNo ?? '').trim(),
              name: (v.name ?? '').trim(),
              sex: v.sex === 'M' || v.sex === 'F' ? v.sex : null,
              birthDate: v.birthDate || null,
              idNumber: v.idNumber?.trim() || null,
              phone: v.phone?.trim() || null,
              recordCreated: v.recordCreated ?? today,
            },
          ] as never,
        }),
      ),
  });
  const text = (field: 'recordNo' | 'name' | 'idNumber' | 'phone', mode?: 'numeric' | 'tel'): ReactNode => (
    <Form.Item key={field} label={t(field)} htmlFor={`resident-${field}`}>
      <Input
        id={`resident-${field}`}
        inputMode={mode}
        value={v[field] ?? ''}
        onChange={(e) => setV({ ...v, [field]: e.target.value })}
      />
    </Form.Item>
  );
  return (
    <Form layout="vertical" onFinish={() => save.mutate()} style={{ maxWidth: 560 }}>
      {text('recordNo', 'numeric')}
      {text('name')}
      <Form.Item label={t('sex')} htmlFor="resident-sex">
        <Select
          id="resident-sex"
          value={v.sex}
          onChange={(s: string) => setV({ ...v, sex: s })}
          options={['M', 'F'].map((s) => ({ value: s, label: t(`choice.${s}` as Key) }))}
        />
      </Form.Item>
      {(['birthDate', 'recordCreated'] as const).map((field) => (
        <Form.Item key={field} label={t(field)} htmlFor={`resident-${field}`}>
          <Input
            id={`resident-${field}`}
            type="date"
            value={v[field] ?? ''}
            onChange={(e) => setV({ ...v, [field]: e.target.value })}
          />
        </Form.Item>
      ))}
      {text('idNumber')}
      {text('phone', 'tel')}
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={save.error instanceof ApiError ? save.error.messageIn(i18n.language) : String(save.error)}
        />
      )}
      {save.data && <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('saved')} />}
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('save')}
      </Button>
    </Form>
  );
}

/** The 录入 page: the list of forms, or the form `?form=` names. */
export default function EntryPage(): ReactNode {
  const { t } = useTranslation('entry');
  const [params, setParams] = useSearchParams();
  const { can } = useSignedIn();
  const form = params.get('form');
  // The local calendar date, ISO (the Swedish locale writes dates as YYYY-MM-DD).
  const today = new Date().toLocaleDateString('sv-SE');
  const record = params.get('record') ?? '';
  // The scope's org and period stay in the address; the form and its person change.
  const choose = (f: string | null): void =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete('record');
      if (f === null) next.delete('form');
      else next.set('form', f);
      return next;
    });
  if (form === null || (!isEntryForm(form) && form !== 'resident'))
    return (
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('title')}
          </Typography.Title>
        }
      >
        <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
        <List
          dataSource={[...ENTRY_FORMS, 'resident' as const]}
          renderItem={(f) => (
            <List.Item>
              <Button block onClick={() => choose(f)} data-testid={`entry-form-${f}`}>
                {t(`form.${f}`)}
              </Button>
            </List.Item>
          )}
        />
      </Card>
    );
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t(`form.${form}` as Key)}
        </Typography.Title>
      }
      extra={
        <Button type="link" onClick={() => choose(null)}>
          {t('back')}
        </Button>
      }
    >
      {form === 'resident' ? (
        <ResidentForm today={today} />
      ) : (
        <ServiceForm
          key={`${form}:${record}`}
          form={form}
          today={today}
          recordNo={record}
          findResidents={can('personal.read')}
        />
      )}
    </Card>
  );
}
