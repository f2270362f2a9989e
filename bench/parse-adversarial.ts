// How the 835 reader's time grows on inputs that would make a careless reader quadratic (the unit test
// tests/unit/x12/properties.test.ts checks only what they read to): each input at n and 4n, best of a few runs.
// Linear reading takes about 4× as long at 4n (GC and JIT make it noisy); quadratic would take 16×. The
// unending segment is refused after 64 KiB however much follows: its time should not grow at all (≈ 1×).
//   npx tsx bench/parse-adversarial.ts [--repeat 5]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse835, Remit835Reader } from '../lib/domain/x12';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/x12-835/linuxforhealth-medicare-part-a.835');
const head = readFileSync(FIXTURE, 'utf8').split('LX*110212~')[0]!;
const i = process.argv.indexOf('--repeat');
const REPEAT = i > 0 ? Number(process.argv[i + 1]) : 5;

const CASES: [string, number, (n: number) => void][] = [
  ['segments with no element separator (n × ZZZ~)', 250_000, (n) => void parse835(`${head}${'ZZZ~'.repeat(n)}`)],
  ['service lines without the component separator (n × SVC)', 20_000, (n) => void parse835(`${head}LX*1~CLP*1*1*20000*20000~${'SVC*HC99213*1*1~'.repeat(n)}`)],
  [
    'one unending segment fed a character at a time (n characters offered)',
    100_000,
    (n) => {
      const reader = new Remit835Reader();
      reader.push(head);
      for (let k = 0; k < n && reader.push('X'); k++);
      reader.end();
    },
  ],
];

function best(run: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < REPEAT; r++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const results = CASES.map(([name, n, run]) => {
  run(n); // warm-up: the first read also pays for compiling the reader
  const once = best(() => run(n));
  const fourTimes = best(() => run(4 * n));
  return { name, n, ms: Number(once.toFixed(1)), msAt4n: Number(fourTimes.toFixed(1)), ratio: Number((fourTimes / once).toFixed(2)) };
});
for (const r of results) console.log(`${r.name}: n=${r.n} ${r.ms} ms, 4n ${r.msAt4n} ms, ratio ${r.ratio}`);
console.log(JSON.stringify(results));
