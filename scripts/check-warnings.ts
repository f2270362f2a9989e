// Fails when an install, build or start log holds a warning no one has judged: a newcomer's first run should
// print nothing alarming. `tsx scripts/check-warnings.ts <log>…`; each allowed line says why it is harmless.
import { readFileSync } from 'node:fs';

export const ALLOWED: { line: RegExp; why: string }[] = [
  {
    line: /\[: .*unexpected operator/,
    why: "Debian's chromium wrapper script tests a variable unquoted; the browser starts normally (stack-notes)",
  },
];

const SUSPECT = /warn|deprecat|experiment|EBADENGINE/i;
const ANSI = /\u001b\[[0-9;]*m/g;

/** The log's lines that look like warnings and are not allowed, without colour codes. */
export function unexpectedWarnings(log: string): string[] {
  return log
    .split(/\r?\n/)
    .map((line) => line.replace(ANSI, '').trim())
    .filter((line) => SUSPECT.test(line) && !ALLOWED.some((allowed) => allowed.line.test(line)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const line of unexpectedWarnings(readFileSync(file, 'utf8'))) {
      console.error(`${file}: ${line}`);
      found++;
    }
  }
  if (found) {
    console.error(`✖ ${found} warning line(s) not in the allow-list of scripts/check-warnings.ts: fix the cause, or allow the line there with why it is harmless.`);
    process.exit(1);
  }
  console.log(`✔ no unexpected warnings in ${process.argv.slice(2).join(', ')}`);
}
