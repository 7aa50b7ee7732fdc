import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../api/client';
import { useSignedIn } from '../session/session';
import { useScope, type Org } from './scope';

interface OrgNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const VILLAGE_LEVEL = 5;

function nodeOf(org: Org): OrgNode {
  return {
    id: org.code,
    pId: org.parentCode,
    value: org.code,
    title: org.name,
    isLeaf: org.level >= VILLAGE_LEVEL,
  };
}

/**
 * The org picker: the tree from the caller's own org down (市 → 县（市、区）→ 乡镇（街道）→
 * 村（社区）), each level read from the server when opened, so it never offers an org
 * outside the caller's scope.
 */
export function OrgPicker(): ReactNode {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { orgCode, org, setOrg } = useScope();
  const queries = useQueryClient();
  const [nodes, setNodes] = useState<OrgNode[]>([]);

  useEffect(() => {
    let live = true;
    void queries
      .fetchQuery({
        queryKey: ['org', session.orgCode],
        queryFn: () => answer(api.GET('/api/orgs/{code}', { params: { path: { code: session.orgCode } } })),
        staleTime: 5 * 60_000,
      })
      .then((root) => live && setNodes([{ ...nodeOf(root), pId: null }]));
    return () => {
      live = false;
    };
  }, [queries, session.orgCode]);

  async function loadChildren(code: string): Promise<void> {
    const children = await queries.fetchQuery({
      queryKey: ['org-children', code],
      queryFn: () => answer(api.GET('/api/orgs/{code}/children', { params: { path: { code } } })),
      staleTime: 5 * 60_000,
    });
    setNodes((current) => {
      const known = new Set(current.map((n) => n.id));
      return [...current, ...children.filter((c) => !known.has(c.code)).map(nodeOf)];
    });
  }

  const shown =
    nodes.some((n) => n.value === orgCode) || !org ? nodes : [...nodes, { ...nodeOf(org), pId: null }];

  return (
    <TreeSelect
      aria-label={t('org.label')}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
      treeDataSimpleMode
      treeData={shown}
      value={orgCode}
      showSearch
      treeNodeFilterProp="title"
      loadData={(node) => loadChildren(String(node.value))}
      onChange={(code: string) => setOrg(code)}
    />
  );
}
