'use client';
import { useId } from 'react';
import { useImportCsv } from '@/lib/client/imports';
import type { IngestCsvResult } from '@/lib/domain/contracts/imports';
import { CsvMappingForm, type CsvImportChoice } from './csv-mapping-form';
import { CsvSummary } from './csv-summary';
import { FileCard, type CardStatus } from './file-card';
import { ImportProgress } from './import-progress';
import { useUploadProgress } from './use-upload-progress';

function statusOf(result: IngestCsvResult | undefined, error: Error | null, sending: boolean, queued: boolean): CardStatus {
  if (error) return error.name === 'AbortError' ? { label: 'Cancelled', tone: 'neutral' } : { label: 'Failed', tone: 'danger' };
  if (result?.ok) return result.rejected.length ? { label: 'Imported · rows rejected', tone: 'warning' } : { label: 'Imported', tone: 'success' };
  if (result?.code === 'duplicate') return { label: 'Already imported', tone: 'warning' };
  if (queued) return { label: 'Queued', tone: 'neutral' };
  if (sending) return { label: 'Importing', tone: 'info' };
  return { label: 'Map columns', tone: 'info' };
}

/** One CSV: map its columns, then send it, then list what was imported and what was rejected. */
export function CsvUpload({ file, csvSources, onRemove, canViewQueue }: { file: File; csvSources: string[]; onRemove: () => void; canViewQueue: boolean }) {
  const fileKey = useId();
  const mutation = useImportCsv();
  const live = useUploadProgress(file.size);
  const result = mutation.data;
  // A refused mapping sends the user back to the form with the server's reason.
  const mappingRefused = result && !result.ok && result.code === 'invalid_mapping' ? result.message : null;
  const mapping = mutation.isIdle || mappingRefused !== null;

  function start(choice: CsvImportChoice) {
    mutation.mutate({ file, ...choice, ...live.start() });
  }

  return (
    <FileCard
      file={file}
      kind="CSV"
      status={mappingRefused ? { label: 'Map columns', tone: 'info' } : statusOf(result, mutation.error, mutation.isPending, live.queued)}
      removeLabel={mutation.isPending ? 'Cancel' : 'Dismiss'}
      onRemove={() => {
        live.cancel();
        onRemove();
      }}
    >
      {mapping ? (
        <CsvMappingForm file={file} fileKey={fileKey} csvSources={csvSources} serverMessage={mappingRefused} onImport={start} />
      ) : (
        <>
          <ImportProgress name={file.name} kind="csv" upload={live.upload} progress={live.progress} outcome={result ? (result.ok ? 'imported' : 'refused') : null} />
          {result ? <CsvSummary result={result} filename={file.name} canViewQueue={canViewQueue} /> : null}
          {mutation.error ? (
            <p role="alert" className="text-sm text-red-700">
              {mutation.error.message}
            </p>
          ) : null}
        </>
      )}
    </FileCard>
  );
}
