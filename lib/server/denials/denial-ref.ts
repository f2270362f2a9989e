import 'server-only';
import { z } from 'zod';

/** What an unknown denial and one outside the actor's reach both answer (404): existence never leaks. */
export const DENIAL_NOT_FOUND = 'This denial does not exist.';

/** Every edit names the denial and the version the client read (optimistic concurrency). */
export const denialRef = { id: z.uuid(), version: z.number().int().min(0) };
