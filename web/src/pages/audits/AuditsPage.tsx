import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useScope } from '../../scope/scope';
import { useSession } from '../../session/session';
import { AuditOverview } from './AuditOverview';
import { DuplicateSets } from './DuplicateSets';
import { WorkList } from './WorkList';

/**
 * 质控: run the audits, the findings per unit and rule, hotspots; for roles that may read
 * personal data, the work list (resolve, reopen) and the duplicate sets (merge). Tabs, filters
 * and the page of the work list are kept in the address, so a reload shows the same rows.
 */
export default function AuditsPage(): ReactNode {
  const { t } = useTranslation('audits');
  const { can } = useSession();
  const { org, orgCode } = useScope();
  const [params, setParams] = useSearchParams();
  const personal = can('personal.read');
  const tab = personal ? (params.get('tab') ?? 'overview') : 'overview';

  const openWorkList = (filter: Record<string, string>): void =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const key of ['rule', 'unit', 'status', 'page']) next.delete(key);
      next.set('tab', 'worklist');
      for (const [key, value] of Object.entries(filter)) next.set(key, value);
      return next;
    });

  const items = [
    {
      key: 'overview',
      label: t('tab.overview'),
      children: <AuditOverview openWorkList={personal ? openWorkList : null} />,
    },
    ...(personal
      ? [
          { key: 'worklist', label: t('tab.worklist'), children: <WorkList /> },
          { key: 'duplicates', label: t('tab.duplicates'), children: <DuplicateSets /> },
        ]
      : []),
  ];

  return (
    <div>
      <Typography.Title level={3}>
        {org?.name ?? orgCode} · {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.set('tab', key);
            return next;
          })
        }
        items={items}
      />
    </div>
  );
}
