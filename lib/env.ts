// Validated environment: import this instead of reading process.env.
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '@/lib/domain/appeals/attachment-type';
import { MAX_TRUSTED_HOPS } from '@/lib/domain/client-address';

const schema = z.object({
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** The address people use. Its origin is trusted by the CSRF check; https turns on HSTS and Secure cookies. */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, message: 'NEXTAUTH_URL must be an http(s):// URL' }).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  /** off: this server process does not run the background scoring jobs (lib/server/scoring/jobs.ts). */
  SCORING_JOBS: z.enum(['on', 'off']).default('on'),
  /** off: this server process neither schedules nor runs the team SLA check (lib/server/sla/run-sla-check.ts). */
  SLA_JOBS: z.enum(['on', 'off']).default('on'),
  /**
   * How many reverse proxies sit in front of the app, each appending to X-Forwarded-For. 0 (the default): the
   * header is not believed and the client's address is unknown (lib/domain/client-address.ts).
   */
  /**
   * The largest 835 one upload may carry, in bytes (2 GiB by default). Stored in chunks and read as a stream,
   * an 835 of any size is ingested in the same memory (docs/decisions/0034-chunked-files.md); this bounds disk
   * and the time one request may take. CSV uploads keep their 200 MB cap (read whole).
   */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive('UPLOAD_MAX_BYTES is a number of bytes').default(2 * 1024 ** 3),
  /** The largest attachment accepted, in bytes (issue 13: 25 MB by default). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive('ATTACHMENT_MAX_BYTES is a number of bytes').default(DEFAULT_ATTACHMENT_MAX_BYTES),
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(MAX_TRUSTED_HOPS, `TRUSTED_PROXIES is a number of proxies (0–${MAX_TRUSTED_HOPS})`).default(0),
});

let cached: z.infer<typeof schema> | undefined;

export function env() {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

export function authSecret(): string {
  const { AUTH_SECRET, NEXTAUTH_SECRET } = env();
  const secret = AUTH_SECRET ?? NEXTAUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set (npm start generates one under .data/ for local use)');
  return secret;
}

/** Whether the public URL (NEXTAUTH_URL) is https: HSTS, Secure cookies, upgrade-insecure-requests. */
export function servedOverHttps(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}
