import 'server-only';
import Papa from 'papaparse';
import { z } from 'zod';
import { parseCsvDate, parseGroupAndReason, splitCodes } from '@/lib/domain/csv-values';
import { parseMoneyCents } from '@/lib/domain/money';
import { DATE_YEARS, type IsoDate, inDateYears } from '@/lib/domain/dates';
import { plainText } from '@/lib/domain/contracts/text';
import type { CsvField, CsvMapping } from '@/lib/domain/contracts/imports';

export interface CsvTable {
  headers: string[];
  /** Data rows with the 1-based line each starts on in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
}

/** UTF-8 (a BOM dropped); papaparse guesses the delimiter (comma, tab, semicolon, pipe). */
export function readCsv(bytes: Uint8Array, maxRows = Infinity): CsvTable {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const rows: CsvTable['rows'] = [];
  let headers: string[] | null = null;
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      const cells = result.data.map((cell) => cell.trim());
      const end = result.meta.cursor;
      const rowLine = line;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
      if (cells.every((cell) => cell === '')) return;
      if (headers === null) headers = cells;
      else rows.push({ line: rowLine, cells });
      if (rows.length >= maxRows) parser.abort();
    },
  });
  return { headers: headers ?? [], rows };
}

const text = plainText(z.string().trim().max(200, 'longer than 200 characters'));
const optionalText = text.transform((s) => s || null);
const money = (what: string) =>
  z.string().transform((s, ctx) => {
    const cents = parseMoneyCents(s);
    if (cents === null) ctx.addIssue({ code: 'custom', message: s.trim() === '' ? `${what} is empty` : `"${s}" is not an amount in dollars and cents` });
    return cents ?? 0;
  });
const optionalMoney = z.string().transform((s, ctx) => {
  if (s.trim() === '') return null;
  const cents = parseMoneyCents(s);
  if (cents === null) ctx.addIssue({ code: 'custom', message: `"${s}" is not an amount in dollars and cents` });
  return cents;
});
const optionalDate = z.string().transform((s, ctx): IsoDate | null => {
  if (s.trim() === '') return null;
  const date = parseCsvDate(s);
  if (date === null) ctx.addIssue({ code: 'custom', message: `"${s}" is not a date (YYYY-MM-DD or MM/DD/YYYY)` });
  else if (!inDateYears(date)) ctx.addIssue({ code: 'custom', message: `"${s}" is not between ${DATE_YEARS.min} and ${DATE_YEARS.max}` });
  return date;
});
const STATUS_CODES = ['1', '2', '3', '4', '19', '20', '21', '22', '23'];

export const csvRowSchema = z
  .object({
    patientControlNumber: text.min(1, 'patient control number is empty').max(38, 'longer than 38 characters (CLP01)'),
    payerClaimNumber: optionalText,
    payerName: optionalText,
    payerId: optionalText,
    patientName: optionalText,
    memberId: optionalText,
    serviceDate: optionalDate,
    remitDate: optionalDate,
    billed: money('billed'),
    paid: money('paid'),
    deniedAmount: optionalMoney,
    groupCode: z
      .string()
      .transform((s) => s.trim().toUpperCase() || null)
      .refine((s) => s === null || ['CO', 'PR', 'OA', 'PI', 'CR'].includes(s), 'not a group code (CO, PR, OA, PI, CR)'),
    carc: z.string().transform((s, ctx) => {
      const parsed = parseGroupAndReason(s);
      if (!parsed) ctx.addIssue({ code: 'custom', message: s.trim() === '' ? 'CARC is empty' : `"${s}" is not a claim adjustment reason code` });
      return parsed ?? { group: null, reason: '' };
    }),
    rarc: z.string().transform((s, ctx) => {
      const codes = splitCodes(s);
      const bad = codes.filter((code) => !/^[A-Z]{1,2}\d{1,4}$/.test(code));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `"${bad.join(' ')}" is not a remark code` });
      return codes;
    }),
    statusCode: z
      .string()
      .transform((s) => s.trim() || null)
      .refine((s) => s === null || STATUS_CODES.includes(s), `not a claim status code (${STATUS_CODES.join(', ')})`),
    procedureCode: optionalText,
  })
  .refine((row) => row.payerName !== null || row.payerId !== null, { message: 'the payer name and payer ID are both empty', path: ['payerName'] });

export type CsvRow = z.output<typeof csvRowSchema>;

export type RowCheck = { ok: true; row: CsvRow } | { ok: false; reason: string };

/** One row through the schema; the reason names each bad column by its header, e.g. `Billed ("12.3.4"): …`. */
export function checkRow(cells: readonly string[], headers: readonly string[], mapping: CsvMapping): RowCheck {
  const input: Record<string, string> = {};
  for (const [field, header] of Object.entries(mapping) as [CsvField, string | undefined][]) {
    const index = header ? headers.indexOf(header) : -1;
    input[field] = index >= 0 ? (cells[index] ?? '') : '';
  }
  for (const field of ['payerClaimNumber', 'payerName', 'payerId', 'patientName', 'memberId', 'serviceDate', 'remitDate', 'deniedAmount', 'groupCode', 'rarc', 'statusCode', 'procedureCode']) {
    input[field] ??= '';
  }
  const parsed = csvRowSchema.safeParse(input);
  if (parsed.success) return { ok: true, row: parsed.data };
  const reason = parsed.error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? '') as CsvField;
      return `${mapping[field] ?? field}: ${issue.message}`;
    })
    .join('; ');
  return { ok: false, reason };
}
