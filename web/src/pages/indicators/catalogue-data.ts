/**
 * The catalogue and the values the indicator pages show: one query each, shared by the list
 * and an indicator's page.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { answer, api } from '../../api/client';
import type { paths } from '../../api/schema';

/** An entry of GET /api/indicators/catalogue. */
export type CatalogueEntry =
  paths['/api/indicators/catalogue']['get']['responses'][200]['content']['application/json'][number];
/** A value of GET /api/indicators. */
export type Value = paths['/api/indicators']['get']['responses'][200]['content']['application/json'][number];

/** The whole catalogue (it changes only with the server). */
export function useCatalogue(): UseQueryResult<CatalogueEntry[]> {
  return useQuery({
    queryKey: ['catalogue'],
    queryFn: () => answer(api.GET('/api/indicators/catalogue')),
    staleTime: Infinity,
  });
}

/** Values of the org and its children (depth 1) for the period; every indicator, or `ids`. */
export function useValues(org: string, period: string, ids?: string): UseQueryResult<Value[]> {
  return useQuery({
    queryKey: ['indicators', org, period, 1, ids ?? '*'],
    queryFn: () =>
      answer(
        api.GET('/api/indicators', {
          params: { query: { org, period, depth: 1, ...(ids ? { ids } : {}) } },
        }),
      ),
  });
}
