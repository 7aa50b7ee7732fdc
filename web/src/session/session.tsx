/**
 * Who is signed in. The server keeps the session (an HttpOnly cookie); the UI asks
 * GET /api/session once, keeps the CSRF token for writes and offers `can(permission)`.
 * What a role may not see is not rendered: pages and actions ask `can` before they draw.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Permission } from '../../../src/domain/access/permissions';
import { answer, api, ApiError, rememberCsrfToken, whenSignedOut } from '../api/client';
import type { paths } from '../api/schema';

/** The signed-in user as GET /api/session answers. */
export type Session = paths['/api/session']['get']['responses'][200]['content']['application/json'];

export type { Permission };

interface SessionState {
  readonly session: Session | null;
  readonly loading: boolean;
  can(permission: Permission): boolean;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
  /** Reads the session again (after a password change). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const SESSION_KEY = ['session'] as const;

/**
 * Forgets every answer but the session's (another user must not see the last one's data).
 * The session query itself stays, so the components that watch it see the new value.
 */
function forgetAnswers(queries: QueryClient): void {
  queries.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

async function currentSession(): Promise<Session | null> {
  try {
    const session = await answer(api.GET('/api/session'));
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Provides the session to the whole app. */
export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const queries = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: currentSession,
    staleTime: Infinity,
    retry: false,
  });

  useEffect(() => {
    whenSignedOut(() => {
      rememberCsrfToken(null);
      queries.setQueryData(SESSION_KEY, null);
    });
  }, [queries]);

  const signIn = useCallback(
    async (username: string, password: string): Promise<Session> => {
      const session = await answer(api.POST('/api/session', { body: { username, password } }));
      rememberCsrfToken(session.csrfToken);
      forgetAnswers(queries);
      queries.setQueryData(SESSION_KEY, session);
      return session;
    },
    [queries],
  );

  const signOut = useCallback(async (): Promise<void> => {
    await api.DELETE('/api/session');
    rememberCsrfToken(null);
    forgetAnswers(queries);
    queries.setQueryData(SESSION_KEY, null);
  }, [queries]);

  const refresh = useCallback(async (): Promise<void> => {
    queries.setQueryData(SESSION_KEY, await currentSession());
  }, [queries]);

  const state = useMemo<SessionState>(() => {
    const session = query.data ?? null;
    const permissions = new Set(session?.permissions ?? []);
    return {
      session,
      loading: query.isPending,
      can: (permission) => permissions.has(permission),
      signIn,
      signOut,
      refresh,
    };
  }, [query.data, query.isPending, signIn, signOut, refresh]);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

/** The session state; only inside SessionProvider. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in session; only on pages behind the log-in. */
export function useSignedIn(): Session & { can(permission: Permission): boolean } {
  const { session, can } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return { ...session, can };
}

/**
 * Renders its children only when the caller holds the permission: what a role may not see
 * is not in the page at all.
 */
export function Allowed({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}): ReactNode {
  return useSession().can(permission) ? children : null;
}
