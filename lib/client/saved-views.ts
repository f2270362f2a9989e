import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchJson } from './fetch-json';

export interface SavedView {
  id: string;
  name: string;
  query: string;
}

export const savedViewKeys = { all: ['saved-views'] as const };

export const savedViewsOptions = () =>
  queryOptions({ queryKey: savedViewKeys.all, queryFn: ({ signal }) => fetchJson<SavedView[]>('/api/saved-views', { signal }) });

export function useSavedViews() {
  return useQuery(savedViewsOptions());
}
