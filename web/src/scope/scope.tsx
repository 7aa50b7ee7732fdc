/**
 * The org and period every page shows, kept in the address (?org=620800&period=2020Q2) so a
 * link opens the same view for a colleague. The org must lie in the caller's scope: the
 * server's answer for it (GET /api/orgs/{code}) decides, and a refusal shows the refusal page
 * instead of the page.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { Spin } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { answer, api } from '../api/client';
import type { paths } from '../api/schema';
import { useSignedIn } from '../session/session';
import { periodChoice, periodText, type PeriodChoice } from './period-choice';

/** An org as GET /api/orgs/{code} answers. */
export type Org = paths['/api/orgs/{code}']['get']['responses'][200]['content']['application/json'];

interface ScopeState {
  /** The chosen org's code. */
  readonly orgCode: string;
  /** The chosen org, once the server has answered for it. */
  readonly org: Org | undefined;
  /** The server's refusal of the org, if any (403: outside the caller's scope). */
  readonly orgError: unknown;
  /** The chosen period, as the API reads it ('2020Q2'). */
  readonly period: string;
  readonly periodChoice: PeriodChoice;
  setOrg(code: string): void;
  setPeriod(choice: PeriodChoice): void;
}

const ScopeContext = createContext<ScopeState | null>(null);
const STORED_PERIOD = 'gongwei.period';

/** The period last chosen in this browser, if any. */
function storedPeriod(): PeriodChoice | null {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORED_PERIOD);
  return stored ? periodChoice(stored) : null;
}

/**
 * The period a first visit shows: the last one chosen, else the latest period with data of
 * the org (GET /api/indicators/latest-period), else the quarter of today.
 */
function defaultPeriod(latest: string | null | undefined, today: Date = new Date()): PeriodChoice {
  return (
    storedPeriod() ??
    (latest ? periodChoice(latest) : null) ?? {
      year: today.getFullYear(),
      kind: 'quarter',
      index: Math.floor(today.getMonth() / 3) + 1,
    }
  );
}

/** Provides the chosen org and period to the pages. */
export function ScopeProvider({ children }: { children: ReactNode }): ReactNode {
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const orgCode = params.get('org') ?? session.orgCode;
  const chosen = periodChoice(params.get('period') ?? '');
  // Asked only when neither the address nor this browser names a period: a first visit.
  const latest = useQuery({
    queryKey: ['latest-period', orgCode],
    queryFn: () => answer(api.GET('/api/indicators/latest-period', { params: { query: { org: orgCode } } })),
    enabled: chosen === null && storedPeriod() === null,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const period = periodText(chosen ?? defaultPeriod(latest.data?.period));

  const org = useQuery({
    queryKey: ['org', orgCode],
    queryFn: () => answer(api.GET('/api/orgs/{code}', { params: { path: { code: orgCode } } })),
    retry: false,
    staleTime: 5 * 60_000,
  });

  const setOrg = useCallback(
    (code: string) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('org', code);
        return next;
      }),
    [setParams],
  );
  const setPeriod = useCallback(
    (choice: PeriodChoice) => {
      const text = periodText(choice);
      localStorage.setItem(STORED_PERIOD, text);
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('period', text);
        return next;
      });
    },
    [setParams],
  );

  const state = useMemo<ScopeState>(
    () => ({
      orgCode,
      org: org.data,
      orgError: org.error,
      period,
      periodChoice: periodChoice(period) ?? defaultPeriod(null),
      setOrg,
      setPeriod,
    }),
    [orgCode, org.data, org.error, period, setOrg, setPeriod],
  );
  // The pages wait for the latest period of a first visit rather than ask for today's quarter first.
  if (latest.isLoading) return <Spin fullscreen />;
  return <ScopeContext.Provider value={state}>{children}</ScopeContext.Provider>;
}

/** The chosen org and period; only inside ScopeProvider. */
export function useScope(): ScopeState {
  const state = useContext(ScopeContext);
  if (!state) throw new Error('useScope outside ScopeProvider');
  return state;
}

/** Builds the address of a page with the current org and period kept. */
export function useScopedHref(): (path: string, extra?: Record<string, string>) => string {
  const { orgCode, period } = useScope();
  return useCallback(
    (path: string, extra: Record<string, string> = {}) =>
      `${path}?${new URLSearchParams({ org: orgCode, period, ...extra }).toString()}`,
    [orgCode, period],
  );
}
