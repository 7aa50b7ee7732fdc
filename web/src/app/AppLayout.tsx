import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Button, ConfigProvider, Grid, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { OrgPicker } from '../scope/OrgPicker';
import { PeriodPicker } from '../scope/PeriodPicker';
import { useScope, useScopedHref } from '../scope/scope';
import { useSession, useSignedIn } from '../session/session';
import { ApiError } from '../api/client';
import { RefusalPage } from '../pages/refusal/RefusalPage';
import { LanguageSwitch } from './LanguageSwitch';
import { PAGES } from './pages';
import { antLocale, THEME } from './theme';

/**
 * The frame of every page after log-in: the menu of the pages the role may open, the org and
 * period pickers, the language switch and the user. An org outside the caller's scope shows
 * the refusal page in place of the page.
 */
export function AppLayout(): ReactNode {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const { signOut } = useSession();
  const { orgError } = useScope();
  const href = useScopedHref();
  const location = useLocation();
  const pages = PAGES.filter((page) => session.can(page.permission));
  // Below 992 px the pickers leave the header for a bar above the page, where they can wrap.
  const narrow = !Grid.useBreakpoint().lg;
  const pickers = (
    <Space key="pickers" wrap size="small" className="gw-pickers">
      <OrgPicker />
      <PeriodPicker />
    </Space>
  );
  const refused = orgError instanceof ApiError && (orgError.status === 403 || orgError.status === 404);

  return (
    <ProLayout
      title={t('appName')}
      logo={false}
      layout="mix"
      fixedHeader
      siderWidth={180}
      location={{ pathname: location.pathname }}
      route={{
        path: '/',
        routes: pages.map((page) => ({
          path: page.path,
          name: t(page.menu),
          icon: page.icon,
          hideInMenu: page.hideInMenu ?? false,
        })),
      }}
      menuItemRender={(item, dom) => <Link to={href(item.path ?? '/')}>{dom}</Link>}
      actionsRender={() =>
        narrow ? [<LanguageSwitch key="language" />] : [pickers, <LanguageSwitch key="language" />]
      }
      avatarProps={{
        icon: <UserOutlined />,
        title: narrow ? undefined : (
          <Space size={4}>
            <Typography.Text>{session.displayName}</Typography.Text>
            <Tag>{t(`role.${session.role}` as 'role.admin')}</Tag>
          </Space>
        ),
        render: (_props, dom) => (
          <Space>
            {dom}
            <Button
              type="text"
              icon={<LogoutOutlined />}
              aria-label={t('logout')}
              title={t('logout')}
              onClick={() => void signOut()}
            >
              {narrow ? null : t('logout')}
            </Button>
          </Space>
        ),
      }}
    >
      <ConfigProvider theme={THEME} locale={antLocale(i18n.language)}>
        {narrow && <div style={{ marginBottom: 16 }}>{pickers}</div>}
        <Suspense fallback={<Spin tip={t('loading')} />}>{refused ? <RefusalPage /> : <Outlet />}</Suspense>
      </ConfigProvider>
    </ProLayout>
  );
}
