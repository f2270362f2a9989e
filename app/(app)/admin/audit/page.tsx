import { z } from 'zod';
import { PageHeader } from '@/components/ui/page-header';
import { type AuditSearch, auditSearchSchema, auditSearchToParams } from '@/lib/domain/contracts/audit';
import { requirePermission } from '@/lib/server/auth';
import { searchAudit } from '@/lib/server/audit/search-audit';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { ChainStatus } from './chain-status';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Audit trail' };

type Search = Record<string, string | string[] | undefined>;

// A search read from the URL (GET form): bookmarkable, and each page a keyset read (docs/decisions/0027).
export default answers503WhenDown(async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission('view_audit');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditSearchSchema.safeParse(raw);
  const search: AuditSearch = parsed.success ? parsed.data : {};
  const problems = parsed.success ? [] : Object.values(z.flattenError(parsed.error).fieldErrors).flat();
  const page = await searchAudit(actor, search);
  const filters = auditSearchToParams(search).toString();
  return (
    <>
      <PageHeader title="Audit trail" description="Who did what, to which record, when and from where. Entries name records, not patients." />
      <ChainStatus lastSeal={page.lastSeal} firstEventDay={page.firstEventDay} todayUtc={new Date().toISOString().slice(0, 10)} />
      <AuditFilters values={raw} users={page.users} exportHref={`/api/exports/audit${filters ? `?${filters}` : ''}`} />
      {problems.length > 0 ? (
        <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {problems.join(' ')} Showing the whole trail instead.
        </p>
      ) : null}
      <AuditTable rows={page.rows} />
      <nav aria-label="Audit pages" className="mt-3 flex gap-3 text-sm">
        {search.cursor ? (
          <a className="font-medium text-brand-700 underline" href={`/admin/audit${filters ? `?${filters}` : ''}`}>
            Newest events
          </a>
        ) : null}
        {page.nextCursor ? (
          <a className="font-medium text-brand-700 underline" href={`/admin/audit?${new URLSearchParams([...new URLSearchParams(filters), ['cursor', page.nextCursor]])}`}>
            Older events
          </a>
        ) : null}
      </nav>
    </>
  );
});
