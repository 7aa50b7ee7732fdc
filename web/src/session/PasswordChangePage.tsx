import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../api/client';
import { useSession } from './session';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Shown instead of every page while the account must change its one-time password. */
export function PasswordChangePage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { refresh, signOut } = useSession();
  const [error, setError] = useState<string | null>(null);

  async function submit(values: PasswordChange): Promise<void> {
    setError(null);
    try {
      await answer(
        api.POST('/api/session/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      await refresh();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.messageIn(i18n.language) : String(failure));
    }
  }

  return (
    <main className="gw-login">
      <Card style={{ width: 420, maxWidth: '92vw' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('password.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('password.rules')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<PasswordChange> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t('password.new')} name="newPassword" rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.repeat')}
            name="repeat"
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('password.submit')}
          </Button>
          <Button type="link" block onClick={() => void signOut()}>
            {t('logout')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
