import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SavedViewDto } from '@/lib/domain/contracts/saved-views';
import { fetchJson } from './fetch-json';

export const savedViewKeys = { all: ['saved-views'] as const };

export const savedViewsOptions = () =>
  queryOptions({ queryKey: savedViewKeys.all, queryFn: ({ signal }) => fetchJson<SavedViewDto[]>('/api/saved-views', { signal }) });

export function useSavedViews() {
  return useQuery(savedViewsOptions());
}
