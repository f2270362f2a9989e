// CI: `npm start` as a newcomer runs it — until the sign-in page answers, then stopped — and its log checked
// for warnings no one has judged (check-warnings.ts). Prints how long the page took to answer.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { unexpectedWarnings } from './check-warnings';

const ROOT = path.resolve(import.meta.dirname, '..');
const LOG = path.join(ROOT, '.data', 'first-start.log');
const LIMIT_MS = 15 * 60_000; // a stuck start must end the run, not CI's own limit

const port = await new Promise<number>((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = srv.address() as net.AddressInfo;
    srv.close(() => resolve(free));
  });
});

mkdirSync(path.dirname(LOG), { recursive: true });
const started = Date.now();
const log = createWriteStream(LOG);
// Its own process group, so stopping it reaches npm, the start script, Next and PostgreSQL alike.
const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
}
let exited = false;
const done = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

async function answers(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/signin`)).ok;
  } catch {
    return false;
  }
}

let served = false;
while (!exited && Date.now() - started < LIMIT_MS) {
  if ((served = await answers())) break;
  await sleep(1000);
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
// The start log is what was printed until the page answered; the shutdown that follows is this check's doing.

await new Promise<void>((resolve) => log.write('', () => resolve()));
const startLog = await readFile(LOG, 'utf8');
// SIGTERM: Next stops, then the start script stops PostgreSQL ("smart" shutdown waits for Next's connections).
if (!exited) process.kill(-child.pid!, 'SIGTERM');
await done;
await new Promise<void>((resolve) => log.end(resolve));

const problems = served ? [] : [`npm start did not serve /signin (${exited ? 'it exited' : `not within ${LIMIT_MS / 60_000} min`})`];
problems.push(...unexpectedWarnings(startLog).map((line) => `unexpected warning: ${line}`));
if (problems.length) {
  for (const problem of problems) console.error(`✖ ${problem}`);
  console.error('(allowed warnings and why: scripts/check-warnings.ts)');
  process.exit(1);
}
console.log(`✔ first start: /signin answered after ${seconds} s, no unexpected warnings`);
