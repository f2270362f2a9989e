import 'server-only';
import type { ErrorCode, Failure } from '@/lib/domain/contracts/result';

// The result type is the wire contract (lib/domain/contracts/result.ts); re-exported for the operations.
export type { ErrorCode, Failure, Result } from '@/lib/domain/contracts/result';

// A handful of codes, each with its HTTP status. Expected failures travel as data ({ ok: false, ... });
// AppError is for refusing a request from deep inside an operation.
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  /** A request body over its limit (uploads, server actions). */
  too_large: 413,
  /** The database cannot be reached (a restart, an outage): try again shortly (lib/server/db-errors.ts). */
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

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

export function fail(code: ErrorCode, message: string, extra: Omit<Failure, 'ok' | 'code' | 'message'> = {}): Failure {
  return { ok: false, code, message, ...extra };
}
