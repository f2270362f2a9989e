'use client';
import { useRef, useState } from 'react';
import type { IngestProgress } from '@/lib/domain/contracts/imports';
import type { UploadState } from './import-progress';

/** The live numbers one upload reports, plus the controller that cancels it. */
export function useUploadProgress(size: number) {
  const [upload, setUpload] = useState<UploadState>({ loaded: 0, total: size });
  const [progress, setProgress] = useState<IngestProgress | null>(null);
  const [queued, setQueued] = useState(false);
  const abort = useRef<AbortController | null>(null);

  /** Handlers for one send; a fresh AbortController each time. */
  function start() {
    abort.current = new AbortController();
    setUpload({ loaded: 0, total: size });
    setProgress(null);
    return {
      signal: abort.current.signal,
      onQueued: () => setQueued(true),
      onUpload: (loaded: number, total: number) => {
        setQueued(false);
        setUpload({ loaded, total });
      },
      onProgress: setProgress,
    };
  }

  return { upload, progress, queued, start, cancel: () => abort.current?.abort() };
}
