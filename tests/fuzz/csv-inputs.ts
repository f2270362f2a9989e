// CSV inputs: exports as clearinghouses and PM systems write them (their headers, delimiters, quoting), built
// from a grammar and then mutated as rows, cells, quotes and delimiters, and as bytes.
import { asBytes, fieldText, mutateBytes, mutateList, NASTY_VALUES } from './mutate';
import type { Rng } from './prng';

const HEADER_SETS = [
  ['Patient Control Number', 'Payer Claim Number', 'Payer Name', 'Payer ID', 'Patient Name', 'Member ID', 'Service Date', 'Remit Date', 'Billed', 'Paid', 'Denied Amount', 'Group Code', 'CARC', 'RARC', 'Claim Status Code', 'Procedure Code'],
  ['Account', 'ICN', 'Insurance', 'Patient', 'DOS', 'Check Date', 'Charges', 'Payment', 'Adj Amount', 'Reason Code', 'Remark Codes', 'Status', 'CPT'],
  ['pcn', 'payer', 'billed', 'paid', 'carc'],
  ['CLP01', 'CLP02', 'CLP03', 'CLP04', 'CLP07', 'Payer ID', 'CAS Group', 'Adjustment Reason Code', 'Remark', 'DOS From', 'MBI'],
];
const DELIMITERS = [',', ',', ',', '\t', ';', '|'];
const MONEY = ['120.00', '0', '0.00', '1,250.50', '$75.25', '-12.00', '(40.00)', '99999999.99', '.5', '3'];
const DATES = ['2026-11-02', '11/02/2026', '1/2/2026', '20261102', '2026-1-2', '02-11-2026'];
const CARCS = ['50', 'CO-50', 'CO 45', 'PR1', 'OA-23', '197', 'N1', 'A1', 'CO-B7'];
const RARCS = ['', 'N115', 'N115 M127', 'N115,MA130', 'M15;N362'];
const STATUS = ['1', '2', '4', '19', '22', ''];
const GROUPS = ['CO', 'PR', 'OA', 'PI', 'CR', '', 'co'];

function valueFor(rng: Rng, header: string): string {
  const h = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/billed|charge|paid|payment|amount|clp03|clp04/.test(h)) return fieldText(rng, MONEY);
  if (/date|dos/.test(h)) return fieldText(rng, DATES);
  if (/carc|reason/.test(h)) return fieldText(rng, CARCS);
  if (/rarc|remark/.test(h)) return fieldText(rng, RARCS);
  if (/status|clp02/.test(h)) return fieldText(rng, STATUS);
  if (/group/.test(h)) return fieldText(rng, GROUPS);
  if (/payer$|insurance|payername/.test(h)) return fieldText(rng, ['Acme Health', 'Blue Plan', 'Medicare', 'O"Brien, Inc']);
  return fieldText(rng, [`PCN${rng.int(1, 99999)}`, 'Doe, Jane', 'XJH123456789', '99213', 'A1B2']);
}

function quote(rng: Rng, cell: string, delimiter: string): string {
  const needs = cell.includes(delimiter) || cell.includes('"') || /[\r\n]/.test(cell);
  if (!needs && !rng.chance(0.05)) return cell;
  if (rng.chance(0.03)) return `"${cell}`; // an unbalanced quote
  return `"${cell.replace(/"/g, '""')}"`;
}

export function csvInput(rng: Rng): Uint8Array {
  const headers = rng.chance(0.9) ? rng.pick(HEADER_SETS).slice() : Array.from({ length: rng.small(60) }, () => rng.pick(NASTY_VALUES));
  const delimiter = rng.pick(DELIMITERS);
  let rows: string[][] = Array.from({ length: rng.small(30) }, () => headers.map((h) => valueFor(rng, h)));
  for (let k = rng.small(4); k > 0; k--) {
    switch (rng.below(4)) {
      case 0:
        rows = mutateList(rng, rows, () => headers.map((h) => valueFor(rng, h)));
        break;
      case 1: {
        // a row with cells missing or extra
        const row = rows.length ? rows[rng.below(rows.length)]! : [];
        if (rng.chance(0.5)) row.splice(rng.below(row.length + 1), rng.small(5));
        else row.push(...Array.from({ length: rng.small(20) }, () => rng.pick(NASTY_VALUES)));
        break;
      }
      case 2:
        if (rows.length) rows[rng.below(rows.length)]![rng.below(headers.length)] = rng.pick(NASTY_VALUES).repeat(rng.small(30) || 1);
        break;
      default:
        headers.splice(rng.below(headers.length), 0, rng.pick(headers.length ? headers : ['x']));
    }
  }
  const lineBreak = rng.pick(['\n', '\r\n', '\r', '\n', '\r\n']);
  const body = [headers, ...rows].map((r) => r.map((c) => quote(rng, c, delimiter)).join(delimiter));
  if (rng.chance(0.1)) body.splice(rng.below(body.length + 1), 0, ...Array.from({ length: rng.small(5) }, () => ''));
  let text = body.join(lineBreak) + (rng.chance(0.5) ? lineBreak : '');
  if (rng.chance(0.1)) text = `\ufeff${text}`;
  let bytes = asBytes(text);
  for (let k = rng.chance(0.4) ? rng.small(6) : 0; k > 0; k--) bytes = mutateBytes(rng, bytes, []);
  return bytes;
}
