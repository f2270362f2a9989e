/** What a server action returns (lib/server/errors.ts Result), as the browser sees it. */
export type ActionFailure = { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** A failed action, thrown so TanStack Query runs onError (and rolls back). */
export class ActionError extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.message);
    this.name = 'ActionError';
  }
  get code(): string {
    return this.failure.code;
  }
}

export async function unwrap<T>(pending: Promise<ActionResult<T>>): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await pending;
  } catch {
    // The action never answered (network, server restart): nothing is known to be saved.
    throw new ActionError({ ok: false, code: 'internal', message: 'The server could not be reached. Nothing was saved — try again.' });
  }
  if (!result.ok) throw new ActionError(result);
  return result.data;
}
