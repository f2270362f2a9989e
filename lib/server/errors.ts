import 'server-only';

// A handful of codes, each with its HTTP status. Expected failures travel as data ({ ok: false, ... });
// AppError is for refusing a request from deep inside an operation.
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
export type Result<T> = { ok: true; data: T } | Failure;

export function fail(code: ErrorCode, message: string, extra: Omit<Failure, 'ok' | 'code' | 'message'> = {}): Failure {
  return { ok: false, code, message, ...extra };
}
