import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { BULLETINS_KEY, errorText, useLanguage } from './bulletin-data';

/**
 * The HTML version of an archived bulletin, shown in a sandboxed frame: the server's page
 * is self-contained (print CSS, charts as inline SVG) and the empty `sandbox` lets it run no
 * script, reach no cookie and open nothing.
 */
export function BulletinPreview({ id }: { id: number }): ReactNode {
  const { t } = useTranslation('bulletins');
  const language = useLanguage();
  const html = useQuery({
    queryKey: [BULLETINS_KEY, 'html', id],
    queryFn: () =>
      answer(api.GET('/api/bulletins/{id}/download', { params: { path: { id } }, parseAs: 'text' })),
    staleTime: Infinity,
  });
  if (html.error) return <Alert type="error" showIcon message={errorText(html.error, language)} />;
  if (!html.data) return <Skeleton active />;
  return (
    <iframe
      title={t('preview.frame', { id })}
      className="gw-bulletin-preview"
      sandbox=""
      srcDoc={html.data}
      style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9', background: '#fff' }}
    />
  );
}
