import { Label, Select } from '@/components/ui/input';
import { CSV_FIELD_LABEL, CSV_PAYER_FIELDS, CSV_REQUIRED } from '@/lib/domain/csv-mapping';
import { CSV_FIELDS, type CsvField, type CsvMapping } from '@/lib/domain/contracts/imports';

/** One select per field, naming the CSV column it is read from, with the first row's value as a hint. */
export function FieldMappingGrid({
  idPrefix,
  headers,
  firstRow,
  mapping,
  problems,
  onChange,
}: {
  idPrefix: string;
  headers: string[];
  firstRow: string[];
  mapping: CsvMapping;
  problems: Partial<Record<CsvField, string>>;
  onChange: (mapping: CsvMapping) => void;
}) {
  function set(field: CsvField, header: string) {
    const next = { ...mapping };
    if (header) next[field] = header;
    else delete next[field];
    onChange(next);
  }

  return (
    <fieldset className="grid grid-cols-[repeat(auto-fill,minmax(220px,1fr))] gap-x-4 gap-y-1">
      <legend className="mb-2 text-sm font-medium text-slate-800">
        Columns <span className="font-normal text-slate-500">— * required; payer name or payer ID (†) is needed</span>
      </legend>
      {CSV_FIELDS.map((field) => {
        const id = `${idPrefix}-${field}`;
        const header = mapping[field];
        const sample = header ? firstRow[headers.indexOf(header)] : undefined;
        const problem = problems[field];
        const required = CSV_REQUIRED.includes(field);
        const payer = CSV_PAYER_FIELDS.includes(field);
        return (
          <div key={field} className="flex min-w-0 flex-col gap-1">
            <Label htmlFor={id}>
              {CSV_FIELD_LABEL[field]}
              {required ? <span aria-hidden="true"> *</span> : payer ? <span aria-hidden="true"> †</span> : null}
              {required ? <span className="sr-only"> (required)</span> : null}
            </Label>
            <Select
              id={id}
              value={header ?? ''}
              onChange={(e) => set(field, e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-hint`}
              className={header ? 'w-full' : 'w-full text-slate-500'}
            >
              <option value="">— not mapped —</option>
              {headers.map((h, i) => (
                <option key={`${h}-${i}`} value={h}>
                  {h}
                </option>
              ))}
            </Select>
            <p id={`${id}-hint`} className={problem ? 'truncate text-xs text-red-600' : 'truncate text-xs text-slate-500'} title={sample}>
              {problem ?? (sample !== undefined ? `e.g. ${sample || '(empty)'}` : '\u00a0')}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
