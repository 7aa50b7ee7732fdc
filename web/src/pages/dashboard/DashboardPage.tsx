import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import { monthsToDate, periodLabel, periodText, previousPeriod } from '../../scope/period-choice';
import { useScope } from '../../scope/scope';
import { useSignedIn } from '../../session/session';
import { ChildrenRanking } from './ChildrenRanking';
import { DashboardCharts } from './DashboardCharts';
import { periodEndDate, rankChildren, standingOf, type RankedUnit, type Unit } from './dashboard-figures';
import { KeyIndicatorCard } from './KeyIndicatorCard';
import { PeopleDrawer, type PeopleRequest, type PeopleSet } from './PeopleDrawer';

/** The indicators the dashboard opens with. */
export const KEY_INDICATORS = [
  'records.effective_rate',
  'hypertension.management_rate',
  'diabetes.management_rate',
  'elderly.management_rate',
] as const;

function errorText(error: unknown, language: string): string {
  return error instanceof ApiError ? error.messageIn(language) : String(error);
}

/**
 * 首页: for the chosen org and period, the key indicators with target, milestone due, gap and
 * change; the children ranked with the lagging ones marked; bars of the children and the
 * year's months; every count opens the people behind it (for a role that may see people).
 */
export default function DashboardPage(): ReactNode {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const session = useSignedIn();
  const { orgCode, period, periodChoice: choice, org } = useScope();
  const [selected, setSelected] = useState<string>(KEY_INDICATORS[0]);
  const [people, setPeople] = useState<PeopleRequest | null>(null);
  const mayOpenPeople = session.can('personal.read');
  const periodEnd = periodEndDate(choice);
  const previous = periodText(previousPeriod(choice));
  const ids = [...new Set<string>([...KEY_INDICATORS, selected])].join(',');

  const catalogue = useQuery({
    queryKey: ['catalogue'],
    queryFn: () => answer(api.GET('/api/indicators/catalogue')),
    staleTime: Infinity,
  });
  const values = useQuery({
    queryKey: ['indicators', orgCode, period, 1, ids],
    queryFn: () =>
      answer(api.GET('/api/indicators', { params: { query: { org: orgCode, period, depth: 1, ids } } })),
  });
  const before = useQuery({
    queryKey: ['indicators', orgCode, previous, 0, ids],
    queryFn: () =>
      answer(
        api.GET('/api/indicators', { params: { query: { org: orgCode, period: previous, depth: 0, ids } } }),
      ),
    retry: false,
  });
  const targets = useQuery({
    queryKey: ['targets', orgCode, 1, choice.year],
    queryFn: () =>
      answer(api.GET('/api/targets', { params: { query: { org: orgCode, depth: 1, year: choice.year } } })),
    retry: false,
  });
  const months = monthsToDate(choice);
  const monthly = useQueries({
    queries: months.map((month) => ({
      queryKey: ['indicators', orgCode, month, 0, selected],
      queryFn: () =>
        answer(
          api.GET('/api/indicators', {
            params: { query: { org: orgCode, period: month, depth: 0, ids: selected } },
          }),
        ),
      retry: false,
    })),
  });

  const entry = (id: string) => catalogue.data?.find((e) => e.id === id);
  const nameOf = (id: string): string => {
    const found = entry(id);
    return found ? (i18n.language === 'en' ? found.name.en : found.name.zh) : id;
  };
  const unitOf = (id: string): Unit => entry(id)?.unit ?? 'percent';
  const valueOf = (rows: typeof values.data, id: string, code: string) =>
    rows?.find((v) => v.indicator === id && v.org === code);
  const targetOf = (id: string, code: string) =>
    targets.data?.find((target) => target.indicator === id && target.orgCode === code);
  const periodName = periodLabel(choice, i18n.language);
  const orgName = org?.name ?? orgCode;

  const selectedUnit = unitOf(selected);
  const parent = standingOf(
    selectedUnit,
    valueOf(values.data, selected, orgCode),
    targetOf(selected, orgCode),
    undefined,
    periodEnd,
  );
  const ranked = useMemo(
    () =>
      rankChildren(
        selectedUnit,
        (values.data ?? []).filter((v) => v.indicator === selected && v.org !== orgCode),
        targets.data ?? [],
        parent.value,
        periodEnd,
      ),
    [values.data, targets.data, selected, selectedUnit, orgCode, parent.value, periodEnd],
  );

  const open = (id: string, code: string, name: string, set: PeopleSet): void =>
    setPeople({
      indicator: id,
      indicatorName: nameOf(id),
      org: code,
      orgName: name,
      period,
      periodName,
      set,
    });

  const monthValues = months.map((month, i) => ({
    month,
    value: monthly[i]?.data?.find((v) => v.org === orgCode)?.value ?? null,
  }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {orgName} · {periodName} · {t('keyIndicators')}
      </Typography.Title>
      {values.error && <Alert type="error" showIcon message={errorText(values.error, i18n.language)} />}
      <Row gutter={[16, 16]}>
        {KEY_INDICATORS.map((id) => (
          <Col key={id} xs={24} sm={12} xl={6}>
            <KeyIndicatorCard
              id={id}
              name={nameOf(id)}
              unit={unitOf(id)}
              loading={values.isPending}
              selected={selected === id}
              onSelect={() => setSelected(id)}
              standing={
                values.data
                  ? standingOf(
                      unitOf(id),
                      valueOf(values.data, id, orgCode),
                      targetOf(id, orgCode),
                      valueOf(before.data, id, orgCode),
                      periodEnd,
                    )
                  : null
              }
              onOpenPeople={mayOpenPeople ? () => open(id, orgCode, orgName, 'numerator') : null}
            />
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={t('children')}
        extra={
          <Select
            aria-label={t('indicator')}
            showSearch
            optionFilterProp="label"
            style={{ width: 280, maxWidth: '60vw' }}
            value={selected}
            onChange={setSelected}
            options={(catalogue.data ?? []).map((e) => ({
              value: e.id,
              label: i18n.language === 'en' ? e.name.en : e.name.zh,
            }))}
          />
        }
      >
        {!values.isPending && ranked.length === 0 ? (
          <Empty description={t('noChildren')} />
        ) : (
          <ChildrenRanking
            unit={selectedUnit}
            rows={ranked}
            loading={values.isPending}
            reported={entry(selected)?.period === 'reported'}
            onOpenPeople={
              mayOpenPeople
                ? (row: RankedUnit, set: PeopleSet) => open(selected, row.org, row.orgName, set)
                : null
            }
          />
        )}
      </Card>
      <DashboardCharts
        indicatorName={nameOf(selected)}
        unit={selectedUnit}
        children={ranked}
        parent={{ name: orgName, value: parent.value }}
        target={parent.target}
        milestone={parent.milestone}
        year={choice.year}
        months={monthValues}
      />
      {mayOpenPeople && <PeopleDrawer request={people} onClose={() => setPeople(null)} />}
    </Space>
  );
}
