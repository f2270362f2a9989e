// The app under test's origin, one definition for playwright.config.ts and the helpers that send mutations.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const APP_ORIGIN = `http://localhost:${E2E_PORT}`;

/**
 * What a browser adds to every mutation it sends (proxy.ts refuses a browser-like request without it); the
 * request context sends a Chrome User-Agent but, unlike a page, no Origin.
 */
export const SAME_ORIGIN = { origin: APP_ORIGIN } as const;
