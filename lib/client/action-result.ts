import type { ErrorCode, Failure, Result } from '@/lib/domain/contracts/result';

/** A failed action (its Result's failure), thrown so TanStack Query runs onError (and rolls back). */
export class ActionError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'ActionError';
  }
  get code(): ErrorCode {
    return this.failure.code;
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch {
    // The action never answered (network, server restart): nothing is known to be saved.
    throw new ActionError({ ok: false, code: 'internal', message: 'The server could not be reached. Nothing was saved — try again.' });
  }
  if (!result.ok) throw new ActionError(result);
  return result.data;
}
