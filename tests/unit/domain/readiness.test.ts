import { describe, expect, it } from 'vitest';
import { migrationReadiness } from '@/lib/domain/readiness';

describe('migrationReadiness', () => {
  const shipped = ['20260101000000_init', '20260201000000_queue', '20260301000000_audit'];

  it('is ready when every shipped migration is applied', () => {
    expect(migrationReadiness(shipped, new Set(shipped))).toEqual({ ready: true });
  });

  it('stays ready when the database has newer migrations (an old instance during an upgrade)', () => {
    expect(migrationReadiness(shipped, new Set([...shipped, '20260401000000_next']))).toEqual({ ready: true });
  });

  it('is not ready, counting what is missing, when a shipped migration is not applied (a new instance before its migrations)', () => {
    expect(migrationReadiness(shipped, new Set(shipped.slice(0, 1)))).toMatchObject({ ready: false, reason: 'migrations_pending', pending: 2 });
  });
});
