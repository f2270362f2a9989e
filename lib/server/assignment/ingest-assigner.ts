import 'server-only';
import type pg from 'pg';
import { type Assignment, AssignmentRouter } from '@/lib/domain/assignment/distribute';
import type { DenialFacts } from '@/lib/domain/assignment/rules';
import { type Routing, loadRouting, loadRules } from './load-routing';
import { OwnerTally, assignedEventData, saveCursors } from './route-events';

/**
 * The assignment rules as an import applies them: loaded once before the import's connection is taken (as the
 * code mapping is), asked per new open denial while its row is built (so team, owner and status go out in the same COPY as
 * the denial, and the 'assigned' event in the same COPY as the 'ingested' one — no statement per denial, no
 * UPDATE after), and finished in the import's transaction: the round-robin cursors and one notification per
 * owner. A rolled-back import therefore assigns, moves and notifies nothing.
 */
export class IngestAssigner {
  private readonly tally = new OwnerTally();

  private constructor(
    private readonly routing: Routing,
    private readonly router: AssignmentRouter,
  ) {}

  /** Null when no rule is enabled: the import then costs one small query more than before. */
  static async load(client: pg.Pool): Promise<IngestAssigner | null> {
    const rules = await loadRules(client);
    if (!rules.some((r) => r.enabled)) return null;
    const routing = await loadRouting(client, rules);
    return new IngestAssigner(routing, new AssignmentRouter(routing));
  }

  route(d: DenialFacts): Assignment | null {
    const a = this.router.assign(d);
    if (a) this.tally.add(a.ownerId, d.deniedCents);
    return a;
  }

  eventData(a: Assignment, fileId: string, status: { from: string; to: string }) {
    return assignedEventData(this.routing, a, { fileId, status });
  }

  async finish(client: pg.PoolClient, actorId: string | null, filename: string): Promise<void> {
    await saveCursors(client, this.router.movedCursors());
    await this.tally.notify(client, actorId, `from the import of ${filename}`);
  }
}
