// Whether an instance should be sent traffic (GET /api/ready, docs/deployment.md). A balancer reads the status;
// the reason is for the operator looking at the balancer's log, so it names a cause, never data or a stack.

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'database_unreachable' | 'database_timeout' | 'migrations_pending'; message: string; pending?: number };

/**
 * Ready when every migration this build carries has finished in the database. The database may have more: during
 * an upgrade the migrations run first and the old instances keep serving (migrations stay backward compatible
 * for one version), so an applied migration this build does not know is no reason to stop.
 */
export function migrationReadiness(expected: readonly string[], applied: ReadonlySet<string>): Readiness {
  const pending = expected.filter((name) => !applied.has(name)).length;
  if (pending === 0) return { ready: true };
  return { ready: false, reason: 'migrations_pending', message: `${pending} migration(s) this version needs are not applied: run npm run db:migrate.`, pending };
}
