/**
 * The pages of the application, one line each: where it lives, its menu entry and icon, the
 * permission it needs (the menu and the router leave out what the caller may not see), and
 * the component, loaded when first opened so the entry bundle stays small.
 */
import {
  AimOutlined,
  AuditOutlined,
  BellOutlined,
  DashboardOutlined,
  EditOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { commonMessages } from '../i18n/common-messages';
import type { Permission } from '../session/session';

type MenuKey = Extract<keyof typeof commonMessages.zh, `menu.${string}`>;

/** One page of the application. */
export interface PageEntry {
  /** The path under /, e.g. '/indicators'. */
  readonly path: string;
  readonly menu: MenuKey;
  readonly icon: ReactNode;
  /** The permission the page needs; the page is not offered without it. */
  readonly permission: Permission;
  readonly component: LazyExoticComponent<ComponentType>;
  /** A page reached from another (an indicator's page), not listed in the menu. */
  readonly hideInMenu?: boolean;
}

/** Every page, in menu order. */
export const PAGES: readonly PageEntry[] = [
  {
    path: '/',
    menu: 'menu.dashboard',
    icon: <DashboardOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/dashboard/DashboardPage')),
  },
  {
    path: '/indicators',
    menu: 'menu.indicators',
    icon: <FundOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/indicators/IndicatorsPage')),
  },
  {
    path: '/indicators/:id',
    menu: 'menu.indicators',
    icon: null,
    permission: 'aggregates.read',
    hideInMenu: true,
    component: lazy(() => import('../pages/indicators/IndicatorPage')),
  },
  {
    path: '/targets',
    menu: 'menu.targets',
    icon: <AimOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/targets/TargetsPage')),
  },
  {
    path: '/plans',
    menu: 'menu.plans',
    icon: <ThunderboltOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/plans/PlansPage')),
  },
  {
    path: '/audits',
    menu: 'menu.audits',
    icon: <SafetyCertificateOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/audits/AuditsPage')),
  },
  {
    path: '/bulletins',
    menu: 'menu.bulletins',
    icon: <NotificationOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/bulletins/BulletinsPage')),
  },
  {
    path: '/assessment',
    menu: 'menu.assessment',
    icon: <AuditOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/assessment/AssessmentPage')),
  },
  {
    path: '/funding',
    menu: 'menu.funding',
    icon: <MoneyCollectOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/funding/FundingPage')),
  },
  {
    path: '/reported',
    menu: 'menu.reported',
    icon: <FormOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/reported/ReportedPage')),
  },
  {
    path: '/import',
    menu: 'menu.import',
    icon: <UploadOutlined />,
    permission: 'records.write',
    component: lazy(() => import('../pages/import/ImportPage')),
  },
  {
    path: '/entry',
    menu: 'menu.entry',
    icon: <EditOutlined />,
    permission: 'records.write',
    component: lazy(() => import('../pages/entry/EntryPage')),
  },
  {
    path: '/due',
    menu: 'menu.due',
    icon: <BellOutlined />,
    permission: 'due.read',
    component: lazy(() => import('../pages/due/DuePage')),
  },
  {
    path: '/contracts',
    menu: 'menu.contracts',
    icon: <TeamOutlined />,
    permission: 'aggregates.read',
    component: lazy(() => import('../pages/contracts/ContractsPage')),
  },
  {
    path: '/records',
    menu: 'menu.records',
    icon: <FileSearchOutlined />,
    permission: 'personal.read',
    component: lazy(() => import('../pages/records/RecordsPage')),
  },
  {
    path: '/admin',
    menu: 'menu.admin',
    icon: <SettingOutlined />,
    permission: 'access-log.read',
    component: lazy(() => import('../pages/admin/AdminPage')),
  },
];
