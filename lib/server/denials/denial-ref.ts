import 'server-only';
import { z } from 'zod';

/** Every edit names the denial and the version the client read (optimistic concurrency). */
export const denialRef = { id: z.uuid(), version: z.number().int().min(0) };
