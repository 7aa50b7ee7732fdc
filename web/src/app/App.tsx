import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RefusalPage } from '../pages/refusal/RefusalPage';
import { ScopeProvider } from '../scope/scope';
import { LoginPage } from '../session/LoginPage';
import { PasswordChangePage } from '../session/PasswordChangePage';
import { SessionProvider, useSession } from '../session/session';
import { AppLayout } from './AppLayout';
import { newQueryClient } from './query-client';
import { antLocale, THEME } from './theme';
import { PAGES } from './pages';

function NotFound(): ReactNode {
  const { t } = useTranslation();
  return <Result status="404" title={t('notFound.title')} />;
}

/** Log-in first, then the password change an account may owe, then the pages. */
function Gate(): ReactNode {
  const { t } = useTranslation();
  const { session, loading, can } = useSession();
  if (loading) return <Spin fullscreen tip={t('loading')} />;
  if (!session) return <LoginPage />;
  if (session.mustChangePassword) return <PasswordChangePage />;
  return (
    <ScopeProvider>
      <Routes>
        <Route element={<AppLayout />}>
          {PAGES.map((page) => (
            <Route
              key={page.path}
              path={page.path}
              element={can(page.permission) ? <page.component /> : <RefusalPage />}
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </ScopeProvider>
  );
}

/** The whole web UI: caching, the Ant Design locale that follows the language, the router. */
export function App(): ReactNode {
  const { i18n } = useTranslation();
  const [queries] = useState(newQueryClient);
  return (
    <ConfigProvider locale={antLocale(i18n.language)} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <BrowserRouter>
            <SessionProvider>
              <Gate />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
