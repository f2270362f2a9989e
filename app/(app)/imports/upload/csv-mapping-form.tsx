'use client';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';
import { mappingForHeaders, mappingProblems } from '@/lib/domain/csv-mapping';
import { CSV_PREVIEW_BYTES } from '@/lib/client/import-files';
import type { CsvMapping } from '@/lib/domain/contracts/imports';
import { useCsvPreview } from '@/lib/client/imports';
import { CsvPreviewTable } from './csv-preview-table';
import { FieldMappingGrid } from './field-mapping-grid';
import { useDebouncedValue } from './use-debounced-value';

export interface CsvImportChoice {
  source: string;
  mapping: CsvMapping;
  saveMapping: boolean;
}

/** Step one of a CSV import: name the source, map its columns to fields, check the first rows. */
export function CsvMappingForm({
  file,
  fileKey,
  csvSources,
  serverMessage,
  onImport,
}: {
  file: File;
  fileKey: string;
  csvSources: string[];
  serverMessage: string | null;
  onImport: (choice: CsvImportChoice) => void;
}) {
  const id = useId();
  const [source, setSource] = useState('');
  const [saveMapping, setSaveMapping] = useState(true);
  const [edited, setEdited] = useState<CsvMapping | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const preview = useCsvPreview(file, fileKey, useDebouncedValue(source.trim(), 400));

  if (preview.isPending) return <p className="text-sm text-slate-600">Reading the first rows…</p>;
  if (preview.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        The file could not be previewed: {preview.error.message}
      </p>
    );
  }
  const data = preview.data;
  if (data.headers.length === 0) {
    return (
      <p role="alert" className="text-sm text-red-700">
        No header row was found. The first line of a CSV export must name its columns.
      </p>
    );
  }

  const saved = data.savedMapping ? mappingForHeaders(data.savedMapping, data.headers) : null;
  const mapping = edited ?? saved ?? mappingForHeaders(data.suggestedMapping, data.headers);
  const problems = mappingProblems(mapping);
  const sourceMissing = source.trim() === '';
  const origin = edited ? null : saved ? `Saved mapping for “${source.trim()}” applied.` : 'Columns suggested from the header names.';

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (sourceMissing || Object.keys(problems).length) return;
    onImport({ source: source.trim(), mapping, saveMapping });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Map the columns of ${file.name}`} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-source`}>
            Source <span aria-hidden="true">*</span>
          </Label>
          <Input
            id={`${id}-source`}
            className="w-72"
            value={source}
            onChange={(e) => setSource(e.target.value)}
            list={`${id}-sources`}
            placeholder="e.g. Clearinghouse daily export"
            required
            aria-invalid={submitted && sourceMissing}
            aria-describedby={`${id}-source-help`}
          />
          <datalist id={`${id}-sources`}>
            {csvSources.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <label className="flex h-8 items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={saveMapping} onChange={(e) => setSaveMapping(e.target.checked)} className="size-4 accent-brand-600" />
          Save this mapping for the source
        </label>
        {saved && edited ? (
          <Button type="button" variant="secondary" size="sm" className="mb-0.5" onClick={() => setEdited(null)}>
            Use the saved mapping
          </Button>
        ) : null}
      </div>
      <p id={`${id}-source-help`} className={submitted && sourceMissing ? '-mt-3 text-xs text-red-600' : '-mt-3 text-xs text-slate-500'}>
        {submitted && sourceMissing
          ? 'Name the source: mappings are saved and reused per source.'
          : 'Where the export comes from; a mapping saved under this name is filled in next time.'}
        {origin ? <span className="text-slate-500"> {origin}</span> : null}
      </p>

      <FieldMappingGrid
        idPrefix={id}
        headers={data.headers}
        firstRow={data.rows[0] ?? []}
        mapping={mapping}
        problems={submitted ? problems : {}}
        onChange={setEdited}
      />

      <CsvPreviewTable headers={data.headers} rows={data.rows} mapping={mapping} />

      {serverMessage ? (
        <p role="alert" className="text-sm text-red-700">
          {serverMessage}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit">Import {data.partial ? 'all rows' : `${data.totalRows.toLocaleString('en-US')} row${data.totalRows === 1 ? '' : 's'}`}</Button>
        <span className="text-xs text-slate-500">
          {data.partial
            ? `${data.totalRows.toLocaleString('en-US')} rows in the first ${CSV_PREVIEW_BYTES / 1024} KB; the import reads the whole file.`
            : 'Every row is validated; a bad row is listed with its line number and never half-written.'}
        </span>
        {submitted && Object.keys(problems).length ? (
          <span role="alert" className="text-xs text-red-600">
            Map the required fields first.
          </span>
        ) : null}
      </div>
    </form>
  );
}
