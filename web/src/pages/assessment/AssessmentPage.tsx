import { Space, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../scope/scope';
import { useSession } from '../../session/session';
import { ManualEntryForm } from './ManualEntryForm';
import { RunPanel } from './RunPanel';
import { SchemesPanel } from './SchemesPanel';

/**
 * 绩效考核: run an assessment of the chosen org's children for the chosen period and read the
 * ranking down to each item (and from an indicator item to the indicator's page), the schemes
 * and their versions, and the assessors' on-site scores. Viewing needs aggregates.read; running,
 * importing and entering need assessment.write and are not shown without it.
 */
export default function AssessmentPage(): ReactNode {
  const { t } = useTranslation('assessment');
  const { orgCode, org } = useScope();
  const { can } = useSession();
  const tabs = [
    { key: 'results', label: t('tab.results'), children: <RunPanel /> },
    { key: 'schemes', label: t('tab.schemes'), children: <SchemesPanel /> },
    ...(can('assessment.write')
      ? [{ key: 'manual', label: t('tab.manual'), children: <ManualEntryForm /> }]
      : []),
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {org?.name ?? orgCode} · {t('title')}
      </Typography.Title>
      <Tabs items={tabs} destroyInactiveTabPane />
    </Space>
  );
}
