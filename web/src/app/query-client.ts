import { QueryClient } from '@tanstack/react-query';

/**
 * The web UI's cache of server answers. Answers stay fresh for 30 s and are not asked again
 * when the window regains focus.
 *
 * Requests go out whatever the browser says of its network (`networkMode: 'always'`).
 * Gongwei's server is on the bureau's own network, often the same machine. The browser's
 * online flag only says whether it sees a network interface, and TanStack Query by default
 * holds back every request while it is false: a resolve or a delete would wait without a
 * word until the flag came back. A request that cannot reach the server now fails, and the
 * page shows its error.
 *
 * @example
 * const [queries] = useState(newQueryClient);
 * <QueryClientProvider client={queries}>…</QueryClientProvider>
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });
}
