// The parsers bench/parse.ts compares. Each runs alone in its own child process, so its peak RSS is its own.
// In-memory contenders read the file before the clock starts; streaming ones are timed from open to end.
import { createReadStream, readFileSync } from 'node:fs';
import { X12Interchange, X12Parser } from 'node-x12';
import { parse835, parseCents, Remit835Reader } from '../lib/domain/x12';
import { asciiText } from '../lib/node/ascii-text';

/**
 * Each streaming contender reads the file in the pieces that suit it best, measured on the 100 MB file: ours in
 * 1 MiB (as the ingest hands the reader an upload; with fs.createReadStream's default 64 KiB a tenth of its time
 * went to per-read overhead), node-x12's stream in the default 64 KiB (32 MB/s, against 25 MB/s with 1 MiB).
 */
const OUR_READ_BYTES = 1 << 20;
const NODE_X12_READ_BYTES = 64 * 1024;

export interface Outcome {
  ms: number;
  /** CPU time (user + system) of the timed part: steadier than wall time on a shared machine. */
  cpuMs?: number;
  /** CLP segments / claims read, and Σ CLP04 in cents: what the contenders must agree on. */
  claims: number | null;
  paidCents: number | null;
  segments: number | null;
  note?: string;
}

type Contender = (file: string) => Promise<Outcome>;

/** Wall and CPU time since `started` (performance.now()) and `cpu` (process.cpuUsage()). */
function elapsed(started: number, cpu: NodeJS.CpuUsage): { ms: number; cpuMs: number } {
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** CLP04 of an element array (index 0 = the id) as cents; NaN-safe for the comparison. */
function clp04(value: string | undefined): number {
  return parseCents(value ?? '') ?? 0;
}

export const CONTENDERS: Record<string, Contender> = {
  /** Ours, streaming: the file's 1 MiB reads pushed as bytes (ASCII checked as the ingest does), claims counted and dropped. */
  async 'ours-stream'(file) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let claims = 0;
    let paidCents = 0;
    const reader = new Remit835Reader({
      asciiText,
      onClaim: (claim) => {
        claims += 1;
        paidCents += claim.paidCents;
      },
    });
    for await (const chunk of createReadStream(file, { highWaterMark: OUR_READ_BYTES })) reader.push(chunk as Buffer);
    const result = reader.end();
    return { ...elapsed(started, cpu), claims, paidCents, segments: result.stats.segments, note: result.ok ? `${result.warningCount} warnings` : result.error.message };
  },

  /** Ours, whole text: parse835 keeps every claim in the returned tree. */
  async 'ours-parse835'(file) {
    const text = readFileSync(file, 'utf8');
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = parse835(text);
    const { ms, cpuMs } = elapsed(started, cpu);
    let paidCents = 0;
    let claims = 0;
    for (const interchange of result.file.interchanges) {
      for (const group of interchange.groups) {
        for (const transaction of group.transactions) {
          claims += transaction.claims.length;
          paidCents += transaction.totalPaidCents;
        }
      }
    }
    return { ms, cpuMs, claims, paidCents, segments: result.stats.segments, note: result.ok ? undefined : result.error.message };
  },

  /** node-x12's in-memory X12Parser.parse (non-strict): the whole interchange object model. */
  async 'node-x12'(file) {
    const text = readFileSync(file, 'utf8');
    const started = performance.now();
    const cpu = process.cpuUsage();
    const interchange = new X12Parser().parse(text);
    const { ms, cpuMs } = elapsed(started, cpu);
    let claims = 0;
    let paidCents = 0;
    let segments = 0;
    // Non-strict parsing merges concatenated interchanges into one, so a fat interchange never comes back here.
    const interchanges = interchange instanceof X12Interchange ? [interchange] : [];
    for (const one of interchanges) {
      for (const group of one.functionalGroups) {
        for (const transaction of group.transactions) {
          segments += transaction.segments.length + 2;
          for (const segment of transaction.segments) {
            if (segment.tag !== 'CLP') continue;
            claims++;
            paidCents += clp04(segment.elements[3]?.value);
          }
        }
      }
    }
    return { ms, cpuMs, claims, paidCents, segments, note: 'segments counted inside ST..SE only' };
  },

  /** node-x12's streaming parser: createReadStream piped into X12Parser, segments counted as they come. */
  async 'node-x12-stream'(file) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let claims = 0;
    let paidCents = 0;
    let segments = 0;
    await new Promise<void>((resolve, reject) => {
      createReadStream(file, { highWaterMark: NODE_X12_READ_BYTES })
        .pipe(new X12Parser())
        .on('data', (segment: { tag: string; elements: { value: string }[] }) => {
          segments++;
          if (segment.tag !== 'CLP') return;
          claims++;
          paidCents += clp04(segment.elements[3]?.value);
        })
        .on('end', resolve)
        .on('error', reject);
    });
    return { ...elapsed(started, cpu), claims, paidCents, segments };
  },

  /** The floor everyone quotes: text.split('~').map((s) => s.split('*')), no meaning attached. */
  async split(file) {
    const text = readFileSync(file, 'utf8');
    const started = performance.now();
    const cpu = process.cpuUsage();
    const segments = text.split('~').map((segment) => segment.split('*'));
    const { ms, cpuMs } = elapsed(started, cpu);
    let claims = 0;
    let paidCents = 0;
    for (const elements of segments) {
      if (elements[0]!.trim() !== 'CLP') continue;
      claims++;
      paidCents += clp04(elements[4]);
    }
    return { ms, cpuMs, claims, paidCents, segments: segments.filter((s) => s.join('').trim() !== '').length };
  },

  /** A byte scan that only finds segment ends (Buffer.indexOf on '~'): the cost of touching the bytes at all. */
  async 'byte-scan'(file) {
    const bytes = readFileSync(file);
    const started = performance.now();
    const cpu = process.cpuUsage();
    let segments = 0;
    for (let at = bytes.indexOf(0x7e); at >= 0; at = bytes.indexOf(0x7e, at + 1)) segments++;
    return { ...elapsed(started, cpu), claims: null, paidCents: null, segments };
  },
};
