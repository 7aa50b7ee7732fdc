import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import { useScope } from '../../scope/scope';
import { Allowed, useSignedIn } from '../../session/session';

type User = paths['/api/users']['get']['responses'][200]['content']['application/json'][number];
type Token = paths['/api/tokens']['get']['responses'][200]['content']['application/json'][number];
type TrailRow =
  paths['/api/access-log']['get']['responses'][200]['content']['application/json']['entries'][number];
type Role = User['role'];
type Outcome = TrailRow['outcome'];

const ROLES: readonly Role[] = ['admin', 'bureau', 'centre', 'team', 'viewer'];
const when = (iso: string | null): string => (iso ? iso.replace('T', ' ').slice(0, 16) : '—');

function useErrorText(): (error: unknown) => string {
  const { i18n } = useTranslation();
  return (error) => (error instanceof ApiError ? error.messageIn(i18n.language) : String(error));
}

function RoleSelect(props: {
  value?: Role;
  onChange?: (role: Role) => void;
  id?: string;
  'aria-label'?: string;
}): ReactNode {
  const { t } = useTranslation('common');
  return (
    <Select<Role>
      {...props}
      style={{ minWidth: 140 }}
      options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
    />
  );
}

/** Users in scope: add, lock and unlock, reset a password, change the role. */
function UsersTab(): ReactNode {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { orgCode } = useScope();
  const me = useSignedIn();
  const queries = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const users = useQuery({
    queryKey: ['users', orgCode],
    queryFn: () => answer(api.GET('/api/users', { params: { query: { org: orgCode } } })),
  });
  const act = useMutation({
    mutationFn: async (change: () => Promise<unknown>) => change(),
    onSuccess: async () => {
      message.success(t('done'));
      await queries.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => message.error(errorText(error)),
  });
  const path = (username: string) => ({ params: { path: { username } } });

  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setAdding(true)}
        style={{ marginBottom: 16 }}
      >
        {t('addUser')}
      </Button>
      {users.error && <Alert type="error" showIcon message={errorText(users.error)} />}
      <Table<User>
        size="small"
        rowKey="username"
        loading={users.isPending}
        dataSource={users.data ?? []}
        scroll={{ x: 900 }}
        columns={[
          { title: t('username'), dataIndex: 'username' },
          { title: t('displayName'), dataIndex: 'displayName' },
          {
            title: t('role'),
            key: 'role',
            render: (_, u) =>
              u.username === me.username ? (
                t(`common:role.${u.role}`)
              ) : (
                <RoleSelect
                  aria-label={`${t('role')} ${u.username}`}
                  value={u.role}
                  onChange={(role) =>
                    act.mutate(() =>
                      answer(api.PATCH('/api/users/{username}', { ...path(u.username), body: { role } })),
                    )
                  }
                />
              ),
          },
          { title: t('org'), dataIndex: 'orgCode' },
          {
            title: t('status'),
            key: 'status',
            render: (_, u) => (
              <Space size={4} wrap>
                {u.active ? <Tag color="success">{t('active')}</Tag> : <Tag color="error">{t('locked')}</Tag>}
                {u.lockedUntil && <Tag color="orange">{t('lockedUntil', { at: when(u.lockedUntil) })}</Tag>}
                {u.mustChangePassword && <Tag>{t('mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, u) =>
              u.username === me.username ? null : (
                <Space size={4} wrap>
                  {u.active && !u.lockedUntil ? (
                    <Popconfirm
                      title={t('confirmLock')}
                      onConfirm={() =>
                        act.mutate(() => answer(api.POST('/api/users/{username}/lock', path(u.username))))
                      }
                    >
                      <Button size="small">{t('lock')}</Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      size="small"
                      onClick={() =>
                        act.mutate(() => answer(api.POST('/api/users/{username}/unlock', path(u.username))))
                      }
                    >
                      {t('unlock')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setResetting(u.username)}>
                    {t('reset')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <NewUserModal open={adding} onClose={() => setAdding(false)} />
      <Modal
        open={resetting !== null}
        title={`${t('reset')} · ${resetting ?? ''}`}
        footer={null}
        destroyOnHidden
        onCancel={() => setResetting(null)}
      >
        <Form
          layout="vertical"
          onFinish={(values: { password: string }) =>
            act.mutate(() =>
              answer(
                api.POST('/api/users/{username}/password', {
                  ...path(resetting ?? ''),
                  body: { password: values.password },
                }),
              ).then(() => setResetting(null)),
            )
          }
        >
          <Form.Item
            name="password"
            label={t('newPassword')}
            extra={t('passwordRules')}
            rules={[{ required: true, message: t('required', { field: t('newPassword') }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending}>
            {t('save')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  password: string;
}

function NewUserModal({ open, onClose }: { open: boolean; onClose: () => void }): ReactNode {
  const { t } = useTranslation('admin');
  const { orgCode } = useScope();
  const errorText = useErrorText();
  const queries = useQueryClient();
  const add = useMutation({
    mutationFn: (user: NewUser) =>
      answer(
        api.POST('/api/users', {
          body: { ...user, displayName: user.displayName ?? '', mustChangePassword: true },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const required = (field: string) => [{ required: true, message: t('required', { field }) }];
  return (
    <Modal open={open} title={t('addUser')} footer={null} destroyOnHidden onCancel={onClose}>
      {add.error && (
        <Alert type="error" showIcon message={errorText(add.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<NewUser>
        layout="vertical"
        initialValues={{ role: 'viewer', orgCode, displayName: '' }}
        onFinish={(values) => add.mutate(values)}
      >
        <Form.Item name="username" label={t('username')} rules={required(t('username'))}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('displayName')}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={required(t('role'))}>
          <RoleSelect />
        </Form.Item>
        <Form.Item name="orgCode" label={t('org')} rules={required(t('org'))}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('password')}
          extra={t('passwordRules')}
          rules={required(t('password'))}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('save')}
          </Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface NewToken {
  name: string;
  role: Role;
  orgCode: string;
  expiresInDays: number;
}

/** API tokens: list, create (the secret shown once), revoke. */
function TokensTab(): ReactNode {
  const { t } = useTranslation(['admin', 'common']);
  const { orgCode } = useScope();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queries = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => answer(api.GET('/api/tokens')) });
  const refresh = () => queries.invalidateQueries({ queryKey: ['tokens'] });
  const add = useMutation({
    mutationFn: (token: NewToken) => answer(api.POST('/api/tokens', { body: token })),
    onSuccess: async (created) => {
      setAdding(false);
      setSecret(created.secret);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => answer(api.DELETE('/api/tokens/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
    onError: (error) => message.error(errorText(error)),
  });
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setAdding(true)}
        style={{ marginBottom: 16 }}
      >
        {t('addToken')}
      </Button>
      {tokens.error && <Alert type="error" showIcon message={errorText(tokens.error)} />}
      <Table<Token>
        size="small"
        rowKey="id"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        scroll={{ x: 800 }}
        columns={[
          { title: t('tokenName'), dataIndex: 'name' },
          { title: t('role'), key: 'role', render: (_, k) => t(`common:role.${k.role}`) },
          { title: t('org'), dataIndex: 'orgCode' },
          { title: t('expiresAt'), key: 'expires', render: (_, k) => when(k.expiresAt) },
          { title: t('lastUsed'), key: 'used', render: (_, k) => when(k.lastUsedAt) },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{`${t('revoked')} ${when(k.revokedAt)}`}</Tag>
              ) : (
                <Popconfirm title={t('confirmRevoke')} onConfirm={() => revoke.mutate(k.id)}>
                  <Button size="small" danger>
                    {t('revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('addToken')}
        footer={null}
        destroyOnHidden
        onCancel={() => setAdding(false)}
      >
        {add.error && (
          <Alert type="error" showIcon message={errorText(add.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<NewToken>
          layout="vertical"
          initialValues={{ role: 'team', orgCode, expiresInDays: 90 }}
          onFinish={(values) => add.mutate(values)}
        >
          <Form.Item
            name="name"
            label={t('tokenName')}
            rules={[{ required: true, message: t('required', { field: t('tokenName') }) }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="role" label={t('role')}>
            <RoleSelect />
          </Form.Item>
          <Form.Item name="orgCode" label={t('org')}>
            <Input />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('expiresInDays')}>
            <InputNumber min={1} max={366} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={t('secretTitle')}
        onCancel={() => setSecret(null)}
        footer={<Button onClick={() => setSecret(null)}>{t('close')}</Button>}
      >
        <Typography.Paragraph>{t('secretHint')}</Typography.Paragraph>
        <Typography.Paragraph code copyable data-testid="token-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

interface TrailFilter {
  from?: Dayjs;
  to?: Dayjs;
  actor?: string;
  action?: string;
  outcome?: Outcome;
}

/** The access trail in scope, newest first, filtered, a page at a time. */
function TrailTab(): ReactNode {
  const { t } = useTranslation('admin');
  const { orgCode } = useScope();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<TrailFilter>({});
  const query = {
    org: orgCode,
    limit: 100,
    ...(filter.from ? { from: filter.from.format('YYYY-MM-DD') } : {}),
    ...(filter.to ? { to: filter.to.format('YYYY-MM-DD') } : {}),
    ...(filter.actor ? { actor: filter.actor.trim() } : {}),
    ...(filter.action ? { action: filter.action.trim() } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
  };
  const trail = useInfiniteQuery({
    queryKey: ['access-log', query],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      answer(
        api.GET('/api/access-log', {
          params: { query: { ...query, ...(pageParam ? { before: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (page) => page.nextBefore,
  });
  const rows = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const outcomes: Outcome[] = ['allowed', 'refused', 'failed'];
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<TrailFilter> layout="inline" style={{ rowGap: 8 }} onFinish={setFilter}>
          <Form.Item name="from" label={t('from')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="to" label={t('to')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="actor" label={t('actor')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label={t('action')}>
            <Input style={{ width: 160 }} placeholder="resident.read" />
          </Form.Item>
          <Form.Item name="outcome" label={t('outcome')}>
            <Select<Outcome>
              allowClear
              placeholder={t('any')}
              style={{ width: 110 }}
              options={outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('filter')}
          </Button>
        </Form>
      </Card>
      {trail.error && <Alert type="error" showIcon message={errorText(trail.error)} />}
      <Table<TrailRow>
        size="small"
        rowKey="id"
        loading={trail.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('at'), key: 'at', width: 150, render: (_, r) => when(r.at) },
          { title: t('actor'), dataIndex: 'actor' },
          { title: t('role'), key: 'role', render: (_, r) => r.role ?? '—' },
          { title: t('action'), dataIndex: 'action' },
          {
            title: t('object'),
            key: 'object',
            render: (_, r) => (r.objectType ? `${r.objectType} ${r.objectId ?? ''}` : '—'),
          },
          { title: t('org'), key: 'org', render: (_, r) => r.orgCode ?? '—' },
          {
            title: t('outcome'),
            key: 'outcome',
            render: (_, r) => (
              <Tag color={r.outcome === 'allowed' ? 'green' : r.outcome === 'refused' ? 'orange' : 'red'}>
                {t(`outcome.${r.outcome}`)}
              </Tag>
            ),
          },
          { title: t('rows'), key: 'rows', render: (_, r) => r.rowCount ?? '—' },
          { title: t('address'), key: 'address', render: (_, r) => r.clientAddress ?? '—' },
          { title: t('detail'), key: 'detail', render: (_, r) => r.detail ?? '—' },
        ]}
      />
      {trail.hasNextPage && (
        <Button
          style={{ marginTop: 16 }}
          loading={trail.isFetchingNextPage}
          onClick={() => void trail.fetchNextPage()}
        >
          {t('more')}
        </Button>
      )}
    </>
  );
}

/** 系统管理: users and API tokens (users.manage), the access trail (access-log.read). */
export default function AdminPage(): ReactNode {
  const { t } = useTranslation('admin');
  const { can } = useSignedIn();
  const items = [
    ...(can('users.manage')
      ? [
          { key: 'users', label: t('users'), children: <UsersTab /> },
          { key: 'tokens', label: t('tokens'), children: <TokensTab /> },
        ]
      : []),
    { key: 'trail', label: t('trail'), children: <TrailTab /> },
  ];
  return (
    <div>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Allowed permission="access-log.read">
        <Tabs items={items} destroyOnHidden />
      </Allowed>
    </div>
  );
}
