import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './fetch-json';
import type { IngestCsvResult, CsvMapping, CsvPreview, IngestResult } from '@/lib/domain/contracts/imports';
import { csvPreviewSlice } from './import-files';
import { sendImport, type SendImportHandlers } from './send-import';

export const importKeys = {
  all: ['imports'] as const,
  csvPreview: (fileKey: string, source: string) => [...importKeys.all, 'csv-preview', fileKey, source] as const,
};

// Two files processed at a time: ingest is CPU- and database-heavy, and a queue of ten large files should
// not make every one of them crawl. The rest wait their turn ("Queued").
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(job: () => Promise<T>, onQueued?: () => void): Promise<T> {
  if (running >= MAX_CONCURRENT) {
    onQueued?.();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export interface ImportVariables extends SendImportHandlers {
  file: File;
  onQueued?: () => void;
}

export function useImport835() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onQueued, ...handlers }: ImportVariables) =>
      inTurn(() => sendImport<IngestResult>(`/api/imports/835?${query({ filename: file.name })}`, file, handlers), onQueued),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
}

export interface CsvImportVariables extends ImportVariables {
  source: string;
  mapping: CsvMapping;
  saveMapping: boolean;
}

export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, source, mapping, saveMapping, onQueued, ...handlers }: CsvImportVariables) => {
      const params = query({ filename: file.name, source, mapping: JSON.stringify(mapping), saveMapping: String(saveMapping) });
      return inTurn(() => sendImport<IngestCsvResult>(`/api/imports/csv?${params}`, file, handlers), onQueued);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
}

async function fetchCsvPreview(file: File, source: string): Promise<CsvPreview & { partial: boolean }> {
  const { blob, partial } = await csvPreviewSlice(file);
  const res = await fetch(`/api/imports/csv/preview?${query(source ? { source } : {})}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
    body: blob,
  });
  const body = (await res.json().catch(() => null)) as (CsvPreview & { code?: string; message?: string }) | null;
  if (!res.ok || !body) throw new ApiError(res.status, body?.code ?? 'internal', body?.message ?? 'The preview could not be read.', body);
  return { ...body, partial };
}

/** Headers, first rows and the suggested or saved mapping; asked again when the source name changes. */
export function useCsvPreview(file: File, fileKey: string, source: string) {
  return useQuery({
    queryKey: importKeys.csvPreview(fileKey, source),
    queryFn: () => fetchCsvPreview(file, source),
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });
}
