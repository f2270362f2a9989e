import { describe, expect, it } from 'vitest';
import { unexpectedWarnings } from '../../../scripts/check-warnings';

describe('unexpectedWarnings', () => {
  it.each([
    ['npm warn EBADENGINE Unsupported engine { package: "pg-boss@12.38.1" }', true],
    ['\u001b[33mWarning: Dynamic filesystem access causes tracing of the whole project\u001b[0m', true],
    ['- Experiments (use with caution):', true],
    ['npm warn deprecated inflight@1.0.6', true],
    ["/usr/bin/chromium: 12: [: Linux: unexpected operator", false],
    ['✓ Compiled successfully in 41s', false],
    ['Demo remittances: 26 835 files imported', false],
  ])('%s → flagged: %s', (line, flagged) => {
    expect(unexpectedWarnings(`before\n${line}\nafter`)).toEqual(flagged ? [line.replace(/\u001b\[[0-9;]*m/g, '')] : []);
  });
});
