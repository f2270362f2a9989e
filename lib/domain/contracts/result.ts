// What an operation answers and a server action hands the browser: { ok: true, data } or an expected failure
// as data. One definition: lib/server/errors.ts maps each code to its HTTP status, lib/client/action-result.ts
// unwraps it for TanStack Query.

export const ERROR_CODES = ['unauthenticated', 'forbidden', 'not_found', 'invalid_input', 'conflict', 'too_large', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
export type Result<T> = { ok: true; data: T } | Failure;

/** What 'unavailable' (503) says, on the server and in the browser when a proxy answered 503 without a body. */
export const UNAVAILABLE_MESSAGE = 'The database is unavailable right now. Nothing was saved — try again in a moment.';
