import { expect } from 'vitest';
import { AppError } from '@/lib/server/errors';

/** The AppError a refused operation threw (fails the test when it did not throw one). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
