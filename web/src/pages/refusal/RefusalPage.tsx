import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../scope/scope';
import { useSignedIn } from '../../session/session';

/** Shown instead of a page whose org (or the page itself) lies outside the caller's scope. */
export function RefusalPage(): ReactNode {
  const { t } = useTranslation();
  const { orgCode } = useSignedIn();
  const { setOrg } = useScope();
  return (
    <Result
      status="403"
      title={t('refused.title')}
      subTitle={t('refused.body')}
      extra={
        <Button type="primary" onClick={() => setOrg(orgCode)}>
          {t('refused.back')}
        </Button>
      }
    />
  );
}
