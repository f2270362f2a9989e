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
  /**
   * off: this server process runs no background jobs at all — no schedules, no workers (lib/server/scoring/jobs.ts).
   * With several instances (docs/deployment.md), the switch that picks which of them work the queue.
   */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** off: this server process does not run the background scoring jobs (nor the SLA check); the older name of JOBS=off. */
  SCORING_JOBS: z.enum(['on', 'off']).default('on'),
  /** off: this server process neither schedules nor runs the team SLA check (lib/server/sla/run-sla-check.ts). */
  SLA_JOBS: z.enum(['on', 'off']).default('on'),
  /** When the team SLA check runs (five-field cron, the server's time zone); every 15 minutes by default. */
  SLA_CHECK_CRON: z
    .string()
    .trim()
    .regex(/^\S+( \S+){4}$/, 'SLA_CHECK_CRON is a five-field cron expression, such as */15 * * * *')
    .optional(),
  /** Connections each instance's pool may open (docs/deployment.md: instances × (pool + 2) ≤ max_connections − reserve). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2, 'DATABASE_POOL_MAX is at least 2').max(200).default(10),
  /**
   * A read replica (or standby) of DATABASE_URL for the read-only reports: the dashboard's statements and the
   * CSV exports read there when it is set (lib/server/db.ts). Writes, and the audit events of those reads, go
   * to the primary. Unset: everything reads the primary.
   */
  DATABASE_REPLICA_URL: z.string().url({ message: 'DATABASE_REPLICA_URL must be a postgresql:// URL' }).optional(),
  /**
   * The largest 835 one upload may carry, in bytes (2 GiB by default). Stored in chunks and read as a stream,
   * an 835 of any size is ingested in the same memory (docs/decisions/0034-chunked-files.md); this bounds disk
   * and the time one request may take. CSV uploads keep their 200 MB cap (read whole).
   */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive('UPLOAD_MAX_BYTES is a number of bytes').default(2 * 1024 ** 3),
  /** The largest attachment accepted, in bytes (issue 13: 25 MB by default). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive('ATTACHMENT_MAX_BYTES is a number of bytes').default(DEFAULT_ATTACHMENT_MAX_BYTES),
  /**
   * How many reverse proxies sit in front of the app, each appending to X-Forwarded-For. 0 (the default): the
   * header is not believed and the client's address is unknown (lib/domain/client-address.ts). One load balancer: 1.
   */
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
