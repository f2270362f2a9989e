import { UNAVAILABLE_MESSAGE } from '@/lib/domain/contracts/result';

/** The error a route handler returned ({ ok: false, code, message }), thrown so TanStack Query sees a failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (res.status === 503) throw new ApiError(503, 'unavailable', body?.message ?? UNAVAILABLE_MESSAGE, body);
  if (!res.ok) throw new ApiError(res.status, body?.code ?? 'internal', body?.message ?? res.statusText, body);
  return body as T;
}
