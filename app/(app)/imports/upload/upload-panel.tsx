'use client';
import { useRef, useState } from 'react';
import { detectImportKind, MAX_UPLOAD_BYTES, MAX_X12_UPLOAD_BYTES } from '@/lib/client/import-files';
import { sizeText } from '@/lib/domain/request-limits';
import { CsvUpload } from './csv-upload';
import { DropZone } from './drop-zone';
import { FileCard } from './file-card';
import { X12Upload } from './x12-upload';

type Verdict = { kind: 'x12' } | { kind: 'csv' } | { kind: 'refused'; reason: string };
type Item = { key: number; file: File } & Verdict;

/** Which import a file goes to, or why it cannot be sent at all (decided before a byte of it travels). */
async function classify(file: File): Promise<Verdict> {
  if (file.size === 0) return { kind: 'refused', reason: 'The file is empty: there is nothing to import.' };
  const kind = await detectImportKind(file);
  if (!kind) return { kind: 'refused', reason: 'This is neither an X12 835 (it does not start with ISA) nor a CSV file.' };
  // An 835 is stored in chunks as it arrives; a CSV is read whole, so it keeps the smaller cap.
  const max = kind === 'x12' ? MAX_X12_UPLOAD_BYTES : MAX_UPLOAD_BYTES;
  if (file.size > max) return { kind: 'refused', reason: `The file is larger than ${sizeText(max)}, the most one upload may carry. Split it and upload the parts.` };
  return { kind };
}

export function UploadPanel({ csvSources, canViewQueue }: { csvSources: string[]; canViewQueue: boolean }) {
  const [items, setItems] = useState<Item[]>([]);
  const nextKey = useRef(0);

  async function add(files: File[]) {
    const classified = await Promise.all(files.map(async (file) => ({ key: nextKey.current++, file, ...(await classify(file)) })));
    // The latest batch on top, so what was just dropped is in view; in the order it was picked.
    setItems((current) => [...classified, ...current]);
  }
  const remove = (key: number) => setItems((current) => current.filter((i) => i.key !== key));

  return (
    <div className="flex flex-col gap-4">
      <DropZone onFiles={(files) => void add(files)} />
      {items.length ? (
        <ul className="flex flex-col gap-3" aria-label="Files">
          {items.map((item) => (
            <li key={item.key}>
              {item.kind === 'x12' ? (
                <X12Upload file={item.file} canViewQueue={canViewQueue} onRemove={() => remove(item.key)} />
              ) : item.kind === 'csv' ? (
                <CsvUpload file={item.file} csvSources={csvSources} canViewQueue={canViewQueue} onRemove={() => remove(item.key)} />
              ) : (
                <FileCard file={item.file} kind="File" status={{ label: 'Refused', tone: 'danger' }} onRemove={() => remove(item.key)}>
                  <p role="alert" className="text-sm text-red-700">
                    {item.reason}
                  </p>
                </FileCard>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
