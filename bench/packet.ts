// Appeal packet benchmark (issue 13): a 20-page packet — cover sheet, the letter, a records PDF, two PNG scans,
// a JPEG and a two-page TIFF fax — built by buildAppealPacket, N times, beside a plain pdf-lib join of the same
// pages in the same run (load and copy the PDFs, embed the images as pages, save: no cover, no page stamps, no
// TIFF decoding — the TIFF's pixels go in as a ready-made PNG). Rendering the letter is timed apart.
//   npm run bench:packet [-- --runs 30 --no-write-docs]
// Prints median / p95 and sizes with the ratio; the last line is JSON. Writes the "Packet" section of
// docs/performance.md. Aim: well under 1 s for the packet.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { buildAppealPacket } from '../lib/server/appeals/build-packet';
import { renderLetterPdf } from '../lib/server/appeals/letter-pdf';
import { mergedLetter, sampleJpeg, samplePdf, samplePng, sampleTiff } from '../tests/support/appeal-fixtures';
import { replaceSection } from './performance-doc';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 30);
const WARMUP = 3;
const PAGES = 20;
const SCAN = { width: 850, height: 1100 }; // a US Letter page at 100 dpi
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/performance.md');

interface Stats {
  median: number;
  p95: number;
}
const stats = (ms: number[]): Stats => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)) };
};

/** The TIFF's pages as PNGs, for the baseline, which cannot read TIFF. */
function tiffPagesAsPng(count: number): Uint8Array[] {
  return Array.from({ length: count }, () => samplePng(SCAN.width, SCAN.height));
}

async function plainJoin(pdfs: Uint8Array[], pngs: Uint8Array[], jpegs: Uint8Array[]): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const bytes of pdfs) {
    const source = await PDFDocument.load(bytes);
    for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
  }
  for (const [embed, list] of [[(b: Uint8Array) => out.embedPng(b), pngs], [(b: Uint8Array) => out.embedJpg(b), jpegs]] as const) {
    for (const bytes of list) {
      const image = await embed(bytes);
      const page = out.addPage([612, 792]);
      const scale = Math.min(540 / image.width, 720 / image.height);
      page.drawImage(image, { x: 36, y: 36, width: image.width * scale, height: image.height * scale });
    }
  }
  return out.save();
}

async function main() {
  const letterInput = mergedLetter();
  const letterPdf = await renderLetterPdf(letterInput);
  const letterPages = (await PDFDocument.load(letterPdf)).getPageCount();
  const recordsPages = PAGES - 1 - letterPages - 2 - 1 - 2;
  const records = await samplePdf(recordsPages, 'Progress note');
  const pngs = [samplePng(SCAN.width, SCAN.height), samplePng(SCAN.width, SCAN.height)];
  const jpeg = sampleJpeg();
  const tiff = sampleTiff([0, 96], SCAN.width, SCAN.height);
  const attachments = [
    { name: 'progress-notes.pdf', kind: 'Medical records', contentType: 'application/pdf', bytes: records },
    { name: 'eob-1.png', kind: 'EOB', contentType: 'image/png', bytes: pngs[0]! },
    { name: 'eob-2.png', kind: 'EOB', contentType: 'image/png', bytes: pngs[1]! },
    { name: 'auth.jpg', kind: 'Authorization proof', contentType: 'image/jpeg', bytes: jpeg },
    { name: 'fax.tiff', kind: 'Payer correspondence', contentType: 'image/tiff', bytes: tiff },
  ];
  const cover = { claimNumber: 'CLM-0042', patientName: 'María Williams', payerName: 'Acme Health Plan', appealLevel: 'Level 1 appeal', preparedOn: '2026-12-05', preparedBy: 'Sam Rivera' };
  const baselinePngs = [...pngs, ...tiffPagesAsPng(2)];

  const times = { letter: [] as number[], packet: [] as number[], join: [] as number[] };
  let packetBytes = 0;
  let joinBytes = 0;
  let pageCount = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    // Alternating sides, so load from other work on the machine falls on both.
    let t = performance.now();
    await renderLetterPdf(letterInput);
    const letterMs = performance.now() - t;
    t = performance.now();
    const packet = await buildAppealPacket({ cover, letterPdf, attachments });
    const packetMs = performance.now() - t;
    t = performance.now();
    const joined = await plainJoin([letterPdf, records], baselinePngs, [jpeg]);
    const joinMs = performance.now() - t;
    if (run < WARMUP) continue;
    times.letter.push(letterMs);
    times.packet.push(packetMs);
    times.join.push(joinMs);
    packetBytes = packet.pdf.length;
    joinBytes = joined.length;
    pageCount = packet.pageCount;
  }
  const result = {
    bench: 'packet',
    runs: RUNS,
    pages: pageCount,
    letterPages,
    letterMs: stats(times.letter),
    packetMs: stats(times.packet),
    plainJoinMs: stats(times.join),
    packetKb: Math.round(packetBytes / 1024),
    plainJoinKb: Math.round(joinBytes / 1024),
    medianRatio: 0,
    sizeRatio: Number((packetBytes / joinBytes).toFixed(2)),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) },
  };
  result.medianRatio = Number((result.packetMs.median / result.plainJoinMs.median).toFixed(2));
  console.log(`\nAppeal packet of ${pageCount} pages (letter ${letterPages}), ${RUNS} runs after ${WARMUP} warm-up`);
  console.log(`  buildAppealPacket   median ${result.packetMs.median} ms  p95 ${result.packetMs.p95} ms  ${result.packetKb} KB`);
  console.log(`  plain pdf-lib join  median ${result.plainJoinMs.median} ms  p95 ${result.plainJoinMs.p95} ms  ${result.plainJoinKb} KB`);
  console.log(`  packet / join: time ${result.medianRatio}×, size ${result.sizeRatio}×`);
  console.log(`  renderLetterPdf     median ${result.letterMs.median} ms  p95 ${result.letterMs.p95} ms (not in the packet's time)`);
  if (!process.argv.includes('--no-write-docs')) writeDoc(result);
  console.log(JSON.stringify(result));
}

function writeDoc(r: { runs: number; pages: number; letterPages: number; letterMs: Stats; packetMs: Stats; plainJoinMs: Stats; packetKb: number; plainJoinKb: number; medianRatio: number; sizeRatio: number; machine: { cpus: number; cpuModel?: string; node: string; loadAverage: number[] } }) {
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Performance\n';
  const body = `
\`npm run bench:packet\` (bench/packet.ts), ${new Date().toISOString().slice(0, 10)}: a ${r.pages}-page appeal packet — cover sheet, a
${r.letterPages}-page letter, a records PDF, two PNG scans and a two-page TIFF fax (${SCAN.width}×${SCAN.height} pixels each, 100 dpi),
a JPEG — built by \`buildAppealPacket\` ${r.runs} times, beside a plain pdf-lib join of the same pages in the same run
(copy the PDFs' pages, embed the images as pages, save; no cover, no page stamps, TIFF pages given as PNG).

| | median ms | p95 ms | size KB |
| --- | ---: | ---: | ---: |
| buildAppealPacket | ${r.packetMs.median} | ${r.packetMs.p95} | ${r.packetKb} |
| plain pdf-lib join | ${r.plainJoinMs.median} | ${r.plainJoinMs.p95} | ${r.plainJoinKb} |
| renderLetterPdf (apart) | ${r.letterMs.median} | ${r.letterMs.p95} | |

Packet ÷ join: ${r.medianRatio}× the time, ${r.sizeRatio}× the size. Aim (issue 13): well under 1 s.

Machine: ${r.machine.cpus} CPUs (${r.machine.cpuModel}), Node ${r.machine.node}; load average at the end ${r.machine.loadAverage.join(' / ')}.
`;
  writeFileSync(DOC, replaceSection(doc, 'Packet', body));
}

await main();
process.exit(0);
