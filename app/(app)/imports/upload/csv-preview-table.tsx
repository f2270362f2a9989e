import { CSV_FIELD_LABEL } from '@/lib/domain/csv-mapping';
import { CSV_FIELDS, type CsvMapping } from '@/lib/domain/contracts/imports';

const ROWS_SHOWN = 5;

/** The first rows as they will be read with the current mapping (mapped fields only). */
export function CsvPreviewTable({ headers, rows, mapping }: { headers: string[]; rows: string[][]; mapping: CsvMapping }) {
  const columns = CSV_FIELDS.filter((f) => mapping[f]).map((field) => ({ field, index: headers.indexOf(mapping[field] as string) }));
  if (columns.length === 0) return <p className="text-sm text-slate-500">Map a column to see the first rows as they will be read.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-xs" aria-label="First rows as mapped">
        <caption className="sr-only">The first {Math.min(ROWS_SHOWN, rows.length)} rows as they will be imported</caption>
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">Line</th>
            {columns.map((c) => (
              <th key={c.field} scope="col" className="whitespace-nowrap px-2 py-1 font-medium">
                {CSV_FIELD_LABEL[c.field]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.slice(0, ROWS_SHOWN).map((row, r) => (
            <tr key={r}>
              {/* Line 1 is the header row. */}
              <td className="px-2 py-1 tabular-nums text-slate-500">{r + 2}</td>
              {columns.map((c) => (
                <td key={c.field} className="max-w-48 truncate whitespace-nowrap px-2 py-1 font-mono text-slate-800">
                  {row[c.index] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
