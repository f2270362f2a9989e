'use client';
import { useEffect, useRef } from 'react';
import { useImport835 } from '@/lib/client/imports';
import type { IngestResult } from '@/lib/domain/contracts/imports';
import { FileCard, type CardStatus } from './file-card';
import { ImportProgress } from './import-progress';
import { useUploadProgress } from './use-upload-progress';
import { X12Summary } from './x12-summary';

function statusOf(result: IngestResult | undefined, error: Error | null, sending: boolean, queued: boolean): CardStatus {
  if (error) return error.name === 'AbortError' ? { label: 'Cancelled', tone: 'neutral' } : { label: 'Failed', tone: 'danger' };
  if (result?.ok) return result.needsReview ? { label: 'Imported · needs review', tone: 'warning' } : { label: 'Imported', tone: 'success' };
  if (result?.code === 'duplicate') return { label: 'Already imported', tone: 'warning' };
  if (result?.code === 'parse_error') return { label: 'Not imported', tone: 'danger' };
  if (queued) return { label: 'Queued', tone: 'neutral' };
  return sending ? { label: 'Importing', tone: 'info' } : { label: 'Starting', tone: 'neutral' };
}

/** One 835: sent as soon as it is picked, then its summary. */
export function X12Upload({ file, onRemove, canViewQueue }: { file: File; onRemove: () => void; canViewQueue: boolean }) {
  const mutation = useImport835();
  const live = useUploadProgress(file.size);
  const started = useRef(false);

  useEffect(() => {
    // Once per card: React's development double effect must not upload the file twice.
    if (started.current) return;
    started.current = true;
    mutation.mutate({ file, ...live.start() });
  });

  const sending = mutation.isPending;
  return (
    <FileCard
      file={file}
      kind="X12 835"
      status={statusOf(mutation.data, mutation.error, sending, live.queued)}
      removeLabel={sending ? 'Cancel' : 'Dismiss'}
      onRemove={() => {
        live.cancel();
        onRemove();
      }}
    >
      <ImportProgress name={file.name} kind="x12" upload={live.upload} progress={live.progress} outcome={mutation.data ? (mutation.data.ok ? 'imported' : 'refused') : null} />
      {mutation.data ? <X12Summary result={mutation.data} canViewQueue={canViewQueue} /> : null}
      {mutation.error && mutation.error.name !== 'AbortError' ? (
        <p role="alert" className="text-sm text-red-700">
          {mutation.error.message}
        </p>
      ) : null}
    </FileCard>
  );
}
