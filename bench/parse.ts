// Parse benchmark: MB/s and peak RSS of our 835 reader against node-x12 and the bare-split floor, each contender in
// its own child process, on a generated file (bench/generate-835.ts); then node-x12's behaviour on crafted inputs.
//   npx tsx bench/parse.ts [--size 100] [--only ours-stream,split] [--no-write-docs]
// Prints a table and, last, one JSON line with the figures and ratios; writes the "Parse" section of
// docs/performance.md (not with --only, which leaves contenders out).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { generatedPath, writeGenerated835 } from './generate-835';
import { runNodeX12Checks, type CheckResult } from './node-x12-checks';
import { CONTENDERS, type Outcome } from './parse-contenders';
import { writeParseSection } from './performance-doc';

const SELF = fileURLToPath(import.meta.url);
/** node-x12's in-memory model needs gigabytes on 100 MB: room for it (half the 24 GB machine), and a time limit. */
const HEAP_MB = 12_288;
const TIMEOUT_MS = 15 * 60 * 1000;

export interface ContenderResult extends Partial<Outcome> {
  name: string;
  mbPerSecond: number | null;
  /** Size / CPU time: what the contender costs, less disturbed by other work on the machine. */
  cpuMbPerSecond: number | null;
  peakRssMb: number | null;
  failure?: string;
}

export interface ParseBenchResult {
  file: string;
  sizeMb: number;
  contenders: ContenderResult[];
  checks: CheckResult[];
  ratios: Record<string, number | null>;
}

/** In a child: run one contender `repeat` times, print its best time and this process's peak RSS as JSON. */
async function child(name: string, file: string, repeat: number): Promise<void> {
  let best: Outcome | null = null;
  for (let i = 0; i < repeat; i++) {
    const outcome = await CONTENDERS[name]!(file);
    if (best === null || outcome.ms < best.ms) best = outcome;
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...best, peakRssMb })}\n`);
}

function runChild(name: string, file: string, repeat: number): Promise<ContenderResult> {
  const sizeMb = statSync(file).size / (1024 * 1024);
  return new Promise((resolve) => {
    const args = [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, SELF, '--child', name, file, String(repeat)];
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => proc.kill('SIGKILL'), TIMEOUT_MS);
    proc.stdout.on('data', (data: Buffer) => (out += data));
    proc.stderr.on('data', (data: Buffer) => (err += data));
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) {
        const outcome = JSON.parse(line) as Outcome & { peakRssMb: number };
        resolve({ name, ...outcome, mbPerSecond: sizeMb / (outcome.ms / 1000), cpuMbPerSecond: outcome.cpuMs ? sizeMb / (outcome.cpuMs / 1000) : null });
      } else {
        const why = signal === 'SIGKILL' ? `killed after ${TIMEOUT_MS / 60_000} min` : `exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`;
        resolve({ name, mbPerSecond: null, cpuMbPerSecond: null, peakRssMb: null, failure: why });
      }
    });
  });
}

function ratio(results: ContenderResult[], a: string, b: string, by: 'mbPerSecond' | 'cpuMbPerSecond' = 'mbPerSecond'): number | null {
  const x = results.find((r) => r.name === a)?.[by];
  const y = results.find((r) => r.name === b)?.[by];
  return x && y ? Number((x / y).toFixed(2)) : null;
}

function printTable(result: ParseBenchResult): void {
  const rows = result.contenders.map((r) => [
    r.name,
    r.mbPerSecond === null ? '—' : r.mbPerSecond.toFixed(1),
    r.cpuMbPerSecond === null ? '—' : r.cpuMbPerSecond.toFixed(1),
    r.ms === undefined ? '—' : (r.ms / 1000).toFixed(2),
    r.peakRssMb === null ? '—' : r.peakRssMb.toFixed(0),
    r.claims == null ? '—' : String(r.claims),
    r.paidCents == null ? '—' : (r.paidCents / 100).toFixed(2),
    r.failure ?? r.note ?? '',
  ]);
  const head = ['contender', 'MB/s', 'MB/s cpu', 'seconds', 'peak RSS MB', 'claims (CLP)', 'Σ CLP04', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${result.file} (${result.sizeMb.toFixed(1)} MB)\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  console.log('\nnode-x12 on crafted inputs:');
  for (const check of result.checks) {
    console.log(`  ${check.nodeX12Correct ? 'ok  ' : 'FAIL'} ${check.check}\n       expected ${check.expected}\n       node-x12 ${check.nodeX12}\n       ours     ${check.ours}`);
  }
}

/** The machine, for the record next to the figures. */
function machine(): string {
  const load = os.loadavg().map((n) => n.toFixed(2)).join(' / ');
  return `${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}; load average at the end ${load}`;
}

export async function runParseBench(options: { sizeMb?: number; only?: string[]; writeDocs?: boolean } = {}): Promise<ParseBenchResult> {
  const sizeMb = options.sizeMb ?? 10;
  const file = generatedPath(sizeMb);
  if (!existsSync(file)) await writeGenerated835(file, { targetBytes: sizeMb * 1024 * 1024 });
  const contenders: ContenderResult[] = [];
  for (const name of Object.keys(CONTENDERS)) {
    if (options.only && !options.only.includes(name)) continue;
    // Best of three against noise from the rest of the machine; node-x12's in-memory model of a big file
    // takes minutes and gigabytes, so it runs once there.
    contenders.push(await runChild(name, file, name === 'node-x12' && sizeMb > 20 ? 1 : 3));
  }
  const result: ParseBenchResult = {
    file,
    sizeMb: statSync(file).size / (1024 * 1024),
    contenders,
    checks: await runNodeX12Checks(),
    ratios: {
      oursStreamVsSplit: ratio(contenders, 'ours-stream', 'split'),
      oursParse835VsSplit: ratio(contenders, 'ours-parse835', 'split'),
      oursStreamVsNodeX12Stream: ratio(contenders, 'ours-stream', 'node-x12-stream'),
      oursParse835VsNodeX12: ratio(contenders, 'ours-parse835', 'node-x12'),
      oursStreamVsByteScan: ratio(contenders, 'ours-stream', 'byte-scan'),
      oursStreamVsSplitCpu: ratio(contenders, 'ours-stream', 'split', 'cpuMbPerSecond'),
      oursStreamVsNodeX12StreamCpu: ratio(contenders, 'ours-stream', 'node-x12-stream', 'cpuMbPerSecond'),
    },
  };
  printTable(result);
  if (options.writeDocs && !options.only) writeParseSection(result, machine());
  return result;
}

const argv = process.argv;
if (argv[1] && fileURLToPath(import.meta.url) === argv[1]) {
  if (argv[2] === '--child') await child(argv[3]!, argv[4]!, Number(argv[5] ?? 1));
  else {
    const size = argv.indexOf('--size');
    const only = argv.indexOf('--only');
    const result = await runParseBench({
      sizeMb: size > 0 ? Number(argv[size + 1]) : 10,
      only: only > 0 ? argv[only + 1]!.split(',') : undefined,
      writeDocs: !argv.includes('--no-write-docs'),
    });
    const ours = result.contenders.find((r) => r.name === 'ours-stream');
    const mismatches = result.contenders.filter((r) => r.claims != null && (r.claims !== ours?.claims || r.paidCents !== ours?.paidCents));
    console.log(JSON.stringify({
      sizeMb: Number(result.sizeMb.toFixed(1)),
      mbPerSecond: Object.fromEntries(result.contenders.map((r) => [r.name, r.mbPerSecond && Number(r.mbPerSecond.toFixed(1))])),
      cpuMbPerSecond: Object.fromEntries(result.contenders.map((r) => [r.name, r.cpuMbPerSecond && Number(r.cpuMbPerSecond.toFixed(1))])),
      peakRssMb: Object.fromEntries(result.contenders.map((r) => [r.name, r.peakRssMb && Math.round(r.peakRssMb)])),
      claims: Object.fromEntries(result.contenders.map((r) => [r.name, r.claims ?? null])),
      outputsDifferingFromOurs: mismatches.map((r) => `${r.name}: ${r.claims} CLP, Σ CLP04 ${((r.paidCents ?? 0) / 100).toFixed(2)}`),
      ratios: result.ratios,
      nodeX12Problems: result.checks.filter((c) => !c.nodeX12Correct).map((c) => c.check),
      failures: Object.fromEntries(result.contenders.filter((r) => r.failure).map((r) => [r.name, r.failure])),
    }));
  }
}
