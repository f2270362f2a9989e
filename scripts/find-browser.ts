// The Chromium the end-to-end tests (and the icon script) drive: Debian's when installed, else Playwright's own
// when it has been downloaded (`npx playwright install chromium`), else none.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Flags Debian's Chromium needs in a container, and that keep it from dialling out during tests. */
export const SYSTEM_CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function playwrightChromium(): string | undefined {
  try {
    const file = chromium.executablePath();
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  return SYSTEM_CHROMIUM ?? playwrightChromium();
}
