/**
 * 查找居民 on the entry forms: a name, an ID number or a record number typed in, the
 * residents of the caller's scope who match (GET /api/residents: names masked, age instead
 * of the birth date, the read written to the access trail), and a tap that takes one's record
 * number into the form. For roles with personal.read; others type the record number.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, List, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import { useScope } from '../../scope/scope';

type Found = paths['/api/residents']['get']['responses'][200]['content']['application/json'];

/** Shown matches at most: a name is looked up to pick one person, not to browse. */
const SHOWN = 10;

/** The finder; `onPick` receives the record number of the resident tapped. */
export function ResidentFinder({ onPick }: { onPick: (recordNo: string) => void }): ReactNode {
  const { t, i18n } = useTranslation('entry');
  const { orgCode } = useScope();
  const [asked, setAsked] = useState('');
  const found = useQuery({
    queryKey: ['entry-residents', orgCode, asked],
    enabled: asked !== '',
    queryFn: async (): Promise<Found> =>
      answer(api.GET('/api/residents', { params: { query: { q: asked, org: orgCode, limit: SHOWN } } })),
  });
  const sex = (s: 'M' | 'F' | null): string => (s === null ? '' : t(`choice.${s}`));
  return (
    <div data-testid="entry-finder" style={{ marginBottom: 16 }}>
      <Input.Search
        id="entry-find"
        aria-label={t('find')}
        placeholder={t('findHint')}
        allowClear
        enterButton={t('findButton')}
        loading={found.isFetching}
        onSearch={(text) => setAsked(text.trim())}
      />
      {found.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={
            found.error instanceof ApiError ? found.error.messageIn(i18n.language) : String(found.error)
          }
        />
      )}
      {found.data && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          locale={{ emptyText: t('findNone') }}
          dataSource={found.data.residents}
          footer={
            found.data.total > found.data.residents.length ? (
              <Typography.Text type="secondary">{t('findMore', { total: found.data.total })}</Typography.Text>
            ) : undefined
          }
          renderItem={(r) => (
            <List.Item
              actions={[
                <Button
                  key="pick"
                  size="small"
                  onClick={() => onPick(r.recordNo)}
                  data-testid={`pick-${r.recordNo}`}
                >
                  {t('pick')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${r.name} ${sex(r.sex)} ${r.age === null ? '' : t('age', { age: r.age })}`}
                description={`${r.orgName ?? r.orgCode} · ${r.recordNo}`}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
