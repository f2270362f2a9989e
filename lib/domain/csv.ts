// A small RFC 4180 reader/writer for the code lists in prisma/data/codes (the official CARC/RARC text is
// full of commas and quotes). RFC 4180 §2: fields separated by commas, records by CRLF (LF accepted too),
// a field containing comma, quote or line break is enclosed in double quotes and a quote inside it is
// doubled. A malformed seed file is a programming error, so problems throw with the line number.

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvRecord {
  fields: string[];
  /** The physical line the record starts on (1-based), for messages that point back at the file. */
  line: number;
}

/** Records with their line numbers. A UTF-8 BOM and the final line break are ignored; blank lines are skipped. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  // 'start': nothing read in this field yet; 'plain': unquoted text; 'quoted': inside quotes; 'closed': after the closing quote.
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';

  const endField = () => {
    fields.push(field);
    field = '';
    state = 'start';
  };
  const endRecord = () => {
    const blank = fields.length === 0 && state === 'start';
    endField();
    if (!blank) records.push({ fields, line: recordLine });
    fields = [];
  };

  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (state === 'quoted') {
      if (ch !== '"') {
        if (ch === '\n') line++;
        field += ch;
      } else if (input[i + 1] === '"') {
        field += '"';
        i++;
      } else state = 'closed';
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (state === 'closed') {
      throw new CsvError('text after a closing quote', line);
    } else if (ch === '"') {
      if (state === 'plain') throw new CsvError('quote inside an unquoted field', line);
      state = 'quoted';
    } else {
      field += ch;
      state = 'plain';
    }
  }
  if (state === 'quoted') throw new CsvError('quoted field never closed', recordLine);
  if (fields.length > 0 || state !== 'start') endRecord();
  return records;
}

/** Records as arrays of fields (see parseCsvRecords). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}

/**
 * The code lists' shape: a header row, then one object per record keyed by the header's column names.
 * Every record must have exactly as many fields as the header.
 */
export function parseCodeCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) return [];
  const names = header.fields;
  return rows.map(({ fields, line }) => {
    if (fields.length !== names.length) {
      throw new CsvError(`expected ${names.length} fields (${names.join(',')}), found ${fields.length}`, line);
    }
    return Object.fromEntries(names.map((name, column) => [name, fields[column] ?? '']));
  });
}

/** RFC 4180 §2.6–2.7: a field holding a comma, quote or line break is quoted, its quotes doubled. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function formatRecord(record: readonly string[]): string {
  // A record of one empty field is written as "" so it does not read back as a blank (skipped) line.
  return record.length === 1 && record[0] === '' ? '""' : record.map(quoteField).join(',');
}

/** The inverse of parseCsv (for records with at least one field), LF line ends as in prisma/data/codes. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map(formatRecord).join('\n') + (records.length ? '\n' : '');
}
