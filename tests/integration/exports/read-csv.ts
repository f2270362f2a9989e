// Reads a CSV download as the browser would receive it: the bytes (BOM included), then its records.
import { parseCsv } from '@/lib/domain/csv';

export async function readCsv(response: Response): Promise<{ bom: boolean; header: string[]; rows: string[][] }> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const [header = [], ...rows] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  return { bom, header, rows };
}
