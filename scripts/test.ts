// npm test: typecheck, lint, unit, integration (real PostgreSQL) and end-to-end (real Chromium), in order,
// stopping at the first failure. Databases are fresh per run: embedded unless DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findChromium } from './find-browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

const steps: [string, string, string[]][] = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['unit', bin('vitest'), ['run', '--project', 'unit']],
  ['integration', bin('vitest'), ['run', '--project', 'integration']],
  ['e2e', bin('playwright'), ['test']],
];

/** Debian's or Playwright's Chromium; else one try at downloading Playwright's, else one line on how to get one. */
function ensureChromium(): boolean {
  if (findChromium()) return true;
  console.log('No Chromium found for the end-to-end tests: installing Playwright\'s (npx playwright install chromium)…');
  const installed = spawnSync(bin('playwright'), ['install', 'chromium'], { cwd: ROOT, stdio: 'inherit' });
  if (installed.status === 0 && findChromium()) return true;
  console.error('✖ e2e needs Chromium and none could be downloaded here: install Debian\'s (`apt-get install chromium`), or run `npx playwright install chromium` where the download works.');
  return false;
}

const only = process.argv.slice(2);
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (name === 'e2e' && !ensureChromium()) process.exit(1);
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) {
    console.error(`✖ ${name} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
