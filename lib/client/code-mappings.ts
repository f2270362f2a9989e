import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CodeMappingChangeDto } from '@/lib/domain/contracts/code-mappings';
import type { CodeCombinationDto } from '@/lib/domain/contracts/code-mappings';
import { fetchJson } from './fetch-json';

export const codeMappingKeys = {
  all: ['code-mappings'] as const,
  search: (q: string) => [...codeMappingKeys.all, 'search', q] as const,
  changes: () => [...codeMappingKeys.all, 'changes'] as const,
};

export const codeSearchOptions = (q: string) =>
  queryOptions({
    queryKey: codeMappingKeys.search(q),
    queryFn: ({ signal }) => fetchJson<{ rows: CodeCombinationDto[]; message: string | null }>(`/api/code-mappings?${new URLSearchParams({ q })}`, { signal }),
  });

export function useCodeSearch(q: string) {
  return useQuery(codeSearchOptions(q));
}

const running = (changes: CodeMappingChangeDto[] | undefined) => changes?.some((c) => c.jobStatus === 'queued' || c.jobStatus === 'running') ?? false;

export const codeMappingChangesOptions = () =>
  queryOptions({
    queryKey: codeMappingKeys.changes(),
    queryFn: ({ signal }) => fetchJson<CodeMappingChangeDto[]>('/api/code-mappings/changes', { signal }),
    // Polled only while a re-classification job is queued or running.
    refetchInterval: (query) => (running(query.state.data) ? 1_000 : false),
  });

export function useCodeMappingChanges() {
  return useQuery(codeMappingChangesOptions());
}
