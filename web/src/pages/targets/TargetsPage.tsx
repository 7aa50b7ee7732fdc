import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useScope } from '../../scope/scope';
import { DecompositionTab } from './DecompositionTab';
import { PlanCheckTab } from './PlanCheckTab';
import { ProgressTab } from './ProgressTab';
import { TargetsTab } from './TargetsTab';

const TABS = ['targets', 'decomposition', 'progress', 'check'] as const;
type TabKey = (typeof TABS)[number];

/**
 * 任务与进度: targets of the chosen org and its children (set, history), their decomposition
 * into milestones and downwards, progress against the milestones, and the check of a
 * hand-made plan table. The tab is kept in the address (?tab=progress).
 */
export default function TargetsPage(): ReactNode {
  const { t } = useTranslation('targets');
  const { orgCode, org } = useScope();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabKey = TABS.includes(asked as TabKey) ? (asked as TabKey) : 'targets';
  const content: Record<TabKey, ReactNode> = {
    targets: <TargetsTab />,
    decomposition: <DecompositionTab />,
    progress: <ProgressTab />,
    check: <PlanCheckTab />,
  };

  return (
    <div>
      <Typography.Title level={3}>
        {org?.name ?? orgCode} · {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        destroyInactiveTabPane
        onChange={(key) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.set('tab', key);
            return next;
          })
        }
        items={TABS.map((key) => ({ key, label: t(`tab.${key}`), children: content[key] }))}
      />
    </div>
  );
}
