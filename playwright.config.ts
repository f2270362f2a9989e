import { defineConfig, devices } from '@playwright/test';
import { SYSTEM_CHROMIUM as systemChromium, SYSTEM_CHROMIUM_ARGS } from './scripts/find-browser';
import { APP_ORIGIN, E2E_PORT as PORT, SAME_ORIGIN } from './tests/e2e/support/app-origin';

// Debian's Chromium when present (no browser download needed); Playwright's own browser otherwise
// (`npm test` installs it when neither is there, see scripts/find-browser.ts).

export default defineConfig({
  testDir: 'tests/e2e',
  // Every test makes its own users and denials (tests/e2e/support/fixtures.ts), so tests run in any order, at once.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: APP_ORIGIN,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: systemChromium,
      args: systemChromium ? SYSTEM_CHROMIUM_ARGS : [],
    },
  },
  projects: [
    { name: 'ui', testMatch: /.*\.ui\.spec\.ts/ },
    // Route handlers called as a same-origin page would: with an Origin (tests of forgeries set their own).
    { name: 'api', testMatch: /.*\.api\.spec\.ts/, use: { extraHTTPHeaders: SAME_ORIGIN } },
  ],
  webServer: {
    command: 'npx tsx --conditions=react-server scripts/e2e-server.ts',
    url: `http://localhost:${PORT}/signin`,
    env: { PORT: String(PORT) },
    timeout: 300_000,
    reuseExistingServer: false,
    // Without a signal first the server is killed outright and its database is never dropped.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
  },
});
