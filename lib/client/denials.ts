import { type QueryClient, keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DenialDetailDto, DenialStateDto, QueuePageDto, QueueRowDto } from '@/lib/domain/contracts/denials';
import { fetchJson } from './fetch-json';

// The denial queue and detail: one key factory for reads and for the invalidations after writes.
export const denialKeys = {
  all: ['denials'] as const,
  queues: () => [...denialKeys.all, 'queue'] as const,
  /** `search` is the queue's URL query without the cursor (queueParamsToSearch), so equal views share a key. */
  queue: (search: string) => [...denialKeys.queues(), search] as const,
  queuePage: (search: string, cursor: string | null) => [...denialKeys.queue(search), cursor ?? 'first'] as const,
  details: () => [...denialKeys.all, 'detail'] as const,
  detail: (id: string) => [...denialKeys.details(), id] as const,
};

function withCursor(search: string, cursor: string | null): string {
  const params = new URLSearchParams(search);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const queuePageOptions = (search: string, cursor: string | null) =>
  queryOptions({
    queryKey: denialKeys.queuePage(search, cursor),
    queryFn: ({ signal }) => fetchJson<QueuePageDto>(`/api/denials?${withCursor(search, cursor)}`, { signal }),
    // The queue stays on screen while the next page or filter loads: no flash of emptiness.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export const denialDetailOptions = (id: string) =>
  queryOptions({
    queryKey: denialKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<DenialDetailDto>(`/api/denials/${id}`, { signal }),
    staleTime: 30_000,
  });

export function useQueuePage(search: string, cursor: string | null) {
  return useQuery(queuePageOptions(search, cursor));
}

export function useDenial(id: string) {
  return useQuery(denialDetailOptions(id));
}

/** Applies `patch` to the denial wherever it is cached (every queue page and its detail). */
export function patchDenial(qc: QueryClient, id: string, patch: (row: DenialStateDto) => Partial<QueueRowDto>): void {
  qc.setQueriesData<QueuePageDto>({ queryKey: denialKeys.queues() }, (page) =>
    page && page.rows.some((r) => r.id === id) ? { ...page, rows: page.rows.map((r) => (r.id === id ? { ...r, ...patch(r) } : r)) } : page,
  );
  qc.setQueryData<DenialDetailDto>(denialKeys.detail(id), (detail) => (detail ? { ...detail, ...patch(detail) } : detail));
}

/** The newest version the client holds for a denial (after its own earlier edits in this session landed). */
export function cachedVersion(qc: QueryClient, id: string): number | undefined {
  const versions: number[] = [];
  const detail = qc.getQueryData<DenialDetailDto>(denialKeys.detail(id));
  if (detail) versions.push(detail.version);
  for (const [, page] of qc.getQueriesData<QueuePageDto>({ queryKey: denialKeys.queues() })) {
    const row = page?.rows.find((r) => r.id === id);
    if (row) versions.push(row.version);
  }
  return versions.length ? Math.max(...versions) : undefined;
}
